// A project's resources are the sample resource plus what its recorded runs of
// `add resource` and `remove resource` made of it, replayed in order: `update`
// replays them too, so added resources survive newer templates. Every check on
// a new resource's name and fields is made here, before anything is planned.
import { UsageError } from "./errors.js";
import { columnOf, type FieldSpec, parseFields } from "./fields.js";
import { pluralize, singularize } from "./inflect.js";
import { type Answers, hasAuth } from "./options.js";
import type { Plan } from "./plan.js";
import { LINE_LENGTH } from "./python-code.js";
import { ITEMS, type ResourceSpec } from "./resources.js";
import type { SubgeneratorRun } from "./spec.js";

export const ADD_RESOURCE = "resource";
export const REMOVE_RESOURCE = "remove-resource";
/** What `add resource NAME` gets without --fields: the sample resource's shape. */
export const DEFAULT_FIELDS = "title:str(200),description:text:optional";

/** Modules, tables and URL segments the project already uses, and names Python or the stack reserve. */
const TAKEN = new Set([
  // the generated package's own modules and folders, and its tables
  "app", "cli", "core", "auth", "admin", "users", "user", "migrations", "settings", "db", "health", "ready", "docs",
  "openapi", "api", "tests", "login_failures", "refresh_tokens", "alembic_version", "static",
  // the stack's packages, which a module of the same name would shadow in tests and tools
  "fastapi", "flask", "django", "sqlalchemy", "alembic", "pydantic", "starlette", "uvicorn", "gunicorn", "pytest",
  // Python's keywords and the soft keywords and builtins a variable would shadow
  "false", "none", "true", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
  "id", "list", "dict", "set", "str", "int", "float", "object", "property", "filter", "map", "range",
]);

/** Identifiers derived from a resource must fit PostgreSQL's 63 and MySQL's 64 characters. */
const MAX_IDENTIFIER = 63;
const MAX_NAME = 30;

interface ResourceArgs {
  readonly name: string;
  readonly singular: string;
  readonly fields: string;
}

function argsOf(run: SubgeneratorRun): ResourceArgs {
  const { name, singular, fields } = run.args as Partial<ResourceArgs>;
  if (typeof name !== "string" || typeof singular !== "string" || typeof fields !== "string") {
    throw new UsageError(`.backend-starter.json holds a damaged ${run.generator} run; restore the file from git, it is not meant to be edited.`);
  }
  return { name, singular, fields };
}

/** The resources the runs leave, in the order they were added. */
export function resourcesOf(runs: readonly SubgeneratorRun[]): ResourceSpec[] {
  let resources: ResourceSpec[] = [ITEMS];
  for (const run of runs) {
    if (run.generator === ADD_RESOURCE) {
      const { name, singular, fields } = argsOf(run);
      resources.push({ name, singular, fields: parseFields(fields) });
    } else if (run.generator === REMOVE_RESOURCE) {
      const { name } = run.args as { name?: unknown };
      resources = resources.filter((r) => r.name !== name);
    }
  }
  return resources;
}

/** snake_case from what a user types: `BlogPost`, `blog-post`, `blog_posts`. */
export function snakeName(raw: string): string {
  return raw
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[-\s]+/g, "_")
    .toLowerCase();
}

function checkIdentifiers(resource: ResourceSpec): void {
  const table = resource.name;
  const names = resource.fields.flatMap((f: FieldSpec) => {
    const column = columnOf(f);
    return [`ix_${table}_${column}`, `uq_${table}_${column}`, ...(f.kind === "ref" ? [`fk_${table}_${column}_${f.target}`] : [])];
  });
  const long = names.find((n) => n.length > MAX_IDENTIFIER);
  if (long) throw new UsageError(`The database name ${long} would be longer than ${MAX_IDENTIFIER} characters; use a shorter resource or field name.`);
}

