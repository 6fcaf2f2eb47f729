// import() of the packages published as ES modules only, which the CommonJS
// bundle loads when a command first needs them (scripts/bundle.ts says why).
//
// Not a plain import() in the bundle: on Node 20, code V8 takes from a code
// cache (src/code-cache.ts) has lost what tells Node how to import, and its
// import() fails with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING. So the launcher,
// a file Node compiles itself, lends its own import() here; run from the
// sources (the tests) nothing is lent and this module imports for itself.

/** Where the launcher puts its import(). */
export const LENT_IMPORT = Symbol.for("@backend-starter/create import()");

interface EsmPackages {
  execa: typeof import("execa");
  "@clack/prompts": typeof import("@clack/prompts");
  "node-plop": typeof import("node-plop");
}

type Importer = (specifier: string) => Promise<unknown>;

export async function importEsm<K extends keyof EsmPackages>(name: K): Promise<EsmPackages[K]> {
  const lent = Reflect.get(globalThis, LENT_IMPORT) as Importer | undefined;
  return (await (lent ?? ((specifier: string) => import(specifier)))(name)) as EsmPackages[K];
}
