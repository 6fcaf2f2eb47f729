// THE option table. Each choice declares whether it is offered yet and what it
// requires of the other answers; prompts, defaults, flag validation, --help,
// presets, answers files, `update --set` and the test matrix all read these
// declarations through the rules engine in constraints.ts, so no rule is written twice.
// Adding a value (say `mysql` becoming available) is one line here.

/** What a choice needs from another answer: one of some values, or anything but some. */
export type Condition = { readonly oneOf: readonly string[] } | { readonly not: readonly string[] };

/** Requirements on the single-choice answers, keyed by answer. */
export type Requires = Readonly<Partial<Record<ChoiceKey, Condition>>>;

export interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
  readonly hint?: string;
  /** Offered only once its issue has landed with proof; otherwise "not available yet". */
  readonly available: boolean;
  /** Only valid together with these answers. */
  readonly requires?: Requires;
  /** Its part of a combination's short id (the value itself when absent). */
  readonly short?: string;
}

export interface ChoiceOption<V extends string> {
  readonly kind: "choice";
  readonly label: string;
  readonly flag: string;
  readonly choices: readonly Choice<V>[];
  /** The default CLI.md promises; another fitting value is taken while it is not offered or does not fit. */
  readonly preferred: V;
  /** --help gives each offered value a line with its label: the values' names alone do not say what they do. */
  readonly describe?: boolean;
}

export interface MultiOption<V extends string> {
  readonly kind: "multi";
  readonly label: string;
  readonly flag: string;
  readonly choices: readonly Choice<V>[];
  readonly preferred: readonly V[];
  /** The fewest values a valid answer holds. */
  readonly min: number;
}

export interface BooleanOption {
  readonly kind: "boolean";
  readonly label: string;
  readonly flag: string;
  readonly preferred: boolean;
  /** Whether `true` can be chosen yet. */
  readonly available: boolean;
  /** What `true` needs of the other answers. */
  readonly requires?: Requires;
  /** Its part of a combination's short id when on (nothing when off). */
  readonly short: string;
}

export const FRAMEWORKS = [
  { value: "fastapi", label: "FastAPI", hint: "ASGI, dependencies and routers", available: true },
  { value: "flask", label: "Flask", hint: "WSGI, blueprints and an app factory", available: true },
  { value: "django", label: "Django", hint: "apps, admin and the Django ORM", available: true },
] as const satisfies readonly Choice<string>[];

export const ORMS = [
  { value: "sqlalchemy", label: "SQLAlchemy 2 + Alembic", available: true, short: "sa", requires: { framework: { oneOf: ["fastapi", "flask"] } } },
  { value: "django", label: "Django ORM", available: true, short: "dj", requires: { framework: { oneOf: ["django"] } } },
] as const satisfies readonly Choice<string>[];

export const DATABASES = [
  { value: "sqlite", label: "SQLite", hint: "embedded, no server", available: true, short: "lite" },
  { value: "postgres", label: "PostgreSQL", available: true, short: "pg" },
  { value: "mysql", label: "MySQL / MariaDB", available: true, short: "my" },
] as const satisfies readonly Choice<string>[];

export const AUTH_METHODS = [
  { value: "none", label: "None: no users, every endpoint open", available: true, short: "noauth" },
  { value: "jwt", label: "Token: a JWT bearer access token and a rotating refresh token", available: true },
  { value: "session", label: "Session cookie: a server-side session in the database, with a CSRF token", available: true, short: "sess" },
  { value: "oauth", label: "OAuth social login: GitHub or Google by verified email, then the jwt token pair", available: true },
] as const satisfies readonly Choice<string>[];

export const TEST_LAYERS = [
  { value: "unit", label: "unit", hint: "no database, no server", available: true, short: "u" },
  { value: "integration", label: "integration", hint: "test client + isolated database", available: true, short: "i" },
  { value: "e2e", label: "e2e", hint: "a real server process over HTTP", available: true, short: "e" },
] as const satisfies readonly Choice<string>[];

export const CI_PROVIDERS = [
  { value: "github", label: "GitHub Actions", available: true, short: "gh" },
  { value: "none", label: "None", available: true, short: "noci" },
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
/** The answers a requirement can name: one value each. */
export type ChoiceKey = "framework" | "orm" | "db" | "auth" | "ci";

export const OPTIONS = {
  framework: { kind: "choice", label: "Framework", flag: "--framework", choices: FRAMEWORKS, preferred: "fastapi" } satisfies ChoiceOption<Framework>,
  orm: { kind: "choice", label: "ORM", flag: "--orm", choices: ORMS, preferred: "sqlalchemy" } satisfies ChoiceOption<Orm>,
  db: { kind: "choice", label: "Database", flag: "--db", choices: DATABASES, preferred: "sqlite" } satisfies ChoiceOption<Database>,
  auth: { kind: "choice", label: "Authentication", flag: "--auth", choices: AUTH_METHODS, preferred: "jwt", describe: true } satisfies ChoiceOption<AuthMethod>,
  rbac: {
    kind: "boolean",
    label: "Role-based access control (user/admin)",
    flag: "--rbac",
    preferred: true,
    available: true,
    requires: { auth: { not: ["none"] } },
    short: "rbac",
  } satisfies BooleanOption,
  tests: {
    kind: "multi",
    label: "Test layers",
    flag: "--tests",
    choices: TEST_LAYERS,
    preferred: ["unit", "integration", "e2e"],
    min: 1,
  } satisfies MultiOption<TestLayer>,
  docker: { kind: "boolean", label: "Docker (Dockerfile + compose.yaml)", flag: "--docker", preferred: true, available: true, short: "dk" } satisfies BooleanOption,
  ci: { kind: "choice", label: "Continuous integration", flag: "--ci", choices: CI_PROVIDERS, preferred: "github" } satisfies ChoiceOption<CiProvider>,
} as const;

/** The order in which questions are asked and options are listed. */
export const ANSWER_KEYS: readonly AnswerKey[] = ["framework", "orm", "db", "auth", "rbac", "tests", "docker", "ci"];

export type AnyOption = (typeof OPTIONS)[AnswerKey];

/** Any option, widened so code can read every field its kind declares. */
export type OptionSpec = ChoiceOption<string> | MultiOption<string> | BooleanOption;

export function optionSpec(key: AnswerKey): OptionSpec {
  return OPTIONS[key];
}

/** Whether the project has users at all: the auth layer, owners on rows, RBAC's precondition. */
export function hasAuth(a: Pick<Answers, "auth">): boolean {
  return a.auth !== "none";
}
