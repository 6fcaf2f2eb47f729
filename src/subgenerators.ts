// The built-in subgenerators as `--help` and `add --list` show them. Kept apart
// from their code (commands/add.ts) so help loads none of the update engine.

export interface SubgeneratorInfo {
  readonly usage: string;
  readonly summary: string;
}

export const ADD_GENERATORS = {
  resource: { usage: "add resource NAME [--fields NAME:TYPE,...] [--singular NAME]", summary: "a CRUD resource under /api/v1: model, migration, schemas, routes, tests" },
  auth: { usage: "add auth METHOD", summary: "users, registration and login, to a project made without auth" },
  rbac: { usage: "add rbac", summary: "roles, the admin endpoints and create-admin" },
  tests: { usage: "add tests LAYER[,LAYER]", summary: "a test layer: unit, integration or e2e" },
  docker: { usage: "add docker", summary: "a Dockerfile and compose.yaml" },
  ci: { usage: "add ci [PROVIDER]", summary: "a CI workflow (github)" },
} as const satisfies Record<string, SubgeneratorInfo>;

export const REMOVE_GENERATORS = {
  resource: { usage: "remove resource NAME [--allow-data-loss]", summary: "a resource; its table is dropped only with --allow-data-loss" },
  docker: { usage: "remove docker", summary: "the Dockerfile and compose.yaml" },
  ci: { usage: "remove ci", summary: "the CI workflow" },
} as const satisfies Record<string, SubgeneratorInfo>;

export function generatorLines(table: Readonly<Record<string, SubgeneratorInfo>>): string[] {
  // A long usage gets its summary on the next line, so the summaries stay in one column.
  return Object.values(table).map((g) => {
    const usage = `  backend-starter ${g.usage}`;
    return usage.length < 50 ? `${usage.padEnd(50)} ${g.summary}` : `${usage}\n${" ".repeat(51)}${g.summary}`;
  });
}

/** The `--fields` grammar, for help and errors. */
export const FIELDS_HELP = [
  "  --fields NAME:TYPE[:optional][:unique][:index][=DEFAULT],...",
  "    TYPE: str (str(N), default 200), text, int, float, decimal(P,S), bool, date, datetime, uuid, email, url,",
  "          enum(a|b|c), ref(RESOURCE) (a resource of the project, or users; its id as NAME_id)",
  "    e.g. --fields 'title:str(80),body:text:optional,price:decimal(10,2),done:bool=false,author:ref(users)' (quoted: the shell reads parentheses)",
];
