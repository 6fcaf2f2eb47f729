// git's plumbing commands for `update` (is this a work tree, which files are
// dirty, merge-file, the index's conflict stages). Each is one short process
// whose output is read whole, which node:child_process does as well as execa;
// execa is an ES module, and importing it from this CommonJS bundle starts
// Node's ESM loader: about 7 MiB of peak RSS on every `update`.
import { execFile } from "node:child_process";

export interface GitResult {
  /** git's exit code; a signal or a missing git reads as -1. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs git; resolves whatever its exit code (callers decide what a code means). */
export function runGit(args: readonly string[], options: { cwd?: string; input?: Buffer | string } = {}): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = execFile("git", args, { cwd: options.cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ exitCode: code, stdout, stderr });
    });
    // A git that is missing never reads its stdin: ignore the broken pipe.
    child.stdin?.on("error", () => {});
    child.stdin?.end(options.input);
  });
}

/** Runs git and returns its output as written; rejects with git's own message when it fails. */
export async function gitStdout(cwd: string, args: readonly string[], input?: Buffer | string): Promise<string> {
  const result = await runGit(args, { cwd, ...(input === undefined ? {} : { input }) });
  if (result.exitCode !== 0) throw new Error(`git ${args[0] ?? ""} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** gitStdout, trimmed: for answers of one value (a hash, a prefix). */
export async function gitOutput(cwd: string, args: readonly string[], input?: Buffer | string): Promise<string> {
  return (await gitStdout(cwd, args, input)).trim();
}
