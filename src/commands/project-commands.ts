// `update`, `check` and `diff`: the commands run inside a generated project.
import { parseArgs } from "node:util";
import { parseAnswer } from "../answer-values.js";
import type { Cleanup, Io } from "../context.js";
import { EXIT, UsageError, UserError } from "../errors.js";
import { applyChanges } from "../io/transaction.js";
import { type AnswerKey, type Answers, ANSWER_KEYS, OPTIONS } from "../options.js";
import { TEMPLATES_DIR } from "../paths.js";
import { GENERATOR, PROJECT_COMMAND } from "../version.js";
import { dirtyFiles, markUnmerged } from "../update/git-index.js";
import { MIGRATIONS } from "../update/migrations.js";
import { changesFiles, type SpecChange, type UpdatePlan, planUpdate, type UpdateSource } from "../update/plan.js";
import { filesWithConflictMarkers, listed, refuseNewerProject } from "../update/guards.js";
import { type LoadedProject, loadProject } from "../update/project.js";
import { unifiedDiff } from "./unified-diff.js";

export const DEFAULT_SOURCE: UpdateSource = { templatesDir: TEMPLATES_DIR, version: GENERATOR.version, migrations: MIGRATIONS };

const SPECS = {
  set: { type: "string", multiple: true },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  "allow-dirty": { type: "boolean" },
  "allow-data-loss": { type: "boolean" },
} as const;

export interface ProjectFlags {
  set: Partial<Answers>;
  dryRun: boolean;
  json: boolean;
  allowDirty: boolean;
  allowDataLoss: boolean;
}

function parseSet(entries: readonly string[]): Partial<Answers> {
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    const match = /^([a-z]+)=(.*)$/.exec(entry);
    if (!match) throw new UsageError(`--set takes key=value, got "${entry}"; keys are ${ANSWER_KEYS.join(", ")}.`);
    const [, key = "", raw = ""] = match;
    if (!(ANSWER_KEYS as readonly string[]).includes(key)) throw new UsageError(`--set ${key}: unknown answer; keys are ${ANSWER_KEYS.join(", ")}.`);
    const option = OPTIONS[key as AnswerKey];
    const value = option.kind === "boolean" ? ({ true: true, yes: true, false: false, no: false } as Record<string, boolean>)[raw] ?? raw : raw;
    out[key] = parseAnswer(key as AnswerKey, value, `--set ${key}`);
  }
  return out as Partial<Answers>;
}

function parseProjectFlags(command: string, argv: readonly string[], allowed: readonly (keyof typeof SPECS)[]): ProjectFlags {
  const options = Object.fromEntries(allowed.map((k) => [k, SPECS[k]]));
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split(". ")[0] : String(error);
    throw new UsageError(`${command}: ${message}; it takes ${allowed.map((k) => `--${k}`).join(", ")}.`);
  }
  return {
    set: parseSet((values.set as string[] | undefined) ?? []),
    dryRun: values["dry-run"] === true,
    json: values.json === true,
    allowDirty: values["allow-dirty"] === true,
    allowDataLoss: values["allow-data-loss"] === true,
  };
}

function reportText(plan: UpdatePlan, dryRun: boolean, headline?: string): string {
  const changed = ANSWER_KEYS.filter((k) => JSON.stringify(plan.answersBefore[k]) !== JSON.stringify(plan.answersAfter[k]));
  const answers = changed.map((k) => `${k} ${String(plan.answersBefore[k])} -> ${String(plan.answersAfter[k])}`).join(", ");
  if (headline === undefined && plan.outcomes.length === 0 && answers === "" && plan.fromVersion === plan.toVersion) {
    return `Nothing ${dryRun ? "would change" : "changed"}: the project already matches the templates of ${plan.toVersion}.`;
  }
  const versions = plan.fromVersion === plan.toVersion ? `with the templates of ${plan.toVersion}` : `from ${plan.fromVersion} to ${plan.toVersion}`;
  const head = headline ?? `${dryRun ? "Would update" : "Updated"} ${versions}${answers ? ` (${answers})` : ""}.`;
  const labels: Record<string, string> = {
    added: "added",
    updated: "updated",
    merged: "merged",
    conflict: "CONFLICT",
    "binary-conflict": "CONFLICT",
    deleted: "deleted",
    "edited-dropped": "kept",
    "user-deleted": "left deleted",
    renamed: "renamed",
  };
  const notes: Record<string, string> = {
    conflict: " (resolve the <<<<<<< markers)",
    "binary-conflict": " (yours kept; the new version is beside it as .new)",
    "edited-dropped": " (the templates dropped it; you had edited it)",
    "user-deleted": " (you deleted it)",
  };
  const rows = plan.outcomes.map((o) => `  ${labels[o.outcome]?.padEnd(13)}${o.from ? `${o.from} -> ` : ""}${o.path}${notes[o.outcome] ?? ""}`);
  const tail =
    plan.conflicts.length + plan.outcomes.filter((o) => o.outcome === "binary-conflict").length > 0
      ? `\n${plan.outcomes.filter((o) => o.outcome.endsWith("conflict")).length} conflict(s) ${dryRun ? "would remain" : "remain: resolve them, then commit"}.`
      : "";
  return [head, ...(rows.length > 0 ? rows : ["  nothing to change in your files"])].join("\n") + tail;
}

