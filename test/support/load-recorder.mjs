// Registered with `node --import`: records every module the process loads (one
// resolved URL a line) in the file named by LOAD_RECORD, so a test can prove
// what a command does not load.
import { register } from "node:module";

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
