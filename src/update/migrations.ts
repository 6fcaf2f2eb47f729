// Template-version migrations: moves that a template release made (a file
// renamed or moved). They are applied to the user's files and to the base
// before merging, so an edited file follows its template to the new path.

export interface Migration {
  /** The generator version that made the move. */
  readonly version: string;
  /** old path -> new path */
  readonly renames: Readonly<Record<string, string>>;
}

/** The real migrations of this package, oldest first. */
export const MIGRATIONS: readonly Migration[] = [];

function parts(version: string): number[] {
  return version.split("-")[0]!.split(".").map((n) => Number.parseInt(n, 10) || 0);
}

export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Migrations newer than `from` and not newer than `to`, oldest first. */
export function migrationsBetween(all: readonly Migration[], from: string, to: string): Migration[] {
  return all
    .filter((m) => compareVersions(m.version, from) > 0 && compareVersions(m.version, to) <= 0)
    .sort((a, b) => compareVersions(a.version, b.version));
}
