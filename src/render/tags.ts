// The vocabulary that layers (`when`) and slices (folder names) use to say
// where they apply. A tag is a fact about the project's answers; a slice
// folder `fastapi+unit` applies when both `fastapi` and `unit` hold, and the
// folder `common` always does. This is the one place answers become tags.
import type { Answers } from "../options.js";

export const COMMON_SLICE = "common";
const AND = "+";

export function projectTags(a: Answers): ReadonlySet<string> {
  const tags = new Set<string>([a.framework, a.orm === "django" ? "django-orm" : a.orm, a.db]);
  if (a.auth !== "none") tags.add("users").add(a.auth);
  else tags.add("no-users");
  if (a.rbac) tags.add("rbac");
  for (const layer of a.tests) tags.add(layer);
  // Tests that need a database (integration, e2e) and tests that drive the app in-process (unit, integration).
  if (a.tests.includes("integration") || a.tests.includes("e2e")) tags.add("db-tests");
  if (a.tests.includes("unit") || a.tests.includes("integration")) tags.add("app-tests");
  if (a.docker) tags.add("docker");
  if (a.ci !== "none") tags.add(`ci-${a.ci}`);
  return tags;
}

/** Every tag `projectTags` can produce, so a misspelt slice or `when` is an error, not a silently dead file. */
export const KNOWN_TAGS: ReadonlySet<string> = new Set([
  "fastapi", "flask", "django", "sqlalchemy", "django-orm", "sqlite", "postgres", "mysql",
  "users", "no-users", "jwt", "session", "oauth", "rbac", "unit", "integration", "e2e", "db-tests", "app-tests",
  "docker", "ci-github",
]);

export function sliceTags(slice: string): string[] {
  return slice === COMMON_SLICE ? [] : slice.split(AND);
}

export function holds(required: readonly string[], tags: ReadonlySet<string>): boolean {
  return required.every((t) => tags.has(t));
}

export function unknownTags(required: readonly string[]): string[] {
  return required.filter((t) => !KNOWN_TAGS.has(t));
}
