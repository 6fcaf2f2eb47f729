// Installs the generated project's Python dependencies: `uv sync` where uv
// exists (runtime + the dev group, as the project's README says), otherwise a
// .venv made by the standard library and pip.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { loadExeca } from "../io/processes.js";
import type { Cleanup, Io } from "../context.js";
import { UserError } from "../errors.js";
import { findPython, type InstallTool } from "./python.js";

export interface InstallResult {
  readonly tool: InstallTool;
}

// Decorations uv draws around its messages ("  × No solution found", "╰─▶ Because ...").
const DECORATION = /^[\s×╰─▶│|]+/;

/**
 * The tool's own explanation in one line. pip states the cause on its last
 * "ERROR:" line (a build-dependency failure nests it above a generic
 * "error: subprocess-exited-with-error"); uv puts the cause and a hint under
 * its last "error:" line. Else the last line.
 */
export function failureCause(output: string): string {
  const lines = output
    .split("\n")
    .map((line) => line.replace(DECORATION, "").trim())
    .filter((line) => line !== "");
  const pipCause = lines.filter((line) => line.startsWith("ERROR:")).at(-1);
  if (pipCause !== undefined) return pipCause.length > 300 ? `${pipCause.slice(0, 297)}...` : pipCause;
  let start = -1;
  lines.forEach((line, index) => {
    if (/^error\b/i.test(line)) start = index;
  });
  const cause = start >= 0 ? lines.slice(start).join(" ") : (lines.at(-1) ?? "no output");
  return cause.length > 300 ? `${cause.slice(0, 297)}...` : cause;
}

/** Files the install creates that were not there before: a failed run removes them. */
function forgetOnFailure(dir: string, cleanup: Cleanup): void {
  for (const created of [".venv", "uv.lock"]) {
    if (existsSync(join(dir, created))) continue;
    cleanup.add(() => rm(join(dir, created), { recursive: true, force: true }));
  }
}

async function run(io: Io, dir: string, label: string, command: string, args: string[]): Promise<void> {
  const execa = await loadExeca();
  const result = await execa(command, args, { cwd: dir, env: io.env, all: true, reject: false, stdin: "ignore" });
  if (result.exitCode === 0 && !result.failed) return;
  const output = String(result.all ?? "") || (result.message ?? "");
  if (io.env.DEBUG) io.stderr.write(`${output}\n`);
  throw new UserError(`${label} failed: ${failureCause(output)} (nothing was kept; fix that and rerun, or pass --no-install; DEBUG=1 shows the full output)`);
}

export async function installDependencies(io: Io, dir: string, tool: InstallTool, devDependencies: readonly string[], cleanup: Cleanup): Promise<InstallResult> {
  forgetOnFailure(dir, cleanup);
  if (tool === "uv") {
    await run(io, dir, "uv sync", "uv", ["sync", "--quiet"]);
    return { tool };
  }
  const python = await findPython(io.env);
  await run(io, dir, `${python} -m venv .venv`, python, ["-m", "venv", ".venv"]);
  // pip before 25.1 cannot read PEP 735 groups, so the dev group is passed by name.
  await run(io, dir, "pip install", join(dir, ".venv", "bin", "python"), ["-m", "pip", "install", "--quiet", "-e", ".", ...devDependencies]);
  return { tool };
}
