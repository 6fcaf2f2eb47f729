// A generated project's database as the project itself reaches it: its own
// settings, URL rules and driver, through its Python. The e2e stories use it to
// see what migrations made and to put rows there behind the API's back.
import { existsSync } from "node:fs";
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

/** A Django project (manage.py at its root) reaches its database through Django's connection. */
function isDjango(db: ProjectDb): boolean {
  return existsSync(join(db.dir, "manage.py"));
}

// Each statement's code, for a `connection` made by the head below: SQLAlchemy's or Django's.
const SQLALCHEMY = {
  head: (pkg: string) => [
    "import json, sqlalchemy as sa",
    `from ${pkg}.core.db import sqlalchemy_url`,
    `from ${pkg}.core.settings import load_settings`,
    "engine = sa.create_engine(sqlalchemy_url(load_settings().database_url))",
  ],
  tail: ["engine.dispose()"],
  schema: ["inspector = sa.inspect(engine)", "print(json.dumps({t: sorted(c['name'] for c in inspector.get_columns(t)) for t in inspector.get_table_names()}))"],
  execute: (sql: string) => ["with engine.begin() as connection:", `    connection.execute(sa.text(${sql}))`],
  query: (sql: string) => ["with engine.connect() as connection:", `    rows = connection.execute(sa.text(${sql})).all()`],
};
const DJANGO = {
  head: (pkg: string) => ["import json", `from ${pkg}.core.setup import configure_django`, "configure_django()", "from django.db import connection"],
  tail: ["connection.close()"],
  schema: [
    "with connection.cursor() as cursor:",
    "    names = connection.introspection.table_names(cursor)",
    "    print(json.dumps({t: sorted(c.name for c in connection.introspection.get_table_description(cursor, t)) for t in names}))",
  ],
  // Django's cursors autocommit outside a transaction.
  execute: (sql: string) => ["with connection.cursor() as cursor:", `    cursor.execute(${sql})`],
  query: (sql: string) => ["with connection.cursor() as cursor:", `    cursor.execute(${sql})`, "    rows = cursor.fetchall()"],
};

function script(db: ProjectDb, body: (orm: typeof DJANGO) => string[]): string {
  const orm = isDjango(db) ? DJANGO : SQLALCHEMY;
  return [...orm.head(db.pkg), ...body(orm), ...orm.tail].join("\n");
}

async function run(db: ProjectDb, code: string): Promise<string> {
  const result = await execa(join(db.bin, "python"), ["-c", code], { cwd: db.dir, env: db.env, all: true, reject: false });
  expect(result.exitCode, String(result.all)).toBe(0);
  return result.stdout;
}

/** Table -> its column names, sorted. */
export async function schemaOf(db: ProjectDb): Promise<Record<string, string[]>> {
  const out = await run(db, script(db, (orm) => orm.schema));
  return JSON.parse(out) as Record<string, string[]>;
}

/** One statement, committed. */
export async function execute(db: ProjectDb, statement: string): Promise<void> {
  await run(db, script(db, (orm) => orm.execute(JSON.stringify(statement))));
}

/** The rows a query returns, as JSON values (dates and decimals as strings). */
export async function query(db: ProjectDb, statement: string): Promise<unknown[][]> {
  const out = await run(db, script(db, (orm) => [...orm.query(JSON.stringify(statement)), "print(json.dumps([list(r) for r in rows], default=str))"]));
  return JSON.parse(out) as unknown[][];
}