/** The run that adds resource `raw`, after every check; refuses with a one-line reason. */
export function addResourceRun(raw: string, options: { fields?: string; singular?: string }, existing: readonly ResourceSpec[], answers: Answers): SubgeneratorRun {
  const given = snakeName(raw);
  if (!/^[a-z][a-z0-9_]*$/.test(given) || given.endsWith("_") || given.includes("__")) {
    throw new UsageError(`"${raw}" is not a resource name: use letters, digits and single - or _, starting with a letter (e.g. Post, blog-posts).`);
  }
  const singular = options.singular === undefined ? singularize(given) : snakeName(options.singular);
  const name = options.singular === undefined ? pluralize(singular) : given;
  if (name === singular) {
    throw new UsageError(`"${raw}" reads the same in singular and plural; name it with --singular (e.g. add resource ${raw} --singular ${singular}_entry).`);
  }
  if (name.length > MAX_NAME) throw new UsageError(`"${name}" is longer than ${MAX_NAME} characters; choose a shorter resource name.`);
  for (const word of [name, singular]) {
    if (TAKEN.has(word)) throw new UsageError(`"${word}" is taken by the project, Python or the stack; choose another resource name.`);
    const clash = existing.find((r) => r.name === word || r.singular === word);
    if (clash) throw new UsageError(`The project already has a resource "${clash.name}"; choose another name, or remove it first (backend-starter remove resource ${clash.name}).`);
  }
  const fieldsText = options.fields ?? DEFAULT_FIELDS;
  const fields = parseFields(fieldsText);
  for (const field of fields.filter((f) => f.kind === "ref")) {
    if (field.target === "users") {
      if (!hasAuth(answers)) throw new UsageError(`--fields ${field.name}:ref(users): this project has no users (auth none); add auth first (backend-starter add auth jwt).`);
    } else if (!existing.some((r) => r.name === field.target)) {
      const known = ["users", ...existing.map((r) => r.name)].filter((n) => n !== "users" || hasAuth(answers));
      throw new UsageError(`--fields ${field.name}:ref(${field.target}): no such resource; a ref names one of ${known.join(", ")}.`);
    }
  }
  checkIdentifiers({ name, singular, fields });
  return { generator: ADD_RESOURCE, args: { name, singular, fields: fieldsText } };
}

/**
 * Whether the project's ruff leaves a path alone, read from the `extend-exclude`
 * globs of the pyproject.toml being rendered (Django's migrations, kept as
 * Django writes them), so the lint's own list is the only one. A `*` stays
 * within one folder, which is never wider than what ruff excludes.
 */
function lintExcluded(rendered: Plan): (path: string) => boolean {
  const pyproject = rendered.get("pyproject.toml")?.toString("utf8") ?? "";
  const globs = /^extend-exclude = \[(.*)\]$/m.exec(pyproject)?.[1] ?? "";
  const patterns = [...globs.matchAll(/"([^"]+)"/g)].map(([, glob]) => {
    const body = (glob as string).split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*");
    return new RegExp(`^${body}$`);
  });
  return (path) => patterns.some((pattern) => pattern.test(path));
}

/**
 * The backstop of the checks above, once the resource is rendered and before
 * anything is written: refuses a Python line the add would write that is
 * longer than the project's lint allows. The templates keep their lines short
 * for names up to MAX_NAME characters; a long field name or enum value, or a
 * long --singular, can still make one longer, which ruff would report and
 * `ruff format` could not fix. Only lines the add brings are looked at, so a
 * user's own long line elsewhere is not the add's to refuse.
 */
export function refuseLongLines(rendered: Plan, before: Plan): void {
  const unlinted = lintExcluded(rendered);
  for (const [path, content] of rendered) {
    if (!path.endsWith(".py") || unlinted(path)) continue;
    const kept = new Set(before.get(path)?.toString("utf8").split("\n") ?? []);
    const lines = content.toString("utf8").split("\n");
    const at = lines.findIndex((line) => [...line].length > LINE_LENGTH && !kept.has(line));
    if (at === -1) continue;
    const length = [...(lines[at] as string)].length;
    throw new UsageError(`Adding this resource would write a line of ${length} characters to ${path} (line ${at + 1}), over the ${LINE_LENGTH} the project's lint allows; choose a shorter resource (or field) name.`);
  }
}

/** The run that removes resource `raw`; refuses one that does not exist or that another resource refers to. */
export function removeResourceRun(raw: string, existing: readonly ResourceSpec[]): SubgeneratorRun {
  const given = snakeName(raw);
  const resource = existing.find((r) => r.name === given || r.singular === given);
  if (!resource) {
    const names = existing.map((r) => r.name).join(", ") || "none";
    throw new UsageError(`The project has no resource "${raw}"; its resources are: ${names}.`);
  }
  const referrer = existing.find((r) => r.fields.some((f) => f.kind === "ref" && f.target === resource.name));
  if (referrer) throw new UsageError(`${referrer.name} refers to ${resource.name}; remove ${referrer.name} first.`);
  return { generator: REMOVE_RESOURCE, args: { name: resource.name } };
}
