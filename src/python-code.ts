// Python source as ruff format writes it, for the lines that field data makes
// (model columns, schema fields, migration columns, test bodies): a bracketed
// list stays on one line when it fits in the line length, else its contents go
// on one indented line, else one item per line with a trailing comma. Getting
// this right here is what lets a generated project pass `ruff format --check`
// whatever fields it was given.

export const LINE_LENGTH = 100;
const INDENT = "    ";

/**
 * `head(` items `)tail`, at `indent` levels, formatted as ruff would: the
 * opening line ends in the bracket, so `head` must end in `(`, `[` or `{`.
 */
export function bracketed(indent: number, head: string, items: readonly string[], tail: string): string {
  const pad = INDENT.repeat(indent);
  const close = head.slice(-1) === "(" ? ")" : head.slice(-1) === "[" ? "]" : "}";
  const flat = `${pad}${head}${items.join(", ")}${close}${tail}`;
  if (flat.length <= LINE_LENGTH) return flat;
  const inner = `${pad}${INDENT}${items.join(", ")}`;
  if (inner.length <= LINE_LENGTH) return `${pad}${head}\n${inner}\n${pad}${close}${tail}`;
  return onePerLine(pad, head, items, `${close}${tail}`);
}

/** `head`, then each item on a line of its own with a trailing comma, then `end`: the last resort of ruff format and isort alike. */
function onePerLine(pad: string, head: string, items: readonly string[], end: string): string {
  return [`${pad}${head}`, ...items.map((item) => `${pad}${INDENT}${item},`), `${pad}${end}`].join("\n");
}

/**
 * `from MODULE import NAMES` as ruff's isort writes it: one line when it fits,
 * else one name per line with a trailing comma. The package's name is the
 * user's (up to 40 characters), so a line that fits for one project may not for another.
 */
export function fromImport(module: string, names: readonly string[]): string {
  const flat = `from ${module} import ${names.join(", ")}`;
  if (flat.length <= LINE_LENGTH) return flat;
  return onePerLine("", `from ${module} import (`, names, ")");
}

/** A Python string literal, double-quoted as ruff format prefers. */
export function pyString(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** A JSON-able value as a Python literal. */
export function pyLiteral(value: string | number | boolean | null): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  return pyString(value);
}
