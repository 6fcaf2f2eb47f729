// A PostgreSQL server for the `--db postgres` checks: the one at
// TEST_DATABASE_ADMIN_URL (.ci/run starts Debian's and sets it), or the default.
// Talked to through psycopg in the checks' virtualenv, the driver the generated
// projects use, so the generator needs no PostgreSQL client of its own.
import { join } from "node:path";
import { execa } from "execa";
import { checkEnvironment } from "./python.js";

/** .ci/run's server: the local cluster, its `postgres` role given this password, over TCP. */
export const DEFAULT_ADMIN_URL = "postgresql://postgres:postgres@127.0.0.1:5432/postgres";

export function configuredAdminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL;
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}

async function python(script: string, ...args: string[]): Promise<{ ok: boolean; output: string }> {
  const bin = await checkEnvironment();
  const result = await execa(join(bin, "python"), ["-c", script, ...args], { all: true, reject: false, timeout: 60_000 });
  return { ok: result.exitCode === 0, output: String(result.all ?? "").trim() };
}

const CONNECT = `
import sys, psycopg
def admin():
    return psycopg.connect(sys.argv[1], autocommit=True, connect_timeout=5)
`;

let probed: Promise<{ url?: string; reason: string }> | undefined;

function probe(): Promise<{ url?: string; reason: string }> {
  probed ??= (async () => {
    const url = configuredAdminUrl();
    // The first line of psycopg's message says why (refused, timed out, password, ...).
    const script = `${CONNECT}\ntry:\n    with admin() as c: c.execute("SELECT 1")\nexcept psycopg.Error as e:\n    sys.exit(str(e).strip().splitlines()[0])`;
    const answer = await python(script, url);
    return answer.ok ? { url, reason: "" } : { reason: `no PostgreSQL server answers at ${redacted(url)}: ${answer.output}` };
  })();
  return probed;
}

/** The admin URL when a server answers there (a role that may CREATE DATABASE), else undefined. */
export async function postgresAdminUrl(): Promise<string | undefined> {
  return (await probe()).url;
}

/**
 * Why a PostgreSQL check cannot run here, or undefined when a server answers.
 * In CI (`CI=true`) a missing server is an error, thrown here: the check must
 * fail, not vanish. Elsewhere the reason is printed, for the caller to skip with.
 */
export async function skipReasonWithoutPostgres(): Promise<string | undefined> {
  const { url, reason } = await probe();
  if (url !== undefined) return undefined;
  const hint = "start one (bash .ci/run does) or set TEST_DATABASE_ADMIN_URL";
  if (process.env.CI === "true") throw new Error(`${reason}; ${hint}`);
  console.warn(`skipped: ${reason}; ${hint}`);
  return reason;
}

/** The URL of a database `name` on the admin URL's server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const created = await python(`${CONNECT}\nfrom psycopg import sql\nwith admin() as c: c.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(sys.argv[2])))`, adminUrl, name);
  if (!created.ok) throw new Error(`CREATE DATABASE ${name} on ${redacted(adminUrl)}: ${created.output}`);
  return databaseUrl(adminUrl, name);
}

/** Drops a database, closing whatever connections are left (PostgreSQL 13+). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const dropped = await python(
    `${CONNECT}\nfrom psycopg import sql\nwith admin() as c: c.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(sys.argv[2])))`,
    adminUrl,
    name,
  );
  if (!dropped.ok) throw new Error(`DROP DATABASE ${name} on ${redacted(adminUrl)}: ${dropped.output}`);
}

/** The names of the server's databases that start with `prefix`. */
export async function databasesNamed(adminUrl: string, prefix: string): Promise<string[]> {
  const listed = await python(
    `${CONNECT}\nwith admin() as c:\n    rows = c.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s) ORDER BY 1", [sys.argv[2]]).fetchall()\nprint("\\n".join(r[0] for r in rows))`,
    adminUrl,
    prefix,
  );
  if (!listed.ok) throw new Error(`listing databases on ${redacted(adminUrl)}: ${listed.output}`);
  return listed.output.split("\n").filter(Boolean);
}
