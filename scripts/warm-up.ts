// Run by scripts/code-cache.ts, in a scratch folder, as
// `node warm-up.js write|verify BIN ARGS...`: one run of the built bin with
// ARGS. `write` then saves the code cache of each script the run compiled
// without one (src/code-cache.ts), with every function the run called in it;
// a cache V8 took stays as an earlier run wrote it. `verify` fails unless V8
// took each script's cache.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type CachedScript, WARM_UP } from "../src/code-cache.js";

const [mode, bin, ...args] = process.argv.slice(2);
if ((mode !== "write" && mode !== "verify") || bin === undefined) throw new Error("usage: warm-up.js write|verify BIN ARGS...");
const compiled: CachedScript[] = [];
Reflect.set(globalThis, WARM_UP, compiled);
process.argv = [process.execPath, bin, ...args];
process.on("exit", (code) => {
  if (code !== 0) return;
  for (const { script, cacheFile } of compiled) {
    if (mode === "write") {
      if (script.cachedDataRejected !== false) writeFileSync(cacheFile, script.createCachedData());
    }
    else if (script.cachedDataRejected !== false) {
      process.stderr.write(`V8 did not take the code cache ${cacheFile}\n`);
      process.exitCode = 1;
    }
  }
  if (compiled.length === 0) {
    process.stderr.write("the run compiled no script through src/code-cache.ts\n");
    process.exitCode = 1;
  }
});
createRequire(import.meta.url)(bin);
