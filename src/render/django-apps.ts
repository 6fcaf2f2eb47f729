// Django keeps each app's migrations in the app. A revision that changes an
// app's table after it was made (a resource's owner) is a numbered migration
// of that app, and so are its revert and re-apply: the app stays. The
// revision that made the app is `0001_initial`; its revert (in core) takes
// the app away, folder and all, and the numbers start again when it is back.
// What core's revert drops and forgets, and what its re-apply makes again, is
// the layers' data (MigrationDecl.tables, apps).
import type { MigrationRecord } from "../spec.js";
import { originOf } from "./history.js";
import type { Layer } from "./layer.js";
import type { MigrationDecl } from "./manifest.js";

/** Where a revision's file sits in its app, and the migration of that app it follows. */
export interface InAppMigration {
  readonly app: string;
  readonly name: string;
  readonly previous: string;
}

/** App -> the revision that made it: its first record's. */
function creators(history: readonly MigrationRecord[]): Map<string, string> {
  const made = new Map<string, string>();
  for (const r of history) if (r.app !== undefined && !made.has(r.app)) made.set(r.app, originOf(r));
  return made;
}

/** Which of the history's records change an app that another revision made (their files are that app's). */
export function inAppRecords(history: readonly MigrationRecord[]): Set<MigrationRecord> {
  const made = creators(history);
  return new Set(history.filter((r) => r.app !== undefined && made.get(r.app) !== originOf(r)));
}

/** Django's name for such a migration: `0002_items_owner`, `0003_remove_items_owner`. */
function nameOf(record: MigrationRecord, number: number): string {
  const change = originOf(record).replace(/^add_/, "");
  return `${String(number).padStart(4, "0")}_${record.kind === "revert" ? "remove_" : ""}${change}`;
}

/**
 * Revision -> its migration in its app, for the records of apps that are
 * there now (those of an app taken away since have no file).
 */
export function inAppMigrations(history: readonly MigrationRecord[]): Map<string, InAppMigration> {
  const made = creators(history);
  const last = new Map<string, { name: string; number: number } | null>();
  const found = new Map<string, InAppMigration>();
  for (const r of history) {
    if (r.app === undefined) continue;
    if (made.get(r.app) === originOf(r)) {
      last.set(r.app, r.kind === "revert" ? null : { name: "0001_initial", number: 1 });
      if (r.kind === "revert") for (const [revision, m] of found) if (m.app === r.app) found.delete(revision);
      continue;
    }
    const before = last.get(r.app);
    if (!before) continue;
    const name = nameOf(r, before.number + 1);
    found.set(r.revision, { app: r.app, name, previous: before.name });
    last.set(r.app, { name, number: before.number + 1 });
  }
  return found;
}

type RevertDecl = Pick<MigrationDecl, "tables" | "apps">;

/** Revision -> what a layer says its revert drops and its re-apply makes (MigrationDecl.tables, apps). */
export function revertDrops(all: readonly Layer[]): Map<string, RevertDecl> {
  const drops = new Map<string, RevertDecl>();
  for (const decl of all.flatMap((l) => l.manifest.migrations)) if (decl.tables !== undefined || decl.apps !== undefined) drops.set(decl.revision, decl);
  return drops;
}

/** What the delegate's file of a revert or re-apply drops, forgets and makes again (Django). */
export function revertData(record: MigrationRecord, drops: ReadonlyMap<string, RevertDecl>): { tables: readonly string[]; forgotten: readonly string[]; remade: readonly string[] } {
  const own = record.app === undefined ? [] : [record.app];
  const decl = drops.get(originOf(record));
  return { tables: decl?.tables ?? own, forgotten: decl?.apps === undefined ? own : [], remade: decl?.apps ?? [] };
}
