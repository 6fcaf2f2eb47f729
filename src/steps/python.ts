// Which tool installs the generated project's dependencies, and whether this
// machine can run it: decided before any question or write, so a missing
// Python is one line up front instead of a failure after the files exist.
import { loadExeca } from "../io/processes.js";
import { UserError } from "../errors.js";

export type InstallTool = "uv" | "pip";

/** The generated project's requires-python. */
export const MIN_PYTHON: readonly [number, number] = [3, 11];

async function output(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  try {
    const execa = await loadExeca();
    const { stdout, stderr } = await execa(command, args, { env, stdin: "ignore" });
    return `${stdout}\n${stderr}`.trim();
  } catch {
    return null;
  }
}

/** uv where it exists (it also fetches a fitting Python itself); pip otherwise. */
export async function detectInstallTool(env: NodeJS.ProcessEnv): Promise<InstallTool> {
  return (await output("uv", ["--version"], env)) === null ? "pip" : "uv";
}

/** "Python 3.12.1" -> [3, 12]; null when the text holds no version. */
export function parsePythonVersion(text: string): [number, number] | null {
  const match = /Python (\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function isRecentEnough([major, minor]: [number, number]): boolean {
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

/**
 * The interpreter pip's virtualenv will be made with: python3, else python,
 * as long as it is recent enough. Throws the one-line reason otherwise.
 */
export async function findPython(env: NodeJS.ProcessEnv): Promise<string> {
  const wanted = `Python ${MIN_PYTHON.join(".")} or newer`;
  const found: string[] = [];
  for (const command of ["python3", "python"]) {
    const text = await output(command, ["--version"], env);
    if (text === null) continue;
    const version = parsePythonVersion(text);
    if (version && isRecentEnough(version)) return command;
    found.push(`${command} is ${version ? version.join(".") : "unrecognised"}`);
  }
  const seen = found.length > 0 ? `${found.join(", ")}` : "no python3 on PATH";
  throw new UserError(`${wanted} is needed to install the project's dependencies (${seen}); install it or uv (https://docs.astral.sh/uv/), or pass --no-install.`);
}
