// Template path -> output path. Stored names avoid what npm and editors mangle:
// `dot_gitignore` becomes `.gitignore` (npm drops .gitignore from packages),
// `__pkg__` becomes the import package, and `.hbs` marks a rendered file.

export function isTemplate(source: string): boolean {
  return source.endsWith(".hbs");
}

export function outputPath(source: string, pkg: string): string {
  const withoutSuffix = isTemplate(source) ? source.slice(0, -".hbs".length) : source;
  return withoutSuffix
    .split("/")
    .map((segment) => (segment.startsWith("dot_") ? `.${segment.slice(4)}` : segment))
    .map((segment) => segment.replaceAll("__pkg__", pkg))
    .join("/");
}
