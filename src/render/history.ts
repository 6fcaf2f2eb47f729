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
}

/** Alembic keeps revision ids in a VARCHAR(32). */
const MAX_REVISION_LENGTH = 32;

function originOf(record: MigrationRecord): string {
  return record.of ?? record.revision;
}

/** Original revision -> whether its effect is in the database now. */
function liveness(records: readonly MigrationRecord[]): Map<string, boolean> {
  const live = new Map<string, boolean>();
  for (const r of records) live.set(originOf(r), r.kind !== "revert");
  return live;
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
  const taken = new Set(records.map((r) => r.revision));
  const wanted = new Set(input.contributed);
  const dropped = records
    .filter((r) => r.kind === "apply" && live.get(r.revision) === true && !wanted.has(r.revision))
    .map((r) => r.revision)
    .reverse();
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
  };
  for (const origin of dropped) append({ revision: freshId("revert", origin, taken), kind: "revert", of: origin });
  for (const revision of input.contributed) {
    if (live.get(revision) === true) continue;
    if (!live.has(revision)) append({ revision, kind: "apply" });
    else append({ revision: freshId("reapply", revision, taken), kind: "reapply", of: revision });
  }
  return records;
}
