// The project's real migration head, read from its revision files, so that a
// revision an option change adds goes on top of the user's own revisions too.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../errors.js";

const REVISION = /^revision(?::[^=]*)?\s*=\s*["']([^"']+)["']/m;
const DOWN = /^down_revision(?::[^=]*)?\s*=\s*(.+)$/m;

/** The revision ids a `down_revision` value names: None, "a", or a tuple of them (a merge). */
function downsOf(value: string): string[] {
  return [...value.matchAll(/["']([^"']+)["']/g)].map((m) => m[1] as string);
}

/** The one head of the revisions in `versionsDir`, or null when there are none. */
export async function migrationHead(versionsDir: string): Promise<string | null> {
  const names = await readdir(versionsDir).catch(() => [] as string[]);
  const revisions = new Set<string>();
  const referenced = new Set<string>();
  for (const name of names.filter((n) => n.endsWith(".py"))) {
    const text = await readFile(join(versionsDir, name), "utf8");
    const revision = REVISION.exec(text)?.[1];
    if (revision === undefined) continue;
    revisions.add(revision);
    for (const down of downsOf(DOWN.exec(text)?.[1] ?? "")) referenced.add(down);
  }
  const heads = [...revisions].filter((r) => !referenced.has(r)).sort();
  if (heads.length > 1) {
    throw new UserError(`The migrations in ${versionsDir} have ${heads.length} heads (${heads.join(", ")}); merge them first (alembic merge heads), then run this again.`);
  }
  return heads[0] ?? null;
}
