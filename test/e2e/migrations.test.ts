// Migrations are history: a project that holds rows without auth, given
// `add auth jwt`, `add rbac` and `add tests integration`, gets its users table
// and its items' owner_id from new revisions on top of what it applied (the
// bug: `migrate` said "up to date" and the database silently diverged from the
// models). The rows it held go to the owner `migrate --owner` names, who signs
// in once `set-password` gives them a password; without an owner named,
// migrate refuses in one line. Turning auth off again is refused unless the
// user consents to losing data, and then reverts cleanly. On SQLite with each
// framework (gates included), and on each server database. Django does it with
// its own migrations: each app's, and core's for the apps that leave. Switching a
// project with data to session auth (from none, and from jwt and back), and then
// to oauth, keeps its users and items.
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { runAdd } from "../../src/commands/add.js";
import { runUpdate } from "../../src/commands/project-commands.js";
import { Cleanup } from "../../src/context.js";
import { EXIT } from "../../src/errors.js";
import type { Database, Framework } from "../../src/options.js";
import type { AuthMethod } from "../contract/client.js";
import { login } from "../contract/auth.js";
import { Client, record } from "../contract/client.js";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { expectGatesPass, gateEnv } from "../support/gates.js";
import { commitAll, recordingIo } from "../support/project.js";
import { checkEnvironment } from "../support/python.js";
import { execute, type ProjectDb, query, schemaOf } from "../support/project-db.js";
import { whileServed } from "../support/serve.js";
import { frameworkOnServer, projectDatabase, SERVERS } from "../support/servers.js";

const NAME = "drift-api";
// The frameworks whose projects switch auth by update: all of them.
const AUTH_SWITCHERS: readonly Framework[] = ["fastapi", "flask", "django"];
const PKG = "drift_api";
const SECRET_KEY = "a-secret-key-for-the-migrations-check-0123456789ab";

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

function database(s: Scenario): ProjectDb {
  return { bin, pkg: PKG, dir: s.dir, env: s.env };
}

async function update(s: Scenario, ...args: string[]) {
  const rec = recordingIo(s.dir);
  const code = await runUpdate(rec.io, args, new Cleanup());
  return { code, out: rec.stdout() };
}

async function inProject(run: typeof runAdd, s: Scenario, ...args: string[]) {
  const rec = recordingIo(s.dir);
  const code = await run(rec.io, args, new Cleanup());
  return { code, out: rec.stdout() };
}

async function generate(work: string, db: Database, framework: Framework = "fastapi"): Promise<string> {
  const flags = ["--framework", framework, "--db", db, "--auth", "none", "--no-rbac", "--tests", "unit", "--no-docker", "--ci", "none", "--no-install", "--git"];
  const created = await runCli([NAME, ...flags], { cwd: work });
  expect(created.exitCode, created.stderr).toBe(0);
  return join(work, NAME);
}

/** Logs in as `email`, the way `auth` says, and lists the items that user owns. */
async function itemsOf(s: Scenario, email: string, password: string, auth: AuthMethod = "jwt"): Promise<unknown[]> {
  return whileServed(join(bin, "python"), PKG, s.dir, { ...s.env, SECRET_KEY }, async (url) => {
    const client = new Client(url, auth);
    const session = await login(client, email, password);
    const reply = await client.get("/api/v1/items", { user: session });
    expect(reply.status, reply.text).toBe(200);
    return (record(reply.body).items as Array<Record<string, unknown>>).map((i) => i.title);
  });
}

