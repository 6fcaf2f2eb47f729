// Registered with `node --import`: records every module the process loads (one
// resolved URL a line) in the file named by LOAD_RECORD, so a test can prove
// what a command does not load. ES modules through a resolve hook; CommonJS
// ones (require() bypasses that hook) from the require cache at exit.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

register(
  "data:text/javascript," +
    encodeURIComponent(`
import { appendFileSync } from "node:fs";
const file = process.env.LOAD_RECORD;
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (file) appendFileSync(file, result.url + "\\n");
  return result;
}`),
);

const cache = createRequire(import.meta.url).cache;
process.on("exit", () => {
  const file = process.env.LOAD_RECORD;
  if (file) appendFileSync(file, Object.keys(cache).map((path) => `${pathToFileURL(path).href}\n`).join(""));
});
