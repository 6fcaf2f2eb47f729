// Computes an update in memory: render the new version, follow migrations,
// decide and merge file by file. Nothing is written here, so --dry-run, `diff`
// and `check` are the same computation as a real update.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { BASE_FILE } from "../io/base.js";
import { MANIFEST_FILE, metadataFiles } from "../io/manifest.js";
import { type FilePolicy, type Plan, sortedPlan } from "../plan.js";
import type { Changes } from "../io/transaction.js";
import { projectNames } from "../names.js";
import type { Answers } from "../options.js";
import { planProject } from "../render/render.js";
import { ADD_RESOURCE, refuseLongLines, resourcesOf } from "../resource-runs.js";
import type { ProjectSpec, SubgeneratorRun } from "../spec.js";
import { migrationHead } from "./revisions.js";
import { checkAnswers } from "../steps/answers.js";
import { decide } from "./decide.js";
import { merge3 } from "./merge.js";
import { type Migration, migrationsBetween } from "./migrations.js";
import type { LoadedProject } from "./project.js";

export type Outcome =
  | "added"
  | "updated"
  | "merged"
  | "conflict"
  | "binary-conflict"
  | "deleted"
  | "edited-dropped"
  | "user-deleted"
  | "renamed";

export interface FileOutcome {
  readonly path: string;
  readonly outcome: Outcome;
  /** For renamed: where the file came from. */
  readonly from?: string;
}

/** The three versions of a conflicted file, for git's index stages. */
export interface Conflict {
  readonly path: string;
  readonly base: Buffer | null;
  readonly ours: Buffer;
  readonly theirs: Buffer;
}

export interface UpdatePlan {
  readonly root: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly answersBefore: Answers;
  readonly answersAfter: Answers;
  /** Every file write and delete, manifest and base included. */
  readonly changes: Changes;
  readonly outcomes: FileOutcome[];
  readonly conflicts: Conflict[];
}

export interface UpdateSource {
  readonly templatesDir: string;
  readonly version: string;
  readonly migrations: readonly Migration[];
}

async function readOrNull(path: string): Promise<Buffer | null> {
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "EISDIR") return null;
    throw error;
  });
}

const METADATA = new Set([MANIFEST_FILE, BASE_FILE]);

export interface UpdateOptions {
  /** Consent to revisions that drop tables or columns (an option turned off). */
  readonly allowDataLoss?: boolean;
}

/** What an update changes besides the templates: answers (`--set`, `add FEATURE`) and runs (`add resource`). */
export interface SpecChange {
  readonly set?: Partial<Answers>;
  /** Runs to record after the project's own, replayed with them. */
  readonly runs?: readonly SubgeneratorRun[];
}

/**
 * Answers a project is built around: every web and model file is theirs, so
 * another value is a new project, not an update that could keep user edits.
 */
const FIXED_ANSWERS = ["framework", "orm"] as const;

function refuseFixedChanges(before: Answers, set: Partial<Answers> | undefined): void {
  for (const key of FIXED_ANSWERS) {
    const wanted = set?.[key];
    if (wanted !== undefined && wanted !== before[key]) {
      throw new UsageError(
        `--set ${key}=${wanted}: a project's ${key} cannot change (this one is ${before[key]}); generate a new project with --${key} ${wanted} and move your code over.`,
      );
    }
  }
}

/**
 * Whether a Django migration's app has left the project: the templates no longer
 * write its apps.py. Its migrations leave with it, unlike Alembic's one chain
 * (the app's revert, in core, dropped its tables and forgot them).
 */
function inRemovedApp(path: string, theirs: Plan): boolean {
  const app = /^(.*\/)migrations\/[^/]+\.py$/.exec(path)?.[1];
  return app !== undefined && !theirs.has(`${app}apps.py`);
}