async function scenario(s: Scenario, framework: Framework, runGates: boolean): Promise<void> {
  await migrate(s);
  expect(Object.keys(await schemaOf(database(s)))).not.toContain("users");
  // The project holds data before it has users.
  await execute(database(s), "INSERT INTO items (title, created_at, updated_at) VALUES ('from before', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

  const auth = await inProject(runAdd, s, "auth", "jwt");
  expect(auth.code, auth.out).toBe(EXIT.ok);
  // The rule for rows without an owner is said when auth is added, before anyone migrates.
  expect(auth.out.split("\n")[0]).toMatch(/migrate --owner EMAIL/);
  await commitAll(s.dir, "add auth jwt");
  expect((await inProject(runAdd, s, "rbac")).code).toBe(EXIT.ok);
  await commitAll(s.dir, "add rbac");
  expect((await inProject(runAdd, s, "tests", "integration")).code).toBe(EXIT.ok);
  await commitAll(s.dir, "add tests integration");

  // No owner named: migrate refuses in one line before applying anything.
  const refused = await python(s, "-m", PKG, "migrate");
  expect(refused.exitCode, String(refused.all)).toBe(1);
  expect(refused.stderr, String(refused.all)).not.toContain("Traceback");
  expect(refused.stderr.trim().split("\n").at(-1)).toBe(
    "error: cannot migrate: items holds 1 row without an owner; migrate with --owner EMAIL to give them to that user (made if new, then set-password), or delete them first",
  );
  expect(Object.keys(await schemaOf(database(s)))).not.toContain("users");

  // The owner named: the row is theirs, and they sign in once the operator sets their password.
  const owned = await python(s, "-m", PKG, "migrate", "--owner", "Owner@Example.com");
  expect(owned.exitCode, String(owned.all)).toBe(0);
  const withAuth = await schemaOf(database(s));
  // Django's user model keeps its hash in Django's own column.
  expect(withAuth.users).toEqual(expect.arrayContaining(["email", framework === "django" ? "password" : "password_hash", "role"]));
  expect(withAuth.items).toContain("owner_id");
  expect(await query(database(s), "SELECT i.title, u.email FROM items i JOIN users u ON u.id = i.owner_id")).toEqual([["from before", "owner@example.com"]]);
  const password = await python(s, "-m", PKG, "set-password", "--email", "owner@example.com", "--password", "the owner's password");
  expect(password.exitCode, String(password.all)).toBe(0);
  expect(await itemsOf(s, "owner@example.com", "the owner's password")).toEqual(["from before"]);
  if (runGates) await expectGatesPass(bin, s.dir, { ...s.env, APP_ENV: "test" });

  // Back to no auth: it would drop users and owners, so it needs consent, and writes nothing without it.
  // (Django's users app makes both its tables in one migration.)
  await expect(update(s, "--set", "auth=none", "--set", "rbac=false")).rejects.toThrow(/revert add_items_owner, create_refresh_tokens, (create_login_failures, )?create_users.*--allow-data-loss/);
  const off = await update(s, "--set", "auth=none", "--set", "rbac=false", "--allow-data-loss");
  expect(off.code, off.out).toBe(EXIT.ok);
  await commitAll(s.dir, "no auth");
  await migrate(s);
  const without = await schemaOf(database(s));
  expect(Object.keys(without)).not.toContain("users");
  expect(without.items).not.toContain("owner_id");

  // And on again, through update this time: the same tables come back by re-applying revisions.
  await execute(database(s), "DELETE FROM items");
  expect((await update(s, "--set", "auth=jwt")).code).toBe(EXIT.ok);
  await commitAll(s.dir, "jwt again");
  await migrate(s);
  expect((await schemaOf(database(s))).items).toContain("owner_id");
}

/** The scenario on a project made for `db`, on a scratch database of that server, or a SQLite file. */
async function onDatabase(db: Database, framework: Framework, runGates: boolean): Promise<void> {
  const work = tempDir(`cbs-drift-${framework}-${db}-`);
  const dir = await generate(work, db, framework);
  const database = await projectDatabase(db, work, "cbs_drift");
  try {
    const env = { ...gateEnv(bin, dir, work), ...database.adminEnv, APP_ENV: "development", DATABASE_URL: database.url };
    await scenario({ dir, env }, framework, runGates);
  } finally {
    await database.drop();
    removeDir(work);
  }
}

describe("features added to a project that holds data migrate its database", () => {
  it("on SQLite: new revisions on top, rows given to the owner named, revert with consent and re-apply; the project's gates pass", async () => {
    await onDatabase("sqlite", "fastapi", true);
  }, 900_000);

  it("on SQLite with Flask: the same history, through Flask's own code, and its gates pass", async () => {
    await onDatabase("sqlite", "flask", true);
  }, 900_000);

  it("on SQLite with Django: the same history in Django's migrations (each app's, and core's for the apps that leave), and its gates pass", async () => {
    await onDatabase("sqlite", "django", true);
  }, 900_000);

  for (const db of ["postgres", "mysql"] as const) {
    it(`on ${db}: the same history applies to a real server`, async (ctx) => {
      const reason = await SERVERS[db].skipReason();
      if (reason !== undefined) return ctx.skip(reason);
      await onDatabase(db, frameworkOnServer(db, AUTH_SWITCHERS), false);
    }, 900_000);
  }
});

describe("switching a project with data to session auth, then oauth, keeps its users and their items", () => {
  it("from none, then to jwt and back to session, then to oauth, on SQLite with FastAPI", async () => {
    const work = tempDir("cbs-drift-session-");
    const dir = await generate(work, "sqlite", "fastapi");
    const s = { dir, env: { ...gateEnv(bin, dir, work), APP_ENV: "development", DATABASE_URL: `sqlite:///${join(dir, "app.db")}` } };
    try {
      await migrate(s);
      await execute(database(s), "INSERT INTO items (title, created_at, updated_at) VALUES ('from before', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      expect((await update(s, "--set", "auth=session")).code).toBe(EXIT.ok);
      await commitAll(s.dir, "session auth");
      expect((await python(s, "-m", PKG, "migrate", "--owner", "owner@example.com")).exitCode).toBe(0);
      expect((await schemaOf(database(s))).sessions).toEqual(expect.arrayContaining(["token_hash", "user_id", "csrf_token"]));
      expect((await python(s, "-m", PKG, "set-password", "--email", "owner@example.com", "--password", "the owner's password")).exitCode).toBe(0);
      expect(await itemsOf(s, "owner@example.com", "the owner's password", "session")).toEqual(["from before"]);

      // jwt and back: each switch reverts the other method's table (refresh tokens or sessions:
      // everyone logs in again, so it takes consent) and applies its own; users and items stay.
      for (const auth of ["jwt", "session"] as const) {
        await expect(update(s, "--set", `auth=${auth}`)).rejects.toThrow(/revert create_(sessions|refresh_tokens),.*--allow-data-loss/);
        const switched = await update(s, "--set", `auth=${auth}`, "--allow-data-loss");
        expect(switched.code, switched.out).toBe(EXIT.ok);
        await commitAll(s.dir, `${auth} auth`);
        await migrate(s);
        expect(await query(database(s), "SELECT email FROM users")).toEqual([["owner@example.com"]]);
        expect(await itemsOf(s, "owner@example.com", "the owner's password", auth)).toEqual(["from before"]);
      }
      await expectOAuthKeepsTheData(s, "create_sessions");
    } finally {
      removeDir(work);
    }
  }, 900_000);

  it("from none, then to jwt and back to session, then to oauth, on SQLite with Django", async () => {
    const work = tempDir("cbs-drift-session-dj-");
    const dir = await generate(work, "sqlite", "django");
    const s = { dir, env: { ...gateEnv(bin, dir, work), APP_ENV: "development", DATABASE_URL: `sqlite:///${join(dir, "app.db")}` } };
    try {
      await migrate(s);
      await execute(database(s), "INSERT INTO items (title, description, created_at, updated_at) VALUES ('from before', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      expect((await update(s, "--set", "auth=session")).code).toBe(EXIT.ok);
      await commitAll(s.dir, "session auth");
      expect((await python(s, "-m", PKG, "migrate", "--owner", "owner@example.com")).exitCode).toBe(0);
      // Django's own sessions, in its own table.
      expect((await schemaOf(database(s))).django_session).toEqual(expect.arrayContaining(["session_key", "session_data"]));
      expect((await python(s, "-m", PKG, "set-password", "--email", "owner@example.com", "--password", "the owner's password")).exitCode).toBe(0);
      expect(await itemsOf(s, "owner@example.com", "the owner's password", "session")).toEqual(["from before"]);

      // To jwt adds the refresh tokens' app; back to session reverts it, which takes consent.
      expect((await update(s, "--set", "auth=jwt")).code).toBe(EXIT.ok);
      await commitAll(s.dir, "jwt auth");
      await migrate(s);
      expect(await itemsOf(s, "owner@example.com", "the owner's password", "jwt")).toEqual(["from before"]);
      await expect(update(s, "--set", "auth=session")).rejects.toThrow(/revert create_refresh_tokens,.*--allow-data-loss/);
      expect((await update(s, "--set", "auth=session", "--allow-data-loss")).code).toBe(EXIT.ok);
      await commitAll(s.dir, "session auth again");
      await migrate(s);
      expect(await query(database(s), "SELECT email FROM users")).toEqual([["owner@example.com"]]);
      expect(await itemsOf(s, "owner@example.com", "the owner's password", "session")).toEqual(["from before"]);
      // Django's sessions belong to its users' apps, which oauth keeps: nothing to revert.
      await expectOAuthKeepsTheData(s);
    } finally {
      removeDir(work);
    }
  }, 900_000);
});

/**
 * From session auth to oauth: the sessions go where they have a table of their
 * own (`reverted`: everyone logs in again, so it takes consent), the refresh
 * tokens' and the identities' tables come; the owner and
 * their items stay, and the owner logs in with their password for the new tokens.
 */
async function expectOAuthKeepsTheData(s: Scenario, reverted?: string): Promise<void> {
  if (reverted !== undefined) await expect(update(s, "--set", "auth=oauth")).rejects.toThrow(new RegExp(`revert ${reverted},.*--allow-data-loss`));
  const switched = await update(s, "--set", "auth=oauth", ...(reverted === undefined ? [] : ["--allow-data-loss"]));
  expect(switched.code, switched.out).toBe(EXIT.ok);
  await commitAll(s.dir, "oauth");
  await migrate(s);
  expect((await schemaOf(database(s))).oauth_identities).toEqual(expect.arrayContaining(["provider", "subject", "user_id"]));
  expect(await query(database(s), "SELECT email FROM users")).toEqual([["owner@example.com"]]);
  expect(await itemsOf(s, "owner@example.com", "the owner's password", "jwt")).toEqual(["from before"]);
}
