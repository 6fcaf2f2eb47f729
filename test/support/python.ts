// One cached virtualenv with every dependency any layer declares, so checking
// a generated project costs its tools' run time, not an install. The cache key
// is the dependency list: a template change that adds a dependency makes a
// fresh environment.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { ROOT } from "../helpers.js";

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

/** uv from PATH, or installed from PyPI into .cache/tools on first use. */
export async function uvCommand(): Promise<string> {
  if (await hasUv("uv")) return "uv";
  const tools = join(CACHE, "tools");
  const uv = join(tools, "bin", "uv");
  if (!existsSync(uv)) {
    await execa("python3", ["-m", "venv", tools]);
    await execa(join(tools, "bin", "python"), ["-m", "pip", "install", "--quiet", "uv"]);
  }
  return uv;
}

/** The bin folder of a virtualenv holding every layer's dependencies. */
export async function checkEnvironment(): Promise<string> {
  const deps = allDependencies();
  const key = createHash("sha256").update(deps.join("\n")).digest("hex").slice(0, 12);
  const venv = join(CACHE, `venv-${key}`);
  const bin = join(venv, "bin");
  // Written last: a venv without it is a half-finished install to redo.
  const complete = join(venv, ".complete");
  if (existsSync(complete)) return bin;
  const uv = await uvCommand();
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  await execa(uv, ["venv", "--quiet", "--python", "python3", venv]);
  await execa(uv, ["pip", "install", "--quiet", "--compile-bytecode", "--python", join(bin, "python"), ...deps]);
  writeFileSync(complete, `${deps.join("\n")}\n`);
  return bin;
}
