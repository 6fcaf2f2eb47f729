// Last step of `npm run build`: the V8 code caches a run compiles its scripts
// with (src/code-cache.ts says why), from one default create through the built
// bin, then checked by a second create that V8 takes them. A cache holds code
// for this Node's V8 only: another Node rejects it and compiles from source.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../src/bin.cjs", import.meta.url));
const warmUp = fileURLToPath(new URL("./warm-up.js", import.meta.url));
const catalog = fileURLToPath(new URL("../catalog", import.meta.url));
const main = fileURLToPath(new URL("../src/main.cjs", import.meta.url));
// The bundle's, and those of the layers whose specs the warm-up rendered (the others compile from source).
const cacheFiles = (): string[] => [`${main}.cache`, ...readdirSync(catalog).filter((f) => f.endsWith(".cache")).map((f) => join(catalog, f))];

// V8 rejects a cache made under other flags: the build's NODE_OPTIONS are not a user's.
const env: NodeJS.ProcessEnv = { ...process.env, CI: "true" };
delete env.NODE_OPTIONS;
const scratch = mkdtempSync(join(tmpdir(), "backend-starter-code-cache-"));
try {
  // Stale caches out first: a layer this create does not use must not keep one.
  for (const file of cacheFiles()) rmSync(file, { force: true });
  for (const mode of ["write", "verify"]) {
    const run = spawnSync(process.execPath, [warmUp, mode, bin, mode, "--yes", "--no-install", "--no-git"], { cwd: scratch, env, stdio: ["ignore", "ignore", "inherit"] });
    if (run.status !== 0) throw new Error(`code cache ${mode} run failed (${run.status ?? run.signal})`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`Wrote ${cacheFiles().length} V8 code caches, of dist/src/main.cjs and the layers a default create renders\n`);