function reportJson(plan: UpdatePlan, command: string, dryRun: boolean, exitCode: number): string {
  return JSON.stringify({
    ok: exitCode === EXIT.ok,
    command,
    dryRun,
    exitCode,
    fromVersion: plan.fromVersion,
    toVersion: plan.toVersion,
    answers: { before: plan.answersBefore, after: plan.answersAfter },
    files: plan.outcomes,
    conflicts: plan.outcomes.filter((o) => o.outcome.endsWith("conflict")).map((o) => o.path),
  });
}

function hasConflicts(plan: UpdatePlan): boolean {
  return plan.outcomes.some((o) => o.outcome.endsWith("conflict"));
}

/** Even with --allow-dirty: merging over unresolved markers would bury them. */
async function refuseConflictMarkers(project: LoadedProject): Promise<void> {
  const marked = await filesWithConflictMarkers(project);
  if (marked.length === 0) return;
  throw new UserError(
    `${marked.length} file(s) still hold conflict markers (${listed(marked)}); resolve the <<<<<<< sections and commit, then run update again.`,
    EXIT.conflictMarkers,
  );
}

export async function runUpdate(io: Io, argv: readonly string[], cleanup: Cleanup, source = DEFAULT_SOURCE): Promise<number> {
  const flags = parseProjectFlags("update", argv, ["set", "dry-run", "json", "allow-dirty", "allow-data-loss"]);
  const project = await loadProject(io.cwd);
  return applyUpdate(io, { command: "update", project, flags, change: { set: flags.set }, cleanup, source });
}

export interface UpdateRun {
  readonly command: string;
  readonly project: LoadedProject;
  readonly flags: Omit<ProjectFlags, "set">;
  readonly change: SpecChange;
  readonly cleanup: Cleanup;
  readonly source: UpdateSource;
  /** The first line of the report, when the command says it better than "Updated ...". */
  readonly headline?: string;
}

/** A real run (not --dry-run) needs a committed tree, so its changes can be told from the user's. */
export async function refuseDirtyTree(project: LoadedProject, flags: { allowDirty: boolean; dryRun: boolean }): Promise<void> {
  if (flags.allowDirty || flags.dryRun) return;
  const dirty = await dirtyFiles(project.root);
  if (dirty.length > 0) {
    throw new UserError(`The git tree has uncommitted changes (${dirty.slice(0, 3).join(", ")}${dirty.length > 3 ? ", ..." : ""}); commit or stash them first, or pass --allow-dirty.`);
  }
}

/** `update` and every `add`/`remove`: the same guards, the same plan, the same report. */
export async function applyUpdate(io: Io, run: UpdateRun): Promise<number> {
  const { project, flags, source } = run;
  refuseNewerProject(project, source.version);
  await refuseConflictMarkers(project);
  await refuseDirtyTree(project, flags);
  const plan = await planUpdate(project, run.change, source, { allowDataLoss: flags.allowDataLoss });
  const exitCode = hasConflicts(plan) ? EXIT.conflicts : EXIT.ok;
  if (!flags.dryRun) {
    const applied = await applyChanges(project.root, plan.changes, run.cleanup);
    await markUnmerged(project.root, plan.conflicts);
    await applied.finalize();
    run.cleanup.commit();
  }
  io.stdout.write(`${flags.json ? reportJson(plan, run.command, flags.dryRun, exitCode) : reportText(plan, flags.dryRun, run.headline)}\n`);
  return exitCode;
}

export async function runCheck(io: Io, argv: readonly string[], source = DEFAULT_SOURCE): Promise<number> {
  const flags = parseProjectFlags("check", argv, ["json"]);
  const project = await loadProject(io.cwd);
  refuseNewerProject(project, source.version);
  const marked = await filesWithConflictMarkers(project);
  const plan = await planUpdate(project, {}, source);
  const behind = plan.fromVersion !== plan.toVersion || changesFiles(plan);
  const exitCode = marked.length > 0 ? EXIT.conflictMarkers : behind ? EXIT.behind : EXIT.ok;
  if (flags.json) {
    const result = { ok: exitCode === EXIT.ok, command: "check", behind, conflictMarkers: marked, exitCode, fromVersion: plan.fromVersion, toVersion: plan.toVersion, files: plan.outcomes };
    io.stdout.write(`${JSON.stringify(result)}\n`);
    return exitCode;
  }
  const lines = [
    behind
      ? `Behind: generated with ${plan.fromVersion}, templates are ${plan.toVersion}; ${plan.outcomes.length} file(s) would change. Run ${PROJECT_COMMAND} update.`
      : `Up to date with the templates of ${plan.toVersion}.`,
    ...(marked.length > 0 ? [`Conflict markers remain in ${marked.length} file(s): ${listed(marked, 10)}; resolve the <<<<<<< sections, then commit.`] : []),
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return exitCode;
}

export async function runDiff(io: Io, argv: readonly string[], source = DEFAULT_SOURCE): Promise<number> {
  const flags = parseProjectFlags("diff", argv, ["set"]);
  const project = await loadProject(io.cwd);
  refuseNewerProject(project, source.version);
  const plan = await planUpdate(project, { set: flags.set }, source);
  for (const [path, content] of plan.changes) {
    if (path.startsWith(".backend-starter")) continue;
    io.stdout.write(await unifiedDiff(plan.root, path, content));
  }
  return EXIT.ok;
}
