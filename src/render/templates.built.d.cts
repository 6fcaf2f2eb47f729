import type { BuiltTemplates } from "./built.js";

declare const built: BuiltTemplates | null;
export = built;
