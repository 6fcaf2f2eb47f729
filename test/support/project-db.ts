// A generated project's database as the project itself reaches it: its own
// settings, URL rules and driver, through its Python. The e2e stories use it to
// see what migrations made and to put rows there behind the API's back.
import { join } from "node:path";
import { execa } from "execa";
import { expect } from "vitest";

export interface ProjectDb {
  /** The virtualenv's bin folder. */
  readonly bin: string;
  readonly pkg: string;
  /** The project's root. */
  readonly dir: string;
  readonly env: Record<string, string>;
}

function script(db: ProjectDb, ...body: string[]): string {
  return [
    "import json, sqlalchemy as sa",
    `from ${db.pkg}.core.db import sqlalchemy_url`,
    `from ${db.pkg}.core.settings import load_settings`,
    "engine = sa.create_engine(sqlalchemy_url(load_settings().database_url))",
    ...body,
    "engine.dispose()",
  ].join("\n");
}

async function run(db: ProjectDb, code: string): Promise<string> {
  const result = await execa(join(db.bin, "python"), ["-c", code], { cwd: db.dir, env: db.env, all: true, reject: false });
  expect(result.exitCode, String(result.all)).toBe(0);
  return result.stdout;
}

/** Table -> its column names, sorted. */
export async function schemaOf(db: ProjectDb): Promise<Record<string, string[]>> {
  const out = await run(db, script(db, "inspector = sa.inspect(engine)", "print(json.dumps({t: sorted(c['name'] for c in inspector.get_columns(t)) for t in inspector.get_table_names()}))"));
  return JSON.parse(out) as Record<string, string[]>;
}

/** One statement, committed. */
export async function execute(db: ProjectDb, statement: string): Promise<void> {
  await run(db, script(db, "with engine.begin() as connection:", `    connection.execute(sa.text(${JSON.stringify(statement)}))`));
}

/** The rows a query returns, as JSON values (dates and decimals as strings). */
export async function query(db: ProjectDb, statement: string): Promise<unknown[][]> {
  const out = await run(db, script(db, "with engine.connect() as connection:", `    rows = connection.execute(sa.text(${JSON.stringify(statement)})).all()`, "print(json.dumps([list(r) for r in rows], default=str))"));
  return JSON.parse(out) as unknown[][];
}
