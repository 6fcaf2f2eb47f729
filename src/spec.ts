// The one input of planning: everything that decides a project's files.
// A new project, `update --set` and (later) `add resource` all plan from a
// spec; `add` is "the same project with a larger spec".
import type { Answers } from "./options.js";
import type { ProjectNames } from "./names.js";
import { ITEMS, type ResourceSpec } from "./resources.js";

/** A subgenerator run recorded in the manifest, replayed by `update`. */
export interface SubgeneratorRun {
  generator: string;
  args: Record<string, unknown>;
}

/**
 * One revision written into the project. Migrations are history: a revision
 * is written once and never re-rendered; an option change appends records.
 * `apply` is a layer's own revision; `revert` and `reapply` undo or redo an
 * earlier one (`of`) when an option is turned off or on again.
 */
export interface MigrationRecord {
  revision: string;
  down: string | null;
  kind: "apply" | "revert" | "reapply";
  of?: string;
  /**
   * Revisions this one's file also applied, as an older template wrote it (before a
   * layer was split): they are live while it is, and have no file of their own.
   */
  also?: string[];
  /**
   * Django: the app (its label) whose migrations folder holds this revision's file.
   * A revert keeps it, so the project can still say what it drops once the app is gone.
   */
  app?: string;
}

export interface ProjectSpec {
  readonly names: ProjectNames;
  readonly answers: Answers;
  readonly resources: readonly ResourceSpec[];
  readonly runs: readonly SubgeneratorRun[];
  /** The revisions the project already has, oldest first; empty for a new project. */
  readonly history: readonly MigrationRecord[];
}

/** The spec of a project about to be created: the sample resource, no runs, no history yet. */
export function newProjectSpec(names: ProjectNames, answers: Answers): ProjectSpec {
  return { names, answers, resources: [ITEMS], runs: [], history: [] };
}
