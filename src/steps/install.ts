// Installs the generated project's Python dependencies: `uv sync` where uv
// exists (runtime + the dev group, as the project's README says), otherwise a
// .venv made by the standard library and pip.
import { execa } from "execa";
import { UserError } from "../errors.js";

export interface InstallResult {
  readonly tool: "uv" | "pip";
}

async function hasCommand(command: string, args: string[] = ["--version"]): Promise<boolean> {
  try {
    await execa(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function lastLine(output: unknown): string {
  return String(output ?? "").trim().split("\n").pop() ?? "";
}

export async function installDependencies(dir: string, devDependencies: readonly string[]): Promise<InstallResult> {
  try {
    if (await hasCommand("uv")) {
      await execa("uv", ["sync", "--quiet"], { cwd: dir, all: true });
      return { tool: "uv" };
    }
    const python = (await hasCommand("python3")) ? "python3" : "python";
    await execa(python, ["-m", "venv", ".venv"], { cwd: dir, all: true });
    // pip before 25.1 cannot read PEP 735 groups, so the dev group is passed by name.
    await execa(".venv/bin/python", ["-m", "pip", "install", "--quiet", "-e", ".", ...devDependencies], { cwd: dir, all: true });
    return { tool: "pip" };
  } catch (error) {
    const detail = lastLine((error as { all?: unknown }).all) || (error as Error).message;
    throw new UserError(`Installing the Python dependencies failed (${detail}); the project was not kept. Retry with --no-install and run uv sync yourself.`);
  }
}
