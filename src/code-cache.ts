// V8 code caches for the JavaScript a run compiles: the bundle (launcher.ts)
// and each template layer's precompiled specs (render/built.ts).
//
// Node 20 compiles a CommonJS file from its source on every run, and a
// create's functions lazily as they are first called; with the specs, that
// was about a sixth of a create's CPU. The build runs creates and saves,
// beside each script, V8's code for every function they compiled
// (scripts/code-cache.ts); a run hands that back to V8 and skips the parsing.
//
// V8 takes a cache only from the same V8 version and flags, and checks the
// source's length: a cache from another Node, or a missing one, is rejected
// or absent and the script compiles from source as it would without one.
// What it does not check, in a release build, is the rest of the bytes: a
// cache corrupted past its header can crash V8, as a corrupted script could
// misbehave (npm checks a tarball's integrity; checking ours cost 7%).
// Nothing here writes a cache: a run never writes outside the project.
import { readFileSync } from "node:fs";
import { Script } from "node:vm";

/**
 * Set on globalThis only by the build's warm-up (scripts/warm-up.ts): the
 * scripts this run compiled, whose caches it writes once the run is over.
 */
export const WARM_UP = Symbol.for("@backend-starter/create code cache warm-up");

export interface CachedScript {
  readonly script: Script;
  readonly cacheFile: string;
}

/** `source` compiled as `filename`, with the code cache in `cacheFile` if V8 takes it. */
export function compileCached(source: string, filename: string, cacheFile: string, lineOffset = 0): Script {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache (a build without one): V8 compiles from source.
  }
  const script = new Script(source, {
    filename,
    lineOffset,
    // No importModuleDynamically: Node 20 loses it in code taken from a cache (io/import-esm.ts).
    cachedData,
  });
  const warmUp: unknown = Reflect.get(globalThis, WARM_UP);
  if (Array.isArray(warmUp)) warmUp.push({ script, cacheFile } satisfies CachedScript);
  return script;
}
