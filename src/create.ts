// The create flow: answers -> target -> plan (in memory) -> write -> git ->
// install -> next steps. Each step is a small module; this file only orders
// them and keeps the one cleanup that undoes a failed or cancelled run.
//
// cli.ts imports this file only when a create runs (--help, --version and
// usage errors load none of it), so the steps every create takes are plain
// imports, one chunk in the bundle; git, install (execa) and a terminal UI
// (clack) are imported only when asked for.
import type { CreateFlags } from "./args.js";
import type { Cleanup, Io } from "./context.js";
import { combinationId } from "./constraints.js";
import { writePlan } from "./io/write.js";
import { type Answers } from "./options.js";
import { TEMPLATES_DIR } from "./paths.js";
import { newProject } from "./render/new-project.js";
import { resolveAnswers } from "./steps/answers.js";
import type { GitResult } from "./steps/git.js";
import { nextSteps } from "./steps/next-steps.js";
import type { InstallTool } from "./steps/python.js";
import { planListing, summary } from "./steps/report.js";
import { refuseInsideProject, resolveTarget } from "./steps/target.js";
import { createUi } from "./ui.js";

export interface CreateResult {
  ok: true;
  command: "create";
  dryRun: boolean;
  directory: string;
  name: string;
  distribution: string;
  package: string;
  answers: Answers;
  combination: string;
  files: Array<{ path: string; bytes: number }>;
  git: GitResult["status"] | "off";
  installed: "uv" | "pip" | "off";
}

/**
 * The tool an install would use, checked before any question or write: a
 * missing Python fails here in one line. Null when no install can happen.
 */
async function installToolFor(io: Io, flags: CreateFlags): Promise<InstallTool | null> {
  if (flags.install === false || flags.dryRun) return null;
  const { detectInstallTool, findPython } = await import("./steps/python.js");
  const tool = await detectInstallTool(io.env);
  if (tool === "pip") await findPython(io.env);
  return tool;
}

export async function create(io: Io, flags: CreateFlags, cleanup: Cleanup): Promise<CreateResult> {
  const ui = await createUi(io, flags.json);
  if (io.interactive && !flags.json) ui.intro("create-backend-starter");
  await refuseInsideProject(io.cwd, flags.directory);
  const tool = await installToolFor(io, flags);
  const resolved = await resolveAnswers(io, flags, `Install Python dependencies now (${tool === "pip" ? "pip, in .venv" : "uv sync"})?`);
  const target = await resolveTarget(io, flags.directory, resolved.rawName, flags.force);
  const { names } = target;
  const rendered = newProject(names, resolved.answers, TEMPLATES_DIR);
  const plan = rendered.files;
  const result: CreateResult = {
    ok: true,
    command: "create",
    dryRun: flags.dryRun,
    directory: target.dir,
    name: names.name,
    distribution: names.dist,
    package: names.pkg,
    answers: resolved.answers,
    combination: combinationId(resolved.answers),
    files: [...plan].map(([path, content]) => ({ path, bytes: content.length })),
    git: "off",
    installed: "off",
  };
  if (flags.dryRun) {
    ui.info(planListing(target, plan));
    return result;
  }
  ui.note(summary(names, resolved.answers), `Creating ${target.shown}`);
  const written = await ui.task(
    "Writing files",
    (w) => `Wrote ${w.written.length + w.replaced.length} files to ${target.shown}`,
    () => writePlan(target.dir, plan, flags, target.nonEmpty, cleanup),
  );
  if (resolved.git) {
    const { initGit } = await import("./steps/git.js");
    const git = await ui.task("Initialising git", (g) => (g.status === "committed" ? "Git repository with a first commit" : `Git skipped: ${g.reason}`), () => initGit(target.dir, cleanup));
    result.git = git.status;
  }
  if (resolved.install) {
    const [{ installDependencies }, { commitLockFile }, { detectInstallTool }] = await Promise.all([
      import("./steps/install.js"),
      import("./steps/git.js"),
      import("./steps/python.js"),
    ]);
    const installTool = tool ?? (await detectInstallTool(io.env));
    const installed = await ui.task(
      `Installing Python dependencies with ${installTool}`,
      (r) => `Installed with ${r.tool}`,
      () => installDependencies(io, target.dir, installTool, rendered.context.deps.dev, cleanup),
    );
    result.installed = installed.tool;
    if (result.git === "committed") await commitLockFile(target.dir);
  }
  await written.finalize();
  cleanup.commit();
  ui.outro(nextSteps(target.shown, names, resolved.answers, result.installed));
  return result;
}
