// A project's own generators: plop generators in a plopfile at the project root
// (plopfile.mjs, plopfile.js or plopfile.cjs, plop's own convention), which
// `add --list` shows beside the built-in ones and `add NAME` runs. Their
// templates see the project's names and answers (`{{project.pkg}}`,
// `{{answers.db}}`) besides their own prompts' answers. node-plop is loaded only
// here, when a project's generator is listed or run: creating a project,
// --help, update, check, diff and the built-in `add` generators never import it.
// (The built-in generators are not plop generators: they must merge three ways
// into files the user may have edited, which is the update engine's work, not
// what plop's add/modify actions do.)
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Io } from "../src/context.js";
import { UsageError, UserError } from "../src/errors.js";
import { importEsm } from "../src/io/import-esm.js";
import { projectNames } from "../src/names.js";
import type { SubgeneratorRun } from "../src/spec.js";
import type { LoadedProject } from "../src/update/project.js";

const PLOPFILES = ["plopfile.mjs", "plopfile.js", "plopfile.cjs"];
export const LOCAL_PREFIX = "local:";

export interface LocalGenerator {
  readonly name: string;
  readonly description: string;
}

function plopfileOf(root: string): string | null {
  return PLOPFILES.map((name) => join(root, name)).find((path) => existsSync(path)) ?? null;
}

type NodePlop = Awaited<ReturnType<(typeof import("node-plop"))["default"]>>;

async function loadPlop(root: string): Promise<NodePlop | null> {
  const plopfile = plopfileOf(root);
  if (plopfile === null) return null;
  const { default: nodePlop } = await importEsm("node-plop");
  try {
    return await nodePlop(plopfile, { destBasePath: root, force: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UserError(`The project's ${plopfile.slice(root.length + 1)} cannot be loaded (${reason}); fix it, or move it away to use only the built-in generators.`);
  }
}

export async function localGenerators(root: string): Promise<LocalGenerator[]> {
  const plop = await loadPlop(root);
  return plop === null ? [] : plop.getGeneratorList().map(({ name, description }) => ({ name, description }));
}

/** Runs the project's generator `name` with `args` as its prompts' answers, in order; the run to record, or null if it has none of that name. */
export async function runLocalGenerator(io: Io, project: LoadedProject, name: string, args: readonly string[], dryRun: boolean): Promise<SubgeneratorRun | null> {
  const plop = await loadPlop(project.root);
  if (plop === null || !plop.getGeneratorList().some((g) => g.name === name)) return null;
  const generator = plop.getGenerator(name);
  const prompts = Array.isArray(generator.prompts) ? generator.prompts : [];
  if (!io.interactive && args.length < prompts.length) {
    const names = prompts.map((p: { name?: string }) => p.name ?? "?").join(", ");
    throw new UsageError(`The project's generator ${name} asks for ${prompts.length} value(s) (${names}); give them after its name: backend-starter add ${name} ${prompts.map(() => "VALUE").join(" ")}.`);
  }
  const answers = (await generator.runPrompts([...args])) as Record<string, unknown>;
  if (dryRun) {
    const actions = Array.isArray(generator.actions) ? generator.actions : [];
    const described = actions.map((a) => (typeof a === "string" ? `  would print ${a}` : `  would run  ${"type" in a ? String(a.type) : "action"} ${"path" in a ? String(a.path) : ""}`.trimEnd()));
    io.stdout.write(`${[`Dry run: the project's generator ${name}, with ${JSON.stringify(answers)}.`, ...described].join("\n")}\n`);
    return { generator: `${LOCAL_PREFIX}${name}`, args: answers };
  }
  const data = { ...answers, project: projectNames(project.manifest.name), answers: project.manifest.answers };
  const { changes, failures } = await generator.runActions(data);
  for (const change of changes) io.stdout.write(`  ${change.type.padEnd(11)}${change.path.replace(/^\//, "")}\n`);
  if (failures.length > 0) {
    const reasons = failures.map((f) => `${f.type} ${f.path}: ${f.error}`).join("; ");
    throw new UserError(`The project's generator ${name} failed (${reasons}); what it wrote before is left for you to inspect (git status).`);
  }
  return { generator: `${LOCAL_PREFIX}${name}`, args: answers };
}
