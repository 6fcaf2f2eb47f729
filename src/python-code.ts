// Python source as ruff format writes it, for the lines that field data makes
// (model columns, schema fields, migration columns, test bodies): a call's
// arguments stay on one line when they fit in the line length, else go on one
// indented line, else one per line with a trailing comma; a literal (list,
// tuple, dict, set) skips the middle step. Getting this right here is what lets
// a generated project pass `ruff format --check` whatever fields it was given.

export const LINE_LENGTH = 100;
const INDENT = "    ";

/**
 * `head(` items `)tail`, at `indent` levels, formatted as ruff would: the
 * opening line ends in the bracket, so `head` must end in `(`, `[` or `{`.
 */
export function bracketed(indent: number, head: string, items: readonly string[], tail: string): string {
  const pad = INDENT.repeat(indent);
  const close = closing(head);
  const flat = `${pad}${head}${items.join(", ")}${close}${tail}`;
  if (flat.length <= LINE_LENGTH) return flat;
  const inner = `${pad}${INDENT}${items.join(", ")}`;
  if (inner.length <= LINE_LENGTH) return `${pad}${head}\n${inner}\n${pad}${close}${tail}`;
  return onePerLine(pad, head, items, `${close}${tail}`);
}

/**
 * A list, tuple, dict or set literal at `indent` levels: `head` (ending in its
 * opening bracket), the items, the closing bracket and `tail`, on one line when
 * it fits, else one item per line with a trailing comma. Ruff never puts a
 * literal's items on one indented line of their own, as it does a call's arguments.
 */
export function literal(indent: number, head: string, items: readonly string[], tail: string): string {
  const pad = INDENT.repeat(indent);
  const flat = `${pad}${head}${items.join(", ")}${closing(head)}${tail}`;
  if (flat.length <= LINE_LENGTH) return flat;
  return onePerLine(pad, head, items, `${closing(head)}${tail}`);
}

function closing(head: string): string {
  const open = head.slice(-1);
  return open === "(" ? ")" : open === "[" ? "]" : "}";
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

/**
 * A block of `from` imports of one isort section, each statement (a
 * parenthesized one spans lines) in the order ruff's isort keeps (moduleOrder).
 * For blocks where a name decides the order: `acme_api.articles` sorts before `acme_api.auth`, `acme_api.posts` after.
 */
export function sortImports(block: string): string {
  const statements: string[] = [];
  for (const line of block.split("\n").filter((l) => l !== "")) {
    if (line.startsWith("from ")) statements.push(line);
    else if (statements.length > 0 && !line.startsWith("import ")) statements[statements.length - 1] += `\n${line}`;
    else throw new Error(`sortImports takes \`from\` imports only, not: ${line}`);
  }
  const moduleOf = (statement: string): string => statement.slice("from ".length, statement.indexOf(" import "));
  return statements
    .map((statement) => ({ statement, module: moduleOf(statement) }))
    .sort((a, b) => moduleOrder(a.module, b.module))
    .map(({ statement }) => `${statement}\n`)
    .join("");
}

/** How ruff's isort orders two modules: ignoring case, runs of digits as numbers (`v2_items` before `v10_items`). */
export function moduleOrder(a: string, b: string): number {
  return naturalOrder(a.toLowerCase(), b.toLowerCase()) || naturalOrder(a, b);
}

/** Character by character, except that runs of digits compare as numbers (`v2` before `v10`). */
function naturalOrder(a: string, b: string): number {
  const runs = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const [x, y] = [runs(a), runs(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] as string, y[i] as string];
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    const order = numeric ? Number(p) - Number(q) || p.length - q.length : p < q ? -1 : p > q ? 1 : 0;
    if (order !== 0) return order;
  }
  return x.length - y.length;
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
