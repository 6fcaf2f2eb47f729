// Migrations are history: a project migrated without auth, then updated to
// jwt + RBAC, gets its users table and its items' owner_id from new revisions
// on top of what it applied (the bug: `migrate` said "up to date" and the
// database silently diverged from the models). Turning auth off again is
// refused unless the user consents to losing data, and then reverts cleanly.
// On SQLite and on a real PostgreSQL server; and on Flask, whose migrations are
// the same shared revisions, but whose update must bring them just as well.
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { runUpdate } from "../../src/commands/project-commands.js";
import { Cleanup } from "../../src/context.js";
import { EXIT } from "../../src/errors.js";
import type { Framework } from "../../src/options.js";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { expectGatesPass, gateEnv } from "../support/gates.js";
import { POSTGRES } from "../support/postgres.js";
import { commitAll, recordingIo } from "../support/project.js";
import { checkEnvironment } from "../support/python.js";

const NAME = "drift-api";
const PKG = "drift_api";

let bin: string;
beforeAll(async () => {
  bin = await checkEnvironment();
}, 900_000);

interface Scenario {
  readonly dir: string;
  readonly env: Record<string, string>;
}

async function python(s: Scenario, ...args: string[]) {
  return execa(join(bin, "python"), args, { cwd: s.dir, env: s.env, all: true, reject: false });
}

async function migrate(s: Scenario): Promise<void> {
  const result = await python(s, "-m", PKG, "migrate");
  expect(result.exitCode, String(result.all)).toBe(0);
}

/** Table -> column names, as the database has them now. */
async function schema(s: Scenario): Promise<Record<string, string[]>> {
  const script = [
    "import json, sqlalchemy as sa",
    `from ${PKG}.core.db import sqlalchemy_url`,
    `from ${PKG}.core.settings import load_settings`,
    "engine = sa.create_engine(sqlalchemy_url(load_settings().database_url))",
    "inspector = sa.inspect(engine)",
    "print(json.dumps({t: sorted(c['name'] for c in inspector.get_columns(t)) for t in inspector.get_table_names()}))",
    "engine.dispose()",
  ].join("\n");
  const result = await python(s, "-c", script);
  expect(result.exitCode, String(result.all)).toBe(0);
  return JSON.parse(result.stdout) as Record<string, string[]>;
}

/** One statement on the project's database, committed. */
async function sql(s: Scenario, statement: string): Promise<void> {
  const script = [
    "import sqlalchemy as sa",
    `from ${PKG}.core.db import sqlalchemy_url`,
    `from ${PKG}.core.settings import load_settings`,
    "engine = sa.create_engine(sqlalchemy_url(load_settings().database_url))",
    "with engine.begin() as connection:",
    `    connection.execute(sa.text(${JSON.stringify(statement)}))`,
    "engine.dispose()",
  ].join("\n");
  const result = await python(s, "-c", script);
  expect(result.exitCode, String(result.all)).toBe(0);
}

async function update(s: Scenario, ...args: string[]) {
  const rec = recordingIo(s.dir);
  const code = await runUpdate(rec.io, args, new Cleanup());
  return { code, out: rec.stdout() };
}

async function generate(work: string, db: "sqlite" | "postgres", framework: Framework = "fastapi"): Promise<string> {
  const flags = ["--framework", framework, "--db", db, "--auth", "none", "--no-rbac", "--tests", "unit,integration", "--no-docker", "--ci", "none", "--no-install", "--git"];
  const created = await runCli([NAME, ...flags], { cwd: work });
  expect(created.exitCode, created.stderr).toBe(0);
  return join(work, NAME);
}

async function scenario(s: Scenario, runGates: boolean): Promise<void> {
  await migrate(s);
  expect(Object.keys(await schema(s))).not.toContain("users");

  const on = await update(s, "--set", "auth=jwt", "--set", "rbac=true");
  expect(on.code, on.out).toBe(EXIT.ok);
  await commitAll(s.dir, "jwt and RBAC");
  // A row from before has no owner to give it: migrate refuses in one line, then goes on once it is gone.
  await sql(s, "INSERT INTO items (title, created_at, updated_at) VALUES ('from before', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
  const refused = await python(s, "-m", PKG, "migrate");
  expect(refused.exitCode, String(refused.all)).toBe(1);
  expect(refused.stderr, String(refused.all)).not.toContain("Traceback");
  expect(refused.stderr.trim().split("\n").at(-1)).toBe("error: cannot migrate: items holds 1 rows without an owner; delete them or move them elsewhere, then migrate again");
  await sql(s, "DELETE FROM items");
  await migrate(s);
  const withAuth = await schema(s);
  expect(withAuth.users).toEqual(expect.arrayContaining(["email", "password_hash", "role"]));
  expect(withAuth.items).toContain("owner_id");
  if (runGates) await expectGatesPass(bin, s.dir, s.env);

  // Back to no auth: it would drop users and owners, so it needs consent, and writes nothing without it.
  await expect(update(s, "--set", "auth=none", "--set", "rbac=false")).rejects.toThrow(/revert add_items_owner, create_refresh_tokens, create_login_failures, create_users.*--allow-data-loss/);
  const off = await update(s, "--set", "auth=none", "--set", "rbac=false", "--allow-data-loss");
  expect(off.code, off.out).toBe(EXIT.ok);
  await commitAll(s.dir, "no auth");
  await migrate(s);
  const without = await schema(s);
  expect(Object.keys(without)).not.toContain("users");
  expect(without.items).not.toContain("owner_id");

  // And on again: the same tables come back through re-applying revisions.
  expect((await update(s, "--set", "auth=jwt")).code).toBe(EXIT.ok);
  await commitAll(s.dir, "jwt again");
  await migrate(s);
  expect((await schema(s)).items).toContain("owner_id");
}

describe("option changes migrate an existing database", () => {
  it("on SQLite: new revisions on top, refusal without consent, revert and re-apply; the project's gates pass", async () => {
    const work = tempDir("cbs-drift-");
    const dir = await generate(work, "sqlite");
    const db = mkdtempSync(join(work, "db-"));
    const env = { ...gateEnv(bin, dir, work), APP_ENV: "development", DATABASE_URL: `sqlite:///${join(db, "app.db")}` };
    await scenario({ dir, env }, true);
    removeDir(work);
  }, 900_000);

  it("on SQLite with Flask: the same history, through Flask's own update", async () => {
    const work = tempDir("cbs-drift-flask-");
    const dir = await generate(work, "sqlite", "flask");
    const db = mkdtempSync(join(work, "db-"));
    const env = { ...gateEnv(bin, dir, work), APP_ENV: "development", DATABASE_URL: `sqlite:///${join(db, "app.db")}` };
    await scenario({ dir, env }, false);
    removeDir(work);
  }, 900_000);

  it("on PostgreSQL: the same history applies to a real server", async (ctx) => {
    const reason = await POSTGRES.skipReason();
    if (reason !== undefined) return ctx.skip(reason);
    const work = tempDir("cbs-drift-pg-");
    const dir = await generate(work, "postgres");
    const database = await POSTGRES.scratch("cbs_drift");
    try {
      const env = { ...gateEnv(bin, dir, work), APP_ENV: "development", DATABASE_URL: database.url };
      await scenario({ dir, env }, false);
    } finally {
      await database.drop();
      removeDir(work);
    }
  }, 900_000);
});
