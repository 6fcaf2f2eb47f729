// The vocabulary that layers (`when`) and slices (folder names) use to say
// where they apply. A tag is a fact about the project's answers; a slice
// folder `fastapi+unit` applies when both `fastapi` and `unit` hold, and the
// folder `common` always does. This is the one place answers become tags.
import { type Answers, OPTIONS } from "../options.js";

export const COMMON_SLICE = "common";
const AND = "+";

export function projectTags(a: Answers): ReadonlySet<string> {
  const tags = new Set<string>([a.framework, a.orm === "django" ? "django-orm" : a.orm, a.db]);
  if (a.auth !== "none") tags.add("users").add(a.auth);
  else tags.add("no-users");
  // OAuth login ends by issuing the app's own JWT pair: an oauth project holds all
  // that a jwt one does (password login, refresh, logout), plus the providers.
  if (a.auth === "oauth") tags.add("jwt");
  if (a.rbac) tags.add("rbac");
  // FastAPI and Flask validate requests with pydantic models (and build an app per
  // Settings); Django validates with DRF serializers and configures itself once.
  if (a.framework !== "django") tags.add("pydantic");
  // Flask and Django are WSGI apps served by gunicorn, with the same bounded-head worker.
  if (a.framework === "flask" || a.framework === "django") tags.add("gunicorn");
  for (const layer of a.tests) tags.add(layer);
  // Tests that need a database (integration, e2e) and tests that drive the app in-process (unit, integration).
  if (a.tests.includes("integration") || a.tests.includes("e2e")) tags.add("db-tests");
  if (a.tests.includes("unit") || a.tests.includes("integration")) tags.add("app-tests");
  if (a.docker) tags.add("docker");
  if (a.ci !== "none") tags.add(`ci-${a.ci}`);
  return tags;
}

/**
 * Every tag `projectTags` can produce for any value the option table declares,
 * offered yet or not, so a misspelt slice or `when` is an error, not a silently
 * dead file, and a slice can be written for a value before it is offered.
 */
export const KNOWN_TAGS: ReadonlySet<string> = new Set(everyAnswers().flatMap((a) => [...projectTags(a)]));

/** One answer set per combination of single-choice values, with every list and flag at its fullest. */
function everyAnswers(): Answers[] {
  const values = <V extends string>(choices: readonly { readonly value: V }[]): V[] => choices.map((c) => c.value);
  const full = { rbac: true, docker: true, tests: values(OPTIONS.tests.choices) };
  const out: Answers[] = [];
  for (const framework of values(OPTIONS.framework.choices))
    for (const orm of values(OPTIONS.orm.choices))
      for (const db of values(OPTIONS.db.choices))
        for (const auth of values(OPTIONS.auth.choices))
          for (const ci of values(OPTIONS.ci.choices)) out.push({ framework, orm, db, auth, ci, ...full });
  return out;
}

export function sliceTags(slice: string): string[] {
  return slice === COMMON_SLICE ? [] : slice.split(AND);
}

export function holds(required: readonly string[], tags: ReadonlySet<string>): boolean {
  return required.every((t) => tags.has(t));
}

export function unknownTags(required: readonly string[]): string[] {
  return required.filter((t) => !KNOWN_TAGS.has(t));
}
