// Shared by the test files: the built CLI, temp folders, file listings.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { execa, type Result } from "execa";

export const ROOT = resolve(import.meta.dirname, "..");
export const BIN = join(ROOT, "dist", "src", "bin.js");

export function tempDir(prefix = "cbs-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built bin without a TTY, as CI and pipes do. */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const result: Result = await execa("node", [BIN, ...args], {
    cwd: options.cwd,
    env: { ...options.env, CI: "true" },
    reject: false,
    stdin: "ignore",
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Every file below dir, relative and sorted ("/"-separated). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}
