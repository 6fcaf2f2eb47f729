// A generated project's own quality gates, as its README and CI run them.
import { join } from "node:path";
import { execa } from "execa";
import { expect } from "vitest";

export const GATES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["ruff", ["check", "."]],
  ["ruff", ["format", "--check", "."]],
  ["mypy", []],
  ["pytest", ["-q", "-p", "no:cacheprovider"]],
];

/** Runs one tool from `bin` and expects exit 0, showing its output's tail otherwise. */
export async function expectTool(bin: string, cwd: string, tool: string, args: readonly string[], env: Record<string, string>): Promise<void> {
  const result = await execa(join(bin, tool), [...args], { cwd, env, all: true, reject: false });
  expect(result.exitCode, `${tool} ${args.join(" ")} in ${cwd}:\n${String(result.all).slice(-4000)}`).toBe(0);
}

export async function expectGatesPass(bin: string, cwd: string, env: Record<string, string>): Promise<void> {
  for (const [tool, args] of GATES) await expectTool(bin, cwd, tool, args, env);
}

/**
 * The environment a generated project's gates run in with the checks' virtualenv:
 * its `src` importable, mypy's cache outside the project, and APP_ENV=test so a
 * developer's shell settings do not leak into the project's tests.
 */
export function gateEnv(bin: string, project: string, work: string): Record<string, string> {
  return {
    PATH: `${bin}:${process.env.PATH ?? ""}`,
    PYTHONPATH: join(project, "src"),
    HOME: process.env.HOME ?? work,
    MYPY_CACHE_DIR: join(work, ".mypy_cache"),
    APP_ENV: "test",
  };
}
