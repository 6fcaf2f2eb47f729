// Where the package's own files are, whether run from dist/ or an npm install.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Compiled to dist/src/paths.js: the package root is two folders up.
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TEMPLATES_DIR = resolve(PACKAGE_ROOT, "templates");
