// Last step of `npm run build`: the bins and the plop generator as bundles.
// Loading ~40 small modules (and Handlebars' runtime, ~20 more) cost a cold
// create about a fifth of its time; one file per entry plus lazily loaded
// chunks keeps what each command loads (the hot-path test checks it) at a
// few files. Dependencies other than Handlebars stay external: the commands
// that need them import them lazily, and the package keeps them as its own.
// The bundles overwrite tsc's entry files, so the bin paths do not change;
// tsc's other output stays for the build scripts and is not packed.
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };

// Chunk names carry a content hash: without this, every build would add to what is packed.
rmSync(new URL("../src/chunks", import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: dist,
  entryPoints: { "src/bin": "src/bin.js", "generators/index": "generators/index.js" },
  outdir: ".",
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  chunkNames: "src/chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  // Handlebars' runtime is inlined; the compiler is required at run time only for unbuilt templates.
  // Not through `external`: marking "handlebars" there marks "handlebars/runtime.js" too, which
  // left the runtime's eleven CommonJS files for Node to load one by one on every create.
  external: Object.keys(manifest.dependencies).filter((name) => name !== "handlebars"),
  plugins: [
    {
      name: "handlebars-compiler-external",
      setup(build) {
        build.onResolve({ filter: /^handlebars(\/lib\/.*)?$/ }, (args) => ({ path: args.path, external: true }));
      },
    },
  ],
  legalComments: "none",
  logLevel: "warning",
});
process.stdout.write("Bundled dist/src/bin.js and dist/generators/index.js\n");
