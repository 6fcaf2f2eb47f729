// Where the project goes, and whether that place can take it.
import { readdir, stat } from "node:fs/promises";
import { basename, relative, resolve } from "node:path";
import type { Io } from "../context.js";
import { UsageError, UserError } from "../errors.js";
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

/** A directory argument is a plain folder name (or "."), never a path that escapes. */
function directoryProblem(directory: string): string | null {
  if (directory === ".") return null;
  if (directory.trim() === "") return "The directory is empty; give a folder name such as my-api.";
  if (/[/\\]/.test(directory) || directory === "..") {
    return `"${directory}" is a path, not a folder name; cd to the parent folder and pass a plain name such as my-api.`;
  }
  return null;
}

async function entriesOf(dir: string): Promise<string[] | null> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new UserError(`${dir} exists and is not a folder; choose another name.`);
    return await readdir(dir);
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
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
  const shown = relative(io.cwd, dir) || ".";
  if (nonEmpty && !force) {
    throw new UserError(`The folder ${shown === "." ? basename(dir) : shown} is not empty; choose another name, empty it, or pass --force to write into it.`);
  }
  return { names, dir, shown, nonEmpty };
}
