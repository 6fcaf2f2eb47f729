// Our own Handlebars instance. Python, TOML and YAML are not HTML: escaping is
// off, and strict mode makes a misspelt variable an error instead of "".
import Handlebars from "handlebars";

export type TemplateEnv = typeof Handlebars;

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

// Helpers get Handlebars' options object as their last argument; drop it.
function args(list: unknown[]): unknown[] {
  return list.slice(0, -1);
}

export function createTemplateEnv(partials: ReadonlyMap<string, string>): TemplateEnv {
  const env = Handlebars.create();
  env.registerHelper("eq", (...a: unknown[]) => args(a)[0] === args(a)[1]);
  env.registerHelper("ne", (...a: unknown[]) => args(a)[0] !== args(a)[1]);
  env.registerHelper("and", (...a: unknown[]) => args(a).every(Boolean));
  env.registerHelper("or", (...a: unknown[]) => args(a).some(Boolean));
  env.registerHelper("not", (...a: unknown[]) => !args(a)[0]);
  for (const [name, source] of partials) env.registerPartial(name, env.compile(source, COMPILE_OPTIONS));
  return env;
}
