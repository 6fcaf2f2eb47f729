// Project names, as CONTRACT.md "Names" fixes them: "Acme API" -> distribution
// "acme-api", import package "acme_api"; invalid names are refused up front.

export interface ProjectNames {
  /** As the user typed it. */
  readonly name: string;
  /** PEP 503-normalised distribution name. */
  readonly dist: string;
  /** The Python import package. */
  readonly pkg: string;
  /** For headings: the name as typed when it has capitals or spaces, else "Acme API" from acme-api. */
  readonly title: string;
}

const PYTHON_KEYWORDS = new Set([
  "false", "none", "true", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
  "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
  // soft keywords that make awkward package names
  "match", "case", "type",
]);

// Importing the project would shadow these: its dependencies, its tools, and
// the standard-library modules a web backend imports.
const SHADOWED = new Set([
  "alembic", "anyio", "argon2", "asgiref", "coverage", "django", "fastapi", "flask", "gunicorn", "httpx", "jwt",
  "mypy", "psycopg", "pydantic", "pydantic_settings", "pytest", "rest_framework", "ruff", "sqlalchemy", "starlette",
  "uvicorn", "werkzeug", "test", "tests", "src", "app_tests",
  "abc", "argparse", "array", "ast", "asyncio", "base64", "builtins", "calendar", "code", "collections",
  "contextlib", "copy", "csv", "dataclasses", "datetime", "decimal", "email", "enum", "functools", "glob",
  "hashlib", "hmac", "html", "http", "importlib", "inspect", "io", "json", "logging", "math", "operator",
  "os", "pathlib", "pickle", "platform", "queue", "random", "re", "secrets", "select", "signal", "socket",
  "sqlite3", "ssl", "stat", "string", "struct", "subprocess", "sys", "tempfile", "threading", "time",
  "token", "traceback", "types", "typing", "unittest", "urllib", "uuid", "warnings", "weakref", "zipfile",
]);

/** A reason the name cannot be used, or null. One sentence, with what to do. */
export function nameProblem(raw: string): string | null {
  const name = raw.trim();
  if (name === "") return "The project name is empty; give one such as my-api.";
  if (/[/\\]/.test(name) || name === "." || name === "..") {
    return `"${raw}" is a path, not a project name; give the path as the directory and a plain name such as my-api.`;
  }
  const dist = toDistName(name);
  if (dist === "") {
    return /[^\x00-\x7F]/.test(name)
      ? `"${raw}" has no Latin letters or digits to make a Python package name from; pass an ASCII name such as my-api (or --name my-api to keep this folder name).`
      : `"${raw}" has no letters or digits; use a name such as my-api.`;
  }
  if (!/^[a-z]/.test(dist)) return `"${raw}" must start with a letter, since it becomes the Python package ${toPkgName(dist)}.`;
  const pkg = toPkgName(dist);
  if (PYTHON_KEYWORDS.has(pkg)) return `"${raw}" is a Python keyword and cannot be a package name; try ${dist}-api.`;
  if (SHADOWED.has(pkg)) return `"${raw}" would shadow the Python module ${pkg}; try ${dist}-api.`;
  // The package's name appears in generated imports and commands: past this, lines of
  // the generated code no longer fit ruff's 100 columns in every combination.
  if (dist.length > MAX_NAME_LENGTH) return `"${raw}" is longer than ${MAX_NAME_LENGTH} characters; choose a shorter name.`;
  return null;
}

export const MAX_NAME_LENGTH = 40;

/** "Café" -> "Cafe": accents go, the letter stays; other scripts drop out. */
function toAscii(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l");
}

function toDistName(name: string): string {
  return toAscii(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function toPkgName(dist: string): string {
  return dist.replace(/-/g, "_");
}

// Words that read as initials in a heading: "my-api" -> "My API", not "My Api".
const ACRONYMS = new Set([
  "ai", "api", "aws", "cli", "cms", "crm", "css", "db", "dns", "erp", "gcp", "gql", "html", "http", "https", "id",
  "io", "iot", "ip", "json", "jwt", "ml", "oauth", "orm", "pdf", "rbac", "rest", "rpc", "sdk", "sms", "sql",
  "ssh", "sso", "tcp", "ui", "uri", "url", "ux", "xml",
]);

function titleFrom(name: string, dist: string): string {
  // A name typed for people ("Acme API", "Joe's Shop") is already its own heading; the
  // character set keeps it safe inside the Python string and Markdown that print it.
  if (/\s/.test(name) && /[A-Z]/.test(name) && /^[A-Za-z0-9 '&.,_-]+$/.test(name)) return name.replace(/\s+/g, " ");
  return dist
    .split("-")
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
}

/** Derives every name from a valid raw name; call nameProblem first. */
export function projectNames(raw: string): ProjectNames {
  const name = raw.trim();
  const dist = toDistName(name);
  return { name, dist, pkg: toPkgName(dist), title: titleFrom(name, dist) };
}

/**
 * What tab completion and habit add to a folder name: `app/`, `./app`. The
 * `./` form is also how a folder named like a subcommand (`./update`) is given.
 */
export function normalizeDirectory(directory: string): string {
  if (directory.trim() === "") return directory;
  const trimmed = directory.replace(/^(?:\.[/\\])+/, "").replace(/(?<=.)[/\\]+$/, "");
  return trimmed === "" ? "." : trimmed;
}
