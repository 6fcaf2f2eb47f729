// What the build's precompile and the runtime compile share, apart from the
// rest of handlebars.ts so the build script needs no built catalog to run.
import { createHash } from "node:crypto";

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** The key a template source is precompiled under. */
export function templateKey(source: string): string {
  return createHash("sha1").update(source).digest("hex");
}