export async function planUpdate(project: LoadedProject, change: SpecChange, source: UpdateSource, options: UpdateOptions = {}): Promise<UpdatePlan> {
  const { manifest, root } = project;
  refuseFixedChanges(manifest.answers, change.set);
  const answers: Answers = { ...manifest.answers, ...change.set };
  checkAnswers(answers);
  const names = projectNames(manifest.name);
  const runs = [...manifest.runs, ...(change.runs ?? [])];
  const spec: ProjectSpec = { names, answers, resources: resourcesOf(runs), runs, history: manifest.migrations };
  const planned = planProject(spec, {
    templatesDir: source.templatesDir,
    migrationHead: await migrationHead(join(root, "src", names.pkg, "migrations", "versions")),
    allowDataLoss: options.allowDataLoss === true,
    previousAnswers: manifest.answers,
  });
  const theirs = planned.plan;
  if (change.runs?.some((run) => run.generator === ADD_RESOURCE)) refuseLongLines(theirs, project.base);
  // Files written once (revisions) stay the project's, and on record, even when
  // no layer renders them any more: the database has applied them.
  const policies = new Map(planned.policies);
  const recorded: Plan = new Map(theirs);
  for (const [path, entry] of Object.entries(manifest.files)) {
    const content = project.base.get(path);
    if (entry.policy !== "once" || theirs.has(path) || content === undefined) continue;
    if (answers.orm === "django" && inRemovedApp(path, theirs)) {
      // Deleted with the rest of its app, as any generated file is: unless the user edited it.
      policies.set(path, "merge");
    } else {
      policies.set(path, "once");
      recorded.set(path, content);
    }
  }

  const base: Plan = new Map(project.base);
  // The user's files as update sees them: read lazily, with migrations' moves applied.
  const ours = new Map<string, Buffer | null>();
  const current = async (path: string): Promise<Buffer | null> => {
    if (!ours.has(path)) ours.set(path, await readOrNull(join(root, path)));
    return ours.get(path) ?? null;
  };
  const changes: Changes = new Map();
  const outcomes: FileOutcome[] = [];
  const conflicts: Conflict[] = [];

  for (const migration of migrationsBetween(source.migrations, manifest.generator.version, source.version)) {
    for (const [from, to] of Object.entries(migration.renames)) {
      const baseContent = base.get(from);
      if (baseContent !== undefined) {
        base.delete(from);
        base.set(to, baseContent);
      }
      const mine = await current(from);
      if (mine !== null && (await current(to)) === null) {
        ours.set(from, null);
        ours.set(to, mine);
        changes.set(from, null);
        changes.set(to, mine);
        outcomes.push({ path: to, outcome: "renamed", from });
      }
    }
  }

  const paths = [...new Set([...base.keys(), ...theirs.keys()])].filter((p) => !METADATA.has(p)).sort();
  const nextBase: Plan = new Map(recorded);
  for (const path of paths) {
    const b = base.get(path) ?? null;
    const t = theirs.get(path) ?? null;
    const o = await current(path);
    const policy: FilePolicy = policies.get(path) ?? manifest.files[path]?.policy ?? "merge";
    const decision = decide(b, o, t, policy);
    switch (decision.kind) {
      case "keep":
        if (decision.report === "edited-dropped") {
          // Keep its template version as base, so the edit merges if the file comes back.
          nextBase.set(path, b as Buffer);
          // Reported when the templates drop it, not again on every later update.
          if (manifest.files[path] === undefined) break;
        }
        if (decision.report) outcomes.push({ path, outcome: decision.report });
        break;
      case "write":
        changes.set(path, t);
        outcomes.push({ path, outcome: decision.report });
        break;
      case "delete":
        changes.set(path, null);
        outcomes.push({ path, outcome: "deleted" });
        break;
      case "binary-conflict":
        changes.set(`${path}.new`, t);
        outcomes.push({ path, outcome: "binary-conflict" });
        break;
      case "merge": {
        const [oText, tText] = [(o as Buffer).toString("utf8"), (t as Buffer).toString("utf8")];
        const merged = await merge3(b?.toString("utf8") ?? "", oText, tText);
        const content = Buffer.from(merged.text);
        if (!content.equals(o as Buffer)) changes.set(path, content);
        outcomes.push({ path, outcome: merged.conflict ? "conflict" : "merged" });
        if (merged.conflict) conflicts.push({ path, base: b, ours: o as Buffer, theirs: t as Buffer });
        break;
      }
    }
  }

  const input = { names, answers, runs, history: planned.history, policies, version: source.version };
  for (const [path, content] of metadataFiles(input, sortedPlan(recorded), nextBase)) {
    const existing = await current(path);
    if (existing === null || !existing.equals(content)) changes.set(path, content);
  }
  return {
    root,
    fromVersion: manifest.generator.version,
    toVersion: source.version,
    answersBefore: manifest.answers,
    answersAfter: answers,
    changes,
    outcomes,
    conflicts,
  };
}

/** Whether applying the plan would change any file other than the metadata. */
export function changesFiles(plan: UpdatePlan): boolean {
  return [...plan.changes.keys()].some((p) => !METADATA.has(p));
}
