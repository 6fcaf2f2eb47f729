// Shared by the test files: the built CLI, temp folders, file listings.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { execa, type Result } from "execa";
import { main } from "../src/cli.js";
import { Cleanup } from "../src/context.js";

export const ROOT = resolve(import.meta.dirname, "..");
export const BIN = join(ROOT, "dist", "src", "bin.cjs");

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

class TextSink extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/**
 * Runs the CLI's main() in this process, as the bin does without a TTY: the
 * same code path as runCli minus a node start-up (~0.5 s each). `env` is
 * added to this process's environment, as runCli's is.
 */
export async function runInProcess(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const stdin = new PassThrough();
  stdin.end();
  const stdout = new TextSink();
  const stderr = new TextSink();
  const env = { ...process.env, ...options.env, CI: "true" };
  const exitCode = await main(args, { cwd: options.cwd, env, stdin, stdout, stderr, interactive: false }, new Cleanup());
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
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
