// Next to last step of `npm run build` (scripts/code-cache.ts is the last):
// the CLI as one CommonJS file, dist/src/main.cjs; the bin, dist/src/bin.cjs,
// which compiles it with its V8 code cache (src/code-cache.ts says why a file
// apart); and the plop generator as one ES module.
//
// Why one CommonJS file: a create, --help or --version is over in a tenth of
// a second, and what Node does before our code runs is a large part of it.
// An ES module entry starts Node's ESM loader (its own modules, fs/promises,
// streams) and links each chunk; a CommonJS file is read and compiled in one
// step, and esbuild runs each bundled module's body only when it is first
// imported, so --help still runs none of the create flow. Measured on the
// default create: 0.135 s CPU as ES module chunks, 0.128 s as one CommonJS file.
// The dependencies that are ES modules only, execa, clack and node-plop, are
// imported when a command first needs them, through the bin's own import()
// (src/io/import-esm.ts); the others stay external too and load only in the commands that use them.
// Handlebars' runtime is inlined; its compiler is required at run time only
// for templates the build did not precompile.
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Plugin } from "esbuild";

const dist = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };

// Not through `external`: marking "handlebars" there marks "handlebars/runtime.js" too, which
// left the runtime's eleven CommonJS files for Node to load one by one on every create.
const handlebarsCompilerExternal: Plugin = {
  name: "handlebars-compiler-external",
  setup(build) {
    build.onResolve({ filter: /^handlebars(\/lib\/.*)?$/ }, (args) => ({ path: args.path, external: true }));
  },
};
const common: BuildOptions = {
  absWorkingDir: dist,
  bundle: true,
  platform: "node",
  target: "node20",
  external: Object.keys(manifest.dependencies).filter((name) => name !== "handlebars"),
  plugins: [handlebarsCompilerExternal],
  legalComments: "none",
  logLevel: "warning",
};

const commonJs: BuildOptions = { ...common, format: "cjs", define: { "import.meta.url": "importMetaUrl" }, inject: ["scripts/import-meta-url.js"] };
// The CLI, and the bin that compiles it with its code cache (src/code-cache.ts says why two).
// A cache left from an earlier bundle would not match this one (scripts/code-cache.ts writes the new one).
rmSync(new URL("../src/main.cjs.cache", import.meta.url), { force: true });
await build({ ...commonJs, entryPoints: ["src/bin.js"], outfile: "src/main.cjs" });
// Code V8 takes from a cache cannot import() on Node 20, and a test that runs the sources would not see it:
// the one import() the bundle may hold is src/io/import-esm.ts's, for when no launcher lends its own.
const dynamicImports = readFileSync(new URL("../src/main.cjs", import.meta.url), "utf8").match(/\bimport\(\w/g) ?? [];
if (dynamicImports.length !== 1) throw new Error(`dist/src/main.cjs has ${dynamicImports.length} import() calls: import ES modules through src/io/import-esm.ts`);
await build({ ...commonJs, entryPoints: ["src/launcher.js"], outfile: "src/bin.cjs" });
await build({ ...common, entryPoints: ["generators/index.js"], outfile: "generators/index.js", allowOverwrite: true, format: "esm" });
// tsc's unbundled entries: nothing imports them, and nobody should run them instead of the bundles.
rmSync(new URL("../src/bin.js", import.meta.url));
rmSync(new URL("../src/launcher.js", import.meta.url));
rmSync(new URL("../src/chunks", import.meta.url), { recursive: true, force: true });
process.stdout.write("Bundled dist/src/main.cjs, its launcher dist/src/bin.cjs, and dist/generators/index.js\n");
