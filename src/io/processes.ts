// execa, imported the first time a command runs a process. It is published
// as ES modules only, and the bin is one CommonJS file (scripts/bundle.ts says
// why): a static import would make every run load it, and Node 20 before
// 20.19 cannot require() it at all.
import type { execa as Execa } from "execa";
import { importEsm } from "./import-esm.js";

let loaded: typeof Execa | undefined;

export async function loadExeca(): Promise<typeof Execa> {
  loaded ??= (await importEsm("execa")).execa;
  return loaded;
}
