// One cached virtualenv with every dependency any layer declares, so checking
// a generated project costs its tools' run time, not an install. The cache key
// is the dependency list: a template change that adds a dependency makes a
// fresh environment. Each cache folder is built once, under a lock, and only
// used once complete (build-once.ts): test files run in parallel workers.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { ROOT } from "../helpers.js";
import { buildOnce } from "./build-once.js";

const CACHE = join(ROOT, ".cache");
const TEMPLATES = join(ROOT, "templates");

function allDependencies(): string[] {
  const deps = new Set<string>();
  for (const layer of readdirSync(TEMPLATES)) {
    const file = join(TEMPLATES, layer, "layer.json");
    if (!existsSync(file)) continue;
    const meta = JSON.parse(readFileSync(file, "utf8")) as { dependencies?: string[]; devDependencies?: string[] };
    for (const d of [...(meta.dependencies ?? []), ...(meta.devDependencies ?? [])]) deps.add(d);
  }
  return [...deps].sort();
}

async function hasUv(command: string): Promise<boolean> {
  return execa(command, ["--version"]).then(
    () => true,
    () => false,
  );
}

/** uv from PATH, or installed from PyPI into .cache/uv-tool on first use. */
export async function uvCommand(): Promise<string> {
  if (await hasUv("uv")) return "uv";
  const tools = join(CACHE, "uv-tool");
  await buildOnce(tools, async (dir) => {
    await execa("python3", ["-m", "venv", dir]);
    await execa(join(dir, "bin", "python"), ["-m", "pip", "install", "--quiet", "uv"]);
  });
  return join(tools, "bin", "uv");
}

/** The bin folder of a virtualenv holding every layer's dependencies. */
export async function checkEnvironment(): Promise<string> {
  const deps = allDependencies();
  const key = createHash("sha256").update(deps.join("\n")).digest("hex").slice(0, 12);
  const venv = join(CACHE, `venv-${key}`);
  await buildOnce(venv, async (dir) => {
    const uv = await uvCommand();
    await execa(uv, ["venv", "--quiet", "--python", "python3", dir]);
    await execa(uv, ["pip", "install", "--quiet", "--compile-bytecode", "--python", join(dir, "bin", "python"), ...deps]);
  });
  return join(venv, "bin");
}
