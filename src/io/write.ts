// All-or-nothing writing. A new project is rendered into a staging folder
// beside the target and renamed into place in one step; writing into an
// existing folder (--force) checks every file first, then applies the changes
// as one transaction (transaction.ts), undone together on failure.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, rmdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Cleanup } from "../context.js";
import { UserError } from "../errors.js";
import type { Plan } from "../plan.js";
import { applyChanges, type Changes, STAGING_PREFIX } from "./transaction.js";

export interface WriteOptions {
  readonly force: boolean;
  readonly overwrite: boolean;
}

export interface WriteResult {
  readonly written: string[];
  /** Files already present with the same content (--force). */
  readonly unchanged: string[];
  /** Files replaced (--force --overwrite). */
  readonly replaced: string[];
  /** Drops staging and backups once the whole run has succeeded. */
  readonly finalize: () => Promise<void>;
}

function stagingName(prefix: string): string {
  return `${prefix}${STAGING_PREFIX}${randomBytes(4).toString("hex")}`;
}

// Synchronous, into a staging folder nothing else reads: the promise API's
// open/write/close round trips cost a create more than the writing itself.
// Each folder once: a project has a tenth as many folders as files.
function writeTree(root: string, plan: Plan): void {
  const made = new Set<string>();
  for (const [path, content] of plan) {
    const full = join(root, path);
    const folder = dirname(full);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(full, content);
  }
}

async function readIfExists(dir: string, path: string): Promise<Buffer | null> {
  try {
    return await readFile(join(dir, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "EISDIR" || code === "ENOTDIR") {
      throw new UserError(`${path} collides with a folder or file of the same name in the target; nothing was written. Move it away, or choose another folder.`);
    }
    throw error;
  }
}

/** Makes the folders a path given as the directory still lacks; a failure removes them again. */
async function makeParents(dir: string, cleanup: Cleanup): Promise<void> {
  const parent = dirname(dir);
  const first = await mkdir(parent, { recursive: true });
  if (first === undefined) return;
  cleanup.add(async () => {
    // Innermost first; rmdir refuses a folder something else has written into since.
    for (let folder = parent; folder.length >= first.length; folder = dirname(folder)) {
      await rmdir(folder).catch(() => undefined);
    }
  });
}

async function writeNew(dir: string, plan: Plan, cleanup: Cleanup): Promise<WriteResult> {
  await makeParents(dir, cleanup);
  const staging = join(dirname(dir), stagingName(`.${basename(dir)}`));
  cleanup.add(() => rm(staging, { recursive: true, force: true }));
  writeTree(staging, plan);
  // rename() replaces an empty folder atomically on POSIX; remove it first for Windows.
  const hadEmptyFolder = await rmdir(dir).then(
    () => true,
    () => false,
  );
  await rename(staging, dir);
  cleanup.add(async () => {
    await rm(dir, { recursive: true, force: true });
    if (hadEmptyFolder) await mkdir(dir);
  });
  return { written: [...plan.keys()], unchanged: [], replaced: [], finalize: async () => {} };
}

async function classify(dir: string, plan: Plan): Promise<{ fresh: string[]; same: string[]; differing: string[] }> {
  const fresh: string[] = [];
  const same: string[] = [];
  const differing: string[] = [];
  for (const [path, content] of plan) {
    const existing = await readIfExists(dir, path);
    if (existing === null) fresh.push(path);
    else if (existing.equals(content)) same.push(path);
    else differing.push(path);
  }
  return { fresh, same, differing };
}

async function writeInto(dir: string, plan: Plan, options: WriteOptions, cleanup: Cleanup): Promise<WriteResult> {
  const { fresh, same, differing } = await classify(dir, plan);
  if (differing.length > 0 && !options.overwrite) {
    const listed = differing.slice(0, 5).join(", ") + (differing.length > 5 ? `, and ${differing.length - 5} more` : "");
    throw new UserError(`${differing.length} file(s) already exist with other content (${listed}); nothing was written. Pass --overwrite as well to replace them.`);
  }
  const changes: Changes = new Map([...plan].filter(([path]) => !same.includes(path)));
  const applied = await applyChanges(dir, changes, cleanup);
  return { written: fresh, unchanged: same, replaced: differing, finalize: applied.finalize };
}

/**
 * File-system failures in the user's terms: the folder they asked for, not
 * the staging folder the error happened to name.
 */
export function explainWriteError(error: unknown, dir: string, nonEmpty: boolean): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = nonEmpty ? dir : dirname(dir);
  switch (code) {
    case "EACCES":
    case "EPERM":
      return new UserError(`Cannot write to ${where}: permission denied; nothing was written. Choose a folder you can write to, or fix its permissions.`);
    case "EROFS":
      return new UserError(`Cannot write to ${where}: the file system is read-only; nothing was written. Choose another folder.`);
    case "ENAMETOOLONG":
      return new UserError(`The path ${dir} is too long for this file system; nothing was written. Choose a shorter folder name.`);
    case "ENOSPC":
      return new UserError(`No space left on the disk holding ${where}; nothing was written. Free some space and retry.`);
    default:
      return error;
  }
}

export async function writePlan(dir: string, plan: Plan, options: WriteOptions, nonEmpty: boolean, cleanup: Cleanup): Promise<WriteResult> {
  try {
    return nonEmpty ? await writeInto(dir, plan, options, cleanup) : await writeNew(dir, plan, cleanup);
  } catch (error) {
    throw explainWriteError(error, dir, nonEmpty);
  }
}
