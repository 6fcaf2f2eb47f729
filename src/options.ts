// THE option table. Prompts, flag parsing, --help, defaults, validation and the
// test matrix are all derived from it, so a new choice is added here once.

export interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
  readonly hint?: string;
  /** Offered only once its issue has landed with proof; otherwise "not available yet". */
  readonly available: boolean;
}

interface ChoiceOption<V extends string> {
  readonly kind: "choice";
  readonly label: string;
  readonly flag: string;
  readonly choices: readonly Choice<V>[];
  /** The default CLI.md promises; falls back to the first available choice while it is not offered. */
  readonly preferred: V;
}

interface MultiOption<V extends string> {
  readonly kind: "multi";
  readonly label: string;
  readonly flag: string;
  readonly choices: readonly Choice<V>[];
  readonly preferred: readonly V[];
}

interface BooleanOption {
  readonly kind: "boolean";
  readonly label: string;
  readonly flag: string;
  readonly preferred: boolean;
  /** Whether `true` can be chosen yet. */
  readonly available: boolean;
}

export const FRAMEWORKS = [
  { value: "fastapi", label: "FastAPI", hint: "ASGI, dependencies and routers", available: true },
  { value: "flask", label: "Flask", hint: "WSGI, blueprints and an app factory", available: false },
  { value: "django", label: "Django", hint: "apps, admin and the Django ORM", available: false },
] as const satisfies readonly Choice<string>[];

export const ORMS = [
  { value: "sqlalchemy", label: "SQLAlchemy 2 + Alembic", available: true },
  { value: "django", label: "Django ORM", available: false },
] as const satisfies readonly Choice<string>[];

export const DATABASES = [
  { value: "sqlite", label: "SQLite", hint: "embedded, no server", available: true },
  { value: "postgres", label: "PostgreSQL", available: true },
  { value: "mysql", label: "MySQL / MariaDB", available: false },
] as const satisfies readonly Choice<string>[];

export const AUTH_METHODS = [
  { value: "none", label: "None", available: true },
  { value: "jwt", label: "Token (JWT access + refresh)", available: true },
  { value: "session", label: "Session cookie", available: false },
  { value: "oauth", label: "OAuth social login (GitHub, Google)", available: false },
] as const satisfies readonly Choice<string>[];

export const TEST_LAYERS = [
  { value: "unit", label: "unit", hint: "no database, no server", available: true },
  { value: "integration", label: "integration", hint: "test client + isolated database", available: true },
  { value: "e2e", label: "e2e", hint: "a real server process over HTTP", available: true },
] as const satisfies readonly Choice<string>[];

export const CI_PROVIDERS = [
  { value: "github", label: "GitHub Actions", available: true },
  { value: "none", label: "None", available: true },
] as const satisfies readonly Choice<string>[];

export type Framework = (typeof FRAMEWORKS)[number]["value"];
export type Orm = (typeof ORMS)[number]["value"];
export type Database = (typeof DATABASES)[number]["value"];
export type AuthMethod = (typeof AUTH_METHODS)[number]["value"];
export type TestLayer = (typeof TEST_LAYERS)[number]["value"];
export type CiProvider = (typeof CI_PROVIDERS)[number]["value"];

/** Everything that decides what is rendered, except the project name. */
export interface Answers {
  framework: Framework;
  orm: Orm;
  db: Database;
  auth: AuthMethod;
  rbac: boolean;
  tests: TestLayer[];
  docker: boolean;
  ci: CiProvider;
}

export type AnswerKey = keyof Answers;

export const OPTIONS = {
  framework: {
    kind: "choice",
    label: "Framework",
    flag: "--framework",
    choices: FRAMEWORKS,
    preferred: "fastapi",
  } satisfies ChoiceOption<Framework>,
  orm: { kind: "choice", label: "ORM", flag: "--orm", choices: ORMS, preferred: "sqlalchemy" } satisfies ChoiceOption<Orm>,
  db: { kind: "choice", label: "Database", flag: "--db", choices: DATABASES, preferred: "sqlite" } satisfies ChoiceOption<Database>,
  auth: {
    kind: "choice",
    label: "Authentication",
    flag: "--auth",
    choices: AUTH_METHODS,
    preferred: "jwt",
  } satisfies ChoiceOption<AuthMethod>,
  rbac: {
    kind: "boolean",
    label: "Role-based access control (user/admin)",
    flag: "--rbac",
    preferred: true,
    available: true,
  } satisfies BooleanOption,
  tests: {
    kind: "multi",
    label: "Test layers",
    flag: "--tests",
    choices: TEST_LAYERS,
    preferred: ["unit", "integration", "e2e"],
  } satisfies MultiOption<TestLayer>,
  docker: { kind: "boolean", label: "Docker (Dockerfile + compose.yaml)", flag: "--docker", preferred: true, available: true } satisfies BooleanOption,
  ci: { kind: "choice", label: "Continuous integration", flag: "--ci", choices: CI_PROVIDERS, preferred: "github" } satisfies ChoiceOption<CiProvider>,
} as const;

/** The order in which questions are asked and options are listed. */
export const ANSWER_KEYS: readonly AnswerKey[] = ["framework", "orm", "db", "auth", "rbac", "tests", "docker", "ci"];

export type AnyOption = (typeof OPTIONS)[AnswerKey];

export function availableChoices<V extends string>(choices: readonly Choice<V>[]): V[] {
  return choices.filter((c) => c.available).map((c) => c.value);
}

