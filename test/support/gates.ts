// A generated project's own quality gates, as its README and CI run them.
import { join } from "node:path";
import { execa } from "execa";
import { expect } from "vitest";

export const GATES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["ruff", ["check", "."]],
  ["ruff", ["format", "--check", "."]],
  ["mypy", []],
  // -n 0: one process, not the project's worker per core. Vitest already runs two
  // projects' gates at once on CI's two cores, and each extra worker costs a
  // second or two of CPU (its own interpreter, imports and collection).
  ["pytest", ["-q", "-p", "no:cacheprovider", "-n", "0"]],
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
 * mypy's cache, one per virtualenv and test worker: a project's first mypy run
 * spends most of its 13 s reading the dependencies' types (FastAPI, pydantic,
 * SQLAlchemy), which are the same for every project on that virtualenv. mypy
 * checks each cached module's path, size and hash before trusting it, so a
 * project's own modules are always checked afresh; a cache per worker means
 * no two mypy processes write one cache at once.
 */
export function sharedMypyCache(bin: string): string {
  return join(bin, "..", `mypy-cache-${process.env.VITEST_POOL_ID ?? "0"}`);
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
    MYPY_CACHE_DIR: sharedMypyCache(bin),
    APP_ENV: "test",
  };
}
