#!/usr/bin/env node
// What both bins run: the CLI (bin.ts, bundled into main.cjs beside this file)
// compiled with the code cache the build left next to it (code-cache.ts says
// why). Kept apart from the bundle because a script can use a cache only if
// something other than Node's CommonJS loader compiles it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileCached } from "./code-cache.js";
import { LENT_IMPORT } from "./io/import-esm.js";

type CommonJsBody = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, "main.cjs");
// Node's own CommonJS wrapper; its line of its own, and lineOffset -1, keep stack traces' line numbers those of main.cjs.
const source = `(function (exports, require, module, __filename, __dirname) {\n${readFileSync(file, "utf8")}\n})`;
const body = compileCached(source, file, `${file}.cache`, -1).runInThisContext() as CommonJsBody;
// The bundle's import() of execa, clack and node-plop (io/import-esm.ts says why it is this one).
Reflect.set(globalThis, LENT_IMPORT, (specifier: string) => import(specifier));
const module = { exports: {} };
body(module.exports, createRequire(file), module, file, here);
