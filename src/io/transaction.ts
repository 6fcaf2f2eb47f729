// Applies a set of file changes (write or delete) to a folder so that they can
// be undone together. New contents are staged inside the folder first (same
// file system, so each move is a rename), replaced and deleted files are moved
// to a backup, and every step registers its undo with the run's Cleanup.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Cleanup } from "../context.js";

export const STAGING_PREFIX = ".backend-starter-staging-";

/** path -> new content, or null to delete the file. */
export type Changes = Map<string, Buffer | null>;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export interface Applied {
  /** Drops staging and backups once the whole run has succeeded. */
  finalize(): Promise<void>;
}

export async function applyChanges(dir: string, changes: Changes, cleanup: Cleanup): Promise<Applied> {
  const staging = join(dir, `${STAGING_PREFIX}${randomBytes(4).toString("hex")}`);
  cleanup.add(() => rm(staging, { recursive: true, force: true }));
  const staged = join(staging, "files");
  const backups = join(staging, "backups");
  // Stage every new content before touching the folder: a failure here changes nothing.
  for (const [path, content] of changes) {
    if (content === null) continue;
    await mkdir(dirname(join(staged, path)), { recursive: true });
    await writeFile(join(staged, path), content);
  }
  for (const [path, content] of changes) {
    const target = join(dir, path);
    if (await exists(target)) {
      const backup = join(backups, path);
      await mkdir(dirname(backup), { recursive: true });
      await rename(target, backup);
      cleanup.add(() => rename(backup, target));
    }
    if (content === null) continue;
    const createdFolder = await mkdir(dirname(target), { recursive: true });
    // mkdir answers the first folder it had to create: all below it is ours.
    if (createdFolder !== undefined) cleanup.add(() => rm(createdFolder, { recursive: true, force: true }));
    await rename(join(staged, path), target);
    cleanup.add(() => rm(target, { force: true }));
  }
  const deleted = [...changes].filter(([, content]) => content === null).map(([path]) => path);
  return {
    async finalize() {
      await rm(staging, { recursive: true, force: true });
      // Only now, when nothing can be undone any more: folders that deletions emptied go too.
      for (const path of deleted) await pruneEmptyParents(dir, path);
    },
  };
}

async function pruneEmptyParents(root: string, path: string): Promise<void> {
  for (let parent = dirname(path); parent !== "." && parent !== ""; parent = dirname(parent)) {
    const removed = await rmdir(join(root, parent)).then(
      () => true,
      () => false,
    );
    if (!removed) return;
  }
}
