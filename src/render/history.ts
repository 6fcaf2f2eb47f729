// Migrations as history. The layers that apply contribute revisions; the
// project has already applied some. A new project chains the contributed
// revisions in layer order. Later, a revision that is contributed but not
// live is appended (applied, or re-applied after a revert), and a live one
// that is no longer contributed is reverted: only with the user's explicit
// consent, since reverting drops tables or columns that hold data.
import { UserError } from "../errors.js";
import type { MigrationRecord } from "../spec.js";

export interface HistoryInput {
  readonly previous: readonly MigrationRecord[];
  /** Revision ids the layers of the new spec contribute, in layer order. */
  readonly contributed: readonly string[];
  /** The project's real head (its own revisions included); defaults to the last record. */
  readonly head?: string | null;
  readonly allowDataLoss?: boolean;
  /** Revision -> the Django app whose file it is, recorded with it (see MigrationRecord.app). */
  readonly apps?: ReadonlyMap<string, string>;
  /** Revision -> the revision whose table it changes (MigrationDecl.within). */
  readonly within?: ReadonlyMap<string, string>;
}

/** Alembic keeps revision ids in a VARCHAR(32). */
const MAX_REVISION_LENGTH = 32;

export function originOf(record: MigrationRecord): string {
  return record.of ?? record.revision;
}

/** Revision -> the revisions its file also applied (`also`), unless they have records of their own. */
function inclusions(records: readonly MigrationRecord[]): Map<string, string[]> {
  const own = new Set(records.map(originOf));
  const included = new Map<string, string[]>();
  for (const r of records) for (const other of r.also ?? []) if (!own.has(other)) included.set(r.revision, [...(included.get(r.revision) ?? []), other]);
  return included;
}

/** Original revision -> whether its effect is in the database now. */
function liveness(records: readonly MigrationRecord[]): Map<string, boolean> {
  const live = new Map<string, boolean>();
  const included = inclusions(records);
  for (const r of records) {
    for (const origin of [originOf(r), ...(included.get(originOf(r)) ?? [])]) live.set(origin, r.kind !== "revert");
  }
  return live;
}

/**
 * A revision a layer split moved out of another (`formerlyIn`): a project that
 * applied the other while the moved one's layer applied has its effect already,
 * from the other's file as the older template wrote it. Recorded on that file's
 * record (`also`), so it is live (and reverted, and re-applied) with it, and no
 * file of its own is written for it. It is asked only once: the record says so after.
 */
export function adoptFormerRevisions(records: readonly MigrationRecord[], moved: ReadonlyMap<string, string>): MigrationRecord[] {
  const known = new Set(records.flatMap((r) => [originOf(r), ...(r.also ?? [])]));
  return records.map((r) => {
    const adopted = [...moved].filter(([revision, formerlyIn]) => formerlyIn === r.revision && r.kind === "apply" && !known.has(revision)).map(([revision]) => revision);
    return adopted.length === 0 ? r : { ...r, also: [...(r.also ?? []), ...adopted] };
  });
}

function freshId(prefix: string, origin: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = n === 1 ? `${prefix}_${origin}` : `${prefix}_${origin}_${n}`;
    // Too long for Alembic: keep the prefix and the count, shorten the name.
    const candidate = id.length <= MAX_REVISION_LENGTH ? id : `${prefix}_${n}_${origin}`.slice(0, MAX_REVISION_LENGTH);
    if (!taken.has(candidate)) return candidate;
  }
}

export function nextHistory(input: HistoryInput): MigrationRecord[] {
  const records = [...input.previous];
  const live = liveness(records);
  const included = inclusions(records);
  const includedOnly = new Set([...included.values()].flat());
  const taken = new Set(records.map((r) => r.revision));
  const wanted = new Set(input.contributed);
  const within = input.within ?? new Map<string, string>();
  const dropped = droppedRevisions(records, live, included, wanted, within);
  if (dropped.length > 0 && input.allowDataLoss !== true) {
    throw new UserError(
      `This change would revert ${dropped.join(", ")}, dropping tables or columns that may hold data; run it again with --allow-data-loss if that is what you want.`,
    );
  }
  let down = input.head === undefined ? (records.at(-1)?.revision ?? null) : input.head;
  const append = (record: Omit<MigrationRecord, "down">): void => {
    const full: MigrationRecord = { ...record, down };
    records.push(full);
    taken.add(full.revision);
    down = full.revision;
    const origin = originOf(full);
    for (const revision of [origin, ...(included.get(origin) ?? [])]) live.set(revision, full.kind !== "revert");
  };
  const appOf = (revision: string): { app?: string } => {
    // One that another's file applied (`also`) is in that file's app.
    const app = input.apps?.get(revision) ?? records.find((r) => r.revision === revision || r.also?.includes(revision))?.app;
    return app === undefined ? {} : { app };
  };
  for (const origin of dropped) append({ revision: freshId("revert", origin, taken), kind: "revert", of: origin, ...appOf(origin) });
  const firstApplied = new Set<string>();
  for (const revision of input.contributed) {
    if (live.get(revision) === true) continue;
    const container = within.get(revision);
    if (container !== undefined && firstApplied.has(container) && !live.has(revision)) {
      // Its table is made now: the table's own file makes it changed already.
      const index = records.findIndex((r) => r.revision === container);
      const record = records[index] as MigrationRecord;
      records[index] = { ...record, also: [...(record.also ?? []), revision] };
      live.set(revision, true);
      continue;
    }
    // Included in another revision that is reverted: its own file has never been written.
    if (!live.has(revision) || includedOnly.has(revision)) {
      append({ revision, kind: "apply", ...appOf(revision) });
      firstApplied.add(revision);
    } else append({ revision: freshId("reapply", revision, taken), kind: "reapply", of: revision, ...appOf(revision) });
  }
  return records;
}

/**
 * The live revisions no longer wanted, newest first: a revision whose last record
 * made it live, or one included in such a revision's file (a table's owner, made
 * with it), which is reverted on its own when that revision stays. Those that
 * change another revision's table go first: they point at tables the others drop.
 */
function droppedRevisions(
  records: readonly MigrationRecord[],
  live: ReadonlyMap<string, boolean>,
  included: ReadonlyMap<string, readonly string[]>,
  wanted: ReadonlySet<string>,
  within: ReadonlyMap<string, string>,
): string[] {
  const unwanted = (revision: string): boolean => live.get(revision) === true && !wanted.has(revision);
  const dropped: string[] = [];
  const seen = new Set<string>();
  for (const r of [...records].reverse()) {
    const origin = originOf(r);
    if (seen.has(origin)) continue;
    seen.add(origin);
    if (unwanted(origin)) dropped.push(origin);
    else if (live.get(origin) === true) dropped.push(...(included.get(origin) ?? []).filter(unwanted));
  }
  const changesAnother = (revision: string): number => (within.has(revision) ? 0 : 1);
  return dropped.sort((a, b) => changesAnother(a) - changesAnother(b));
}

/**
 * The revisions a revision's file makes as well (`also`: a table's owner, made with
 * it), as its file was last written: when it was applied, or applied again once its
 * app came back (Django). One reverted on its own before then has its own files.
 */
export function inlinedIn(record: MigrationRecord, history: readonly MigrationRecord[]): readonly string[] {
  const written = history.map((r) => originOf(r) === record.revision && r.kind !== "revert").lastIndexOf(true);
  const ownBefore = new Set(history.slice(0, written).map(originOf));
  return (record.also ?? []).filter((revision) => !ownBefore.has(revision));
}
