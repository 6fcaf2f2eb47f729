// A MySQL or MariaDB server for the `--db mysql` checks: the one at
// TEST_MYSQL_ADMIN_URL (.ci/run starts Debian's MariaDB and sets it), or the
// default. Talked to through PyMySQL in the checks' virtualenv, the driver the
// generated projects use, so the generator needs no MySQL client of its own.
import { join } from "node:path";
import { execa } from "execa";
import { checkEnvironment } from "./python.js";
import { redacted } from "./postgres.js";

/** .ci/run's server: Debian's MariaDB, with a `ci` user over TCP. */
export const DEFAULT_MYSQL_ADMIN_URL = "mysql://ci:ci@127.0.0.1:3306/mysql";

export function configuredMysqlAdminUrl(): string {
  return process.env.TEST_MYSQL_ADMIN_URL || DEFAULT_MYSQL_ADMIN_URL;
}

async function python(script: string, ...args: string[]): Promise<{ ok: boolean; output: string }> {
  const bin = await checkEnvironment();
  const result = await execa(join(bin, "python"), ["-c", script, ...args], { all: true, reject: false, timeout: 60_000 });
  return { ok: result.exitCode === 0, output: String(result.all ?? "").trim() };
}

// Names are passed as arguments and only ever quoted as identifiers here.
const CONNECT = `
import sys, pymysql
from urllib.parse import unquote, urlsplit
def admin():
    url = urlsplit(sys.argv[1])
    return pymysql.connect(host=url.hostname, port=url.port or 3306, user=unquote(url.username or ""),
                           password=unquote(url.password or ""), connect_timeout=5, autocommit=True)
def quoted(name):
    return "\`" + name.replace("\`", "\`\`") + "\`"
`;

let probed: Promise<{ url?: string; reason: string }> | undefined;

function probe(): Promise<{ url?: string; reason: string }> {
  probed ??= (async () => {
    const url = configuredMysqlAdminUrl();
    const script = `${CONNECT}\ntry:\n    admin().close()\nexcept pymysql.Error as e:\n    sys.exit(str(e).strip().splitlines()[0])`;
    const answer = await python(script, url);
    return answer.ok ? { url, reason: "" } : { reason: `no MySQL or MariaDB server answers at ${redacted(url)}: ${answer.output}` };
  })();
  return probed;
}

/** The admin URL when a server answers there (a user that may CREATE DATABASE), else undefined. */
export async function mysqlAdminUrl(): Promise<string | undefined> {
  return (await probe()).url;
}

/**
 * Why a MySQL check cannot run here, or undefined when a server answers.
 * In CI (`CI=true`) a missing server is an error, thrown here: the check must
 * fail, not vanish. Elsewhere the reason is printed, for the caller to skip with.
 */
export async function skipReasonWithoutMysql(): Promise<string | undefined> {
  const { url, reason } = await probe();
  if (url !== undefined) return undefined;
  const hint = "start one (bash .ci/run does) or set TEST_MYSQL_ADMIN_URL";
  if (process.env.CI === "true") throw new Error(`${reason}; ${hint}`);
  console.warn(`skipped: ${reason}; ${hint}`);
  return reason;
}

/** Creates an empty utf8mb4 database and returns its URL. */
export async function createMysqlDatabase(adminUrl: string, name: string): Promise<string> {
  const created = await python(
    `${CONNECT}\nwith admin() as c: c.cursor().execute("CREATE DATABASE " + quoted(sys.argv[2]) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")`,
    adminUrl,
    name,
  );
  if (!created.ok) throw new Error(`CREATE DATABASE ${name} on ${redacted(adminUrl)}: ${created.output}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropMysqlDatabase(adminUrl: string, name: string): Promise<void> {
  const dropped = await python(`${CONNECT}\nwith admin() as c: c.cursor().execute("DROP DATABASE IF EXISTS " + quoted(sys.argv[2]))`, adminUrl, name);
  if (!dropped.ok) throw new Error(`DROP DATABASE ${name} on ${redacted(adminUrl)}: ${dropped.output}`);
}

/** The names of the server's databases that start with `prefix`. */
export async function mysqlDatabasesNamed(adminUrl: string, prefix: string): Promise<string[]> {
  const listed = await python(
    `${CONNECT}\nwith admin() as c:\n    cur = c.cursor()\n    cur.execute("SELECT schema_name FROM information_schema.schemata ORDER BY 1")\n    print("\\n".join(r[0] for r in cur.fetchall() if r[0].startswith(sys.argv[2])))`,
    adminUrl,
    prefix,
  );
  if (!listed.ok) throw new Error(`listing databases on ${redacted(adminUrl)}: ${listed.output}`);
  return listed.output.split("\n").filter(Boolean);
}
