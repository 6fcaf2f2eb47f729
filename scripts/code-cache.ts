// Last step of `npm run build`: the V8 code caches a run compiles its scripts
// with (src/code-cache.ts says why), from creates through the built bin, then
// checked by running them again that V8 takes them. A cache holds code for
// this Node's V8 only: another Node rejects it and compiles from source.
//
// The default create runs first, and its caches hold the functions it calls;
// the other creates only add the layers it does not use. A cache that held
// every project's functions would cost the default create more to load.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../src/bin.cjs", import.meta.url));
const warmUp = fileURLToPath(new URL("./warm-up.js", import.meta.url));
const catalog = fileURLToPath(new URL("../catalog", import.meta.url));
const main = fileURLToPath(new URL("../src/main.cjs", import.meta.url));
// The bundle's, and each layer's.
const cacheFiles = (): string[] => [`${main}.cache`, ...readdirSync(catalog).filter((f) => f.endsWith(".cache")).map((f) => join(catalog, f))];

// V8 rejects a cache made under other flags: the build's NODE_OPTIONS are not a user's.
const env: NodeJS.ProcessEnv = { ...process.env, CI: "true" };
delete env.NODE_OPTIONS;
// Between them, every layer.
const CREATES = [[], ["--framework", "django", "--db", "postgres", "--auth", "session"], ["--framework", "flask", "--db", "mysql", "--auth", "oauth"]];
const scratch = mkdtempSync(join(tmpdir(), "backend-starter-code-cache-"));
try {
  for (const file of cacheFiles()) rmSync(file, { force: true });
  for (const mode of ["write", "verify"]) {
    for (const [i, args] of CREATES.entries()) {
      const argv = [warmUp, mode, bin, `${mode}-${i}`, "--yes", "--no-install", "--no-git", ...args];
      const run = spawnSync(process.execPath, argv, { cwd: scratch, env, stdio: ["ignore", "ignore", "inherit"] });
      if (run.status !== 0) throw new Error(`code cache ${mode} run ${args.join(" ")} failed (${run.status ?? run.signal})`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`Wrote ${cacheFiles().length} V8 code caches, of dist/src/main.cjs and the template layers\n`);
