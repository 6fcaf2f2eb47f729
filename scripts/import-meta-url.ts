// Injected into the CommonJS bin by scripts/bundle.ts: what `import.meta.url`
// means in the sources (ES modules), for a file that has no import.meta.
import { pathToFileURL } from "node:url";

export const importMetaUrl = pathToFileURL(__filename).href;
