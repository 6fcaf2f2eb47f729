/** Where the build put the catalog, relative to the package root (built.ts). */
declare const built: { readonly catalog: string } | null;
export = built;
