// Our own Handlebars instance. Python, TOML and YAML are not HTML: escaping is
// off, and strict mode makes a misspelt variable an error instead of "".
//
// Compiling ~100 templates from source cost more than everything else a
// create did, so the build precompiles the shipped ones (built.ts), keyed by
// each source's hash. A render whose templates all have a spec there needs
// only Handlebars' small runtime; any other (a test's template folder, the
// sources run without a build) compiles from source, as before.
import { fromImport, sortImports } from "../python-code.js";
import { createRequire } from "node:module";
// The runtime's own typings export nothing; it is the full build minus the compiler.
import handlebarsRuntime from "handlebars/runtime.js";
import { builtTemplates, type TemplateSpec } from "./built.js";
import { COMPILE_OPTIONS, templateKey } from "./compile-options.js";

type Handlebars = typeof import("handlebars");
const runtime = handlebarsRuntime as unknown as Pick<Handlebars, "create">;
export type TemplateEnv = Handlebars;
export type Template = (context: object) => string;

// The compiler is required only when a render needs it (the planner is synchronous).
const require = createRequire(import.meta.url);

// Helpers get Handlebars' options object as their last argument; drop it.
function args(list: unknown[]): unknown[] {
  return list.slice(0, -1);
}

export interface TemplateCompiler {
  /** The template of a source: precompiled when the build has it, compiled otherwise. */
  compile(source: string): Template;
}

/**
 * A compiler for one render. `sources` is every template the render may use
 * (partials included): when the build precompiled all of them, the Handlebars
 * compiler is never loaded.
 */
export function createTemplateCompiler(partials: ReadonlyMap<string, string>, sources: Iterable<string>): TemplateCompiler {
  const specs = builtTemplates()?.specs ?? {};
  const keys = new Map<string, string>();
  let complete = true;
  for (const source of [...partials.values(), ...sources]) {
    const key = templateKey(source);
    keys.set(source, key);
    if (!Object.hasOwn(specs, key)) complete = false;
  }
  if (complete) return precompiledCompiler(runtime.create(), partials, keys, specs);
  return sourceCompiler((require("handlebars") as Handlebars).create(), partials);
}

function registerHelpers(env: Handlebars): void {
  env.registerHelper("eq", (...a: unknown[]) => args(a)[0] === args(a)[1]);
  env.registerHelper("ne", (...a: unknown[]) => args(a)[0] !== args(a)[1]);
  env.registerHelper("and", (...a: unknown[]) => args(a).every(Boolean));
  env.registerHelper("or", (...a: unknown[]) => args(a).some(Boolean));
  env.registerHelper("not", (...a: unknown[]) => !args(a)[0]);
  // {{fromImport (concat project.pkg ".auth.passwords") "hash_password" "verify_password"}}
  env.registerHelper("concat", (...a: unknown[]) => args(a).map(String).join(""));
  env.registerHelper("fromImport", (...a: unknown[]) => {
    const [module = "", ...names] = args(a).map(String);
    return fromImport(module, names);
  });
  // {{#sortImports}} first-party imports, some named after a resource {{/sortImports}}
  env.registerHelper("sortImports", function (this: unknown, options: { fn: (context: unknown) => string }) {
    return sortImports(options.fn(this));
  });
}

function sourceCompiler(env: Handlebars, partials: ReadonlyMap<string, string>): TemplateCompiler {
  registerHelpers(env);
  for (const [name, source] of partials) env.registerPartial(name, env.compile(source, COMPILE_OPTIONS));
  return { compile: (source) => env.compile(source, COMPILE_OPTIONS) };
}

function precompiledCompiler(
  env: Handlebars,
  partials: ReadonlyMap<string, string>,
  keys: ReadonlyMap<string, string>,
  specs: Readonly<Record<string, TemplateSpec>>,
): TemplateCompiler {
  registerHelpers(env);
  const spec = (source: string): TemplateSpec => {
    const found = specs[keys.get(source) ?? templateKey(source)];
    if (found === undefined) throw new Error("a template was not among the sources this compiler was made for");
    return found;
  };
  for (const [name, source] of partials) env.registerPartial(name, env.template(spec(source) as Parameters<Handlebars["template"]>[0]));
  return { compile: (source) => env.template(spec(source) as Parameters<Handlebars["template"]>[0]) };
}