function firstAvailable<V extends string>(choices: readonly Choice<V>[], preferred: V): V {
  const offered = availableChoices(choices);
  const fallback = offered[0];
  if (fallback === undefined) throw new Error("an option has no available choice");
  return offered.includes(preferred) ? preferred : fallback;
}

/**
 * The defaults that `--yes` takes. Where the preferred default is not offered
 * yet (or does not fit the other defaults), the first offered value is used,
 * so this never produces an invalid combination.
 */
export function defaultAnswers(): Answers {
  const framework = firstAvailable(OPTIONS.framework.choices, OPTIONS.framework.preferred);
  const orm = firstAvailable(
    OPTIONS.orm.choices.filter((c) => ormFits(framework, c.value)),
    OPTIONS.orm.preferred,
  );
  const auth = firstAvailable(OPTIONS.auth.choices, OPTIONS.auth.preferred);
  return {
    framework,
    orm,
    db: firstAvailable(OPTIONS.db.choices, OPTIONS.db.preferred),
    auth,
    rbac: OPTIONS.rbac.available && OPTIONS.rbac.preferred && hasAuth({ auth }),
    tests: OPTIONS.tests.preferred.filter((t) => availableChoices(TEST_LAYERS).includes(t)),
    docker: OPTIONS.docker.available && OPTIONS.docker.preferred,
    ci: firstAvailable(OPTIONS.ci.choices, OPTIONS.ci.preferred),
  };
}

/** Whether the project has users at all: the auth layer, owners on rows, RBAC's precondition. */
export function hasAuth(a: Pick<Answers, "auth">): boolean {
  return a.auth !== "none";
}

/** The framework/ORM pairs that make sense: Django brings its own ORM. */
export function ormFits(framework: Framework, orm: Orm): boolean {
  return framework === "django" ? orm === "django" : orm === "sqlalchemy";
}

/**
 * THE compatibility rule, used by flag validation, prompts, presets, answers
 * files and the test matrix. Returns one sentence per problem; empty = valid.
 */
export function compatibilityProblems(a: Answers): string[] {
  const problems: string[] = [];
  if (!ormFits(a.framework, a.orm)) {
    const fitting = ORMS.filter((o) => ormFits(a.framework, o.value)).map((o) => o.value);
    problems.push(`--framework ${a.framework} works with --orm ${fitting.join(" or ")}, not --orm ${a.orm}`);
  }
  if (a.rbac && !hasAuth(a)) problems.push("--rbac needs an --auth method other than none (or use --no-rbac)");
  if (a.tests.length === 0) problems.push("--tests needs at least one of unit, integration, e2e");
  return problems;
}

/** Choices that exist in the table but are not offered yet, named as in flags. */
export function unavailableProblems(a: Answers): string[] {
  const problems: string[] = [];
  for (const key of ANSWER_KEYS) {
    const option = OPTIONS[key];
    const value = a[key];
    if (option.kind === "boolean") {
      if (value === true && !option.available) problems.push(`${option.flag} is not available yet`);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const choice = option.choices.find((c) => c.value === v);
      if (choice && !choice.available) problems.push(`${option.flag} ${v} is not available yet`);
    }
  }
  return problems;
}

export function isValid(a: Answers): boolean {
  return compatibilityProblems(a).length === 0 && unavailableProblems(a).length === 0;
}

/** One line naming what is offered today, for error messages. */
export function offeredSummary(): string {
  const pairs = availableChoices(FRAMEWORKS).flatMap((f) =>
    availableChoices(ORMS)
      .filter((o) => ormFits(f, o))
      .map((o) => `--framework ${f} --orm ${o}`),
  );
  const list = (key: "db" | "auth" | "ci", choices: readonly Choice<string>[]) => `--${key} ${availableChoices(choices).join("|")}`;
  return `offered now: ${pairs.join(" or ")}, ${list("db", DATABASES)}, ${list("auth", AUTH_METHODS)}, ${list("ci", CI_PROVIDERS)}${OPTIONS.rbac.available ? "" : ", --no-rbac"}`;
}

/** Every non-empty subset of the offered test layers, in table order. */
export function testLayerSubsets(): TestLayer[][] {
  const layers = availableChoices(TEST_LAYERS);
  const subsets: TestLayer[][] = [];
  for (let mask = 1; mask < 1 << layers.length; mask++) {
    subsets.push(layers.filter((_, i) => (mask & (1 << i)) !== 0));
  }
  return subsets;
}

function booleanValues(option: BooleanOption): boolean[] {
  return option.available ? [false, true] : [false];
}

/** Every combination the generator offers: the full test matrix. */
export function validCombinations(): Answers[] {
  const combos: Answers[] = [];
  for (const framework of availableChoices(FRAMEWORKS))
    for (const orm of availableChoices(ORMS))
      for (const db of availableChoices(DATABASES))
        for (const auth of availableChoices(AUTH_METHODS))
          for (const rbac of booleanValues(OPTIONS.rbac))
            for (const tests of testLayerSubsets())
              for (const docker of booleanValues(OPTIONS.docker))
                for (const ci of availableChoices(CI_PROVIDERS)) {
                  const answers: Answers = { framework, orm, db, auth, rbac, tests, docker, ci };
                  if (isValid(answers)) combos.push(answers);
                }
  return combos;
}

/** A stable, readable id for a combination, used in snapshot maps and test names. */
export function combinationId(a: Answers): string {
  return [
    a.framework,
    a.orm,
    a.db,
    `auth-${a.auth}`,
    a.rbac ? "rbac" : "no-rbac",
    `tests-${a.tests.join("+")}`,
    a.docker ? "docker" : "no-docker",
    `ci-${a.ci}`,
  ].join("_");
}
