// Where the project goes, and whether that place can take it.
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Io } from "../context.js";
import { UsageError, UserError } from "../errors.js";
import { MANIFEST_FILE } from "../io/manifest.js";
import { PROJECT_COMMAND } from "../version.js";
import { nameProblem, type ProjectNames, projectNames } from "../names.js";

export interface Target {
  readonly names: ProjectNames;
  /** Absolute path of the project folder. */
  readonly dir: string;
  /** The folder as the user should type it in `cd`. */
  readonly shown: string;
  /** Whether the folder exists with something in it (only allowed with --force). */
  readonly nonEmpty: boolean;
}

/**
 * A directory argument is a folder name, "." or a path, relative or absolute
 * (missing parent folders are made), as create-vite and `rails new` take it.
 */
function directoryProblem(directory: string): string | null {
  if (directory.trim() === "") return "The directory is empty; give a folder name such as my-api.";
  if (directory.startsWith("~")) {
    return `"${directory}" starts with ~, which the shell did not expand to your home folder; write the path out, or cd there and pass a plain name such as my-api.`;
  }
  return null;
}

/** The folder's own name, which names the project unless --name does: "../apis/billing" -> "billing". */
export function directoryName(cwd: string, directory: string): string {
  return basename(resolve(cwd, directory));
}

async function entriesOf(dir: string): Promise<string[] | null> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new UserError(`${dir} exists and is not a folder; choose another name.`);
    return await readdir(dir);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ENOTDIR") throw new UserError(`Part of the path ${dir} is a file, not a folder; choose another path.`);
    if (code === "ENAMETOOLONG") throw new UserError(`The path ${dir} is too long for this file system; choose a shorter folder name.`);
    if (code === "EACCES") throw new UserError(`Cannot read ${dir}: permission denied; choose a folder you can write to.`);
    throw error;
  }
}

/**
 * Creating a project inside another one is almost always a mistyped `update`.
 * `directory` is where the new project goes, when given (the current folder's
 * name is asked for otherwise).
 */
export async function refuseInsideProject(cwd: string, directory: string | undefined): Promise<void> {
  const start = resolve(cwd, directory ?? ".");
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, MANIFEST_FILE))) {
      const where = dir === resolve(cwd) ? "This folder" : `${dir}`;
      throw new UsageError(`${where} is a generated project (it holds ${MANIFEST_FILE}); to bring it up to date run ${PROJECT_COMMAND} update, or cd elsewhere to create a new one.`);
    }
    if (dirname(dir) === dir) return;
  }
}

export async function resolveTarget(io: Io, directory: string | undefined, rawName: string, force: boolean): Promise<Target> {
  if (directory !== undefined) {
    const problem = directoryProblem(directory);
    if (problem) throw new UsageError(problem);
  }
  const problem = nameProblem(rawName);
  if (problem) throw new UsageError(problem);
  const names = projectNames(rawName);
  const dir = resolve(io.cwd, directory ?? names.dist);
  const entries = await entriesOf(dir);
  const nonEmpty = entries !== null && entries.length > 0;
  // As the user would type it in `cd`: an absolute path stays one.
  const shown = directory !== undefined && isAbsolute(directory) ? dir : relative(io.cwd, dir) || ".";
  if (nonEmpty && !force) {
    throw new UserError(`The folder ${shown === "." ? basename(dir) : shown} is not empty; choose another name, empty it, or pass --force to write into it.`);
  }
  return { names, dir, shown, nonEmpty };
}
