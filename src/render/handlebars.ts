// Our own Handlebars instance. Python, TOML and YAML are not HTML: escaping is
// off, and strict mode makes a misspelt variable an error instead of "".
//
// Compiling ~100 templates from source cost more than everything else a
// create did, so the build precompiles the shipped ones (built.ts), keyed by
// each source's hash. A render from that catalog needs only Handlebars' small
// runtime; any other (a test's template folder, the sources run without a
// build) compiles from source, as before.
import { fromImport, sortImports } from "../python-code.js";
import { createRequire } from "node:module";
// The runtime's own typings export nothing; it is the full build minus the compiler.
import handlebarsRuntime from "handlebars/runtime.js";
import { builtSpec, type TemplateSpec } from "./built.js";
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
  /** The template of a source, precompiled or compiled as the catalog is. */
  compile(source: string): Template;
}

/**
 * A compiler for one render. `precompiled` says the templates come from the
 * built catalog, whose every template the build precompiled: then the
 * Handlebars compiler is never loaded, and each template is looked up (its
 * source hashed) only when a render uses it.
 */
export function createTemplateCompiler(partials: ReadonlyMap<string, string>, precompiled: boolean): TemplateCompiler {
  const env = precompiled ? runtime.create() : (require("handlebars") as Handlebars).create();
  registerHelpers(env);
  const compile = precompiled ? (source: string) => env.template(builtSpecOf(source) as Parameters<Handlebars["template"]>[0]) : (source: string) => env.compile(source, COMPILE_OPTIONS);
  for (const [name, source] of partials) env.registerPartial(name, compile(source));
  // A resource's templates render once per resource: each is looked up once.
  const templates = new Map<string, Template>();
  return {
    compile(source) {
      let template = templates.get(source);
      if (template === undefined) {
        template = compile(source);
        templates.set(source, template);
      }
      return template;
    },
  };
}

function builtSpecOf(source: string): TemplateSpec {
  const spec = builtSpec(templateKey(source));
  if (spec === undefined) throw new Error("the built template catalog has no precompiled form of this template: run `npm run build`");
  return spec;
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
