// Template path -> output path. Stored names avoid what npm and editors mangle:
// `dot_gitignore` becomes `.gitignore` (npm drops .gitignore from packages),
// `__pkg__` becomes the import package (and a parametrised layer's own
// tokens, such as `__resource__`, their values), and `.hbs` marks a rendered file.

export function isTemplate(source: string): boolean {
  return source.endsWith(".hbs");
}

/** `tokens` maps token names to values: `{ pkg: "acme_api" }` turns `__pkg__` into `acme_api`; unknown tokens stay. */
export function substituteTokens(text: string, tokens: Readonly<Record<string, string>>): string {
  return text.replace(/__([a-z]+)__/g, (token, name: string) => tokens[name] ?? token);
}

export function outputPath(source: string, tokens: Readonly<Record<string, string>>): string {
  const withoutSuffix = isTemplate(source) ? source.slice(0, -".hbs".length) : source;
  return withoutSuffix
    .split("/")
    .map((segment) => (segment.startsWith("dot_") ? `.${segment.slice(4)}` : segment))
    .map((segment) => substituteTokens(segment, tokens))
    .join("/");
}
