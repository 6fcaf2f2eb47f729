// The built catalog's file names, apart from built.ts so the build script that
// writes the catalog needs no built catalog to load.
export const INDEX_FILE = "index.json";
export const layerFile = (name: string): string => `${name}.json`;
/** The V8 code cache of a layer's specs (src/code-cache.ts), written by scripts/code-cache.ts. */
export const specCacheFile = (name: string): string => `${name}.specs.cache`;
