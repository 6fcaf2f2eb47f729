// Project names, as CONTRACT.md "Names" fixes them: "Acme API" -> distribution
// "acme-api", import package "acme_api"; invalid names are refused up front.

export interface ProjectNames {
  /** As the user typed it. */
  readonly name: string;
  /** PEP 503-normalised distribution name. */
  readonly dist: string;
  /** The Python import package. */
  readonly pkg: string;
  /** For headings: "Acme Api". */
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
    return `"${raw}" is a path, not a project name; cd to the parent folder and pass a plain name such as my-api.`;
  }
  const dist = toDistName(name);
  if (dist === "") return `"${raw}" has no letters or digits; use a name such as my-api.`;
  if (!/^[a-z]/.test(dist)) return `"${raw}" must start with a letter, since it becomes the Python package ${toPkgName(dist)}.`;
  const pkg = toPkgName(dist);
  if (PYTHON_KEYWORDS.has(pkg)) return `"${raw}" is a Python keyword and cannot be a package name; try ${dist}-api.`;
  if (SHADOWED.has(pkg)) return `"${raw}" would shadow the Python module ${pkg}; try ${dist}-api.`;
  if (dist.length > 64) return `"${raw}" is longer than 64 characters; choose a shorter name.`;
  return null;
}

function toDistName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function toPkgName(dist: string): string {
  return dist.replace(/-/g, "_");
}

/** Derives every name from a valid raw name; call nameProblem first. */
export function projectNames(raw: string): ProjectNames {
  const name = raw.trim();
  const dist = toDistName(name);
  const title = dist
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
  return { name, dist, pkg: toPkgName(dist), title };
}
