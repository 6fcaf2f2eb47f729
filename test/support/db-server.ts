// A database server the checks make and drop databases on (PostgreSQL, MariaDB):
// found at an admin URL from the environment (.ci/run starts Debian's servers and
// sets them) or at .ci/run's default. Talked to through the driver the generated
// projects use, in the checks' virtualenv, so the generator needs no client of
// its own. What differs per server is a few lines of Python: the driver's `Sql`.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { execa } from "execa";
import { checkEnvironment } from "./python.js";

/**
 * The Python that talks to one kind of server. `preamble` defines `admin()`
 * (an autocommit connection to sys.argv[1]) and `run(sql, *params)` returning
 * rows; names are passed as arguments and only ever quoted as identifiers.
 */
export interface Sql {
  readonly preamble: string;
  /** The driver's exception class, whose first message line says why a connection failed. */
  readonly error: string;
  readonly create: string;
  readonly drop: string;
  /** Lists every database name, one per row. */
  readonly list: string;
}

export interface ServerKind {
  readonly db: "postgres" | "mysql";
  readonly label: string;
  readonly envVar: string;
  readonly defaultUrl: string;
  readonly sql: Sql;
}

export interface DatabaseServer {
  readonly db: ServerKind["db"];
  readonly label: string;
  /** The admin URL when a server answers there (a user that may CREATE DATABASE), else undefined. */
  adminUrl(): Promise<string | undefined>;
  /**
   * Why a check on this server cannot run here, or undefined when it answers.
   * In CI (`CI=true`) a missing server is an error, thrown here: the check must
   * fail, not vanish. Elsewhere the reason is printed, for the caller to skip with.
   */
  skipReason(): Promise<string | undefined>;
  /** Creates an empty database and returns its URL. */
  create(name: string): Promise<string>;
  /** Drops a database, closing whatever connections are left. */
  drop(name: string): Promise<void>;
  /** The names of the server's databases that start with `prefix`. */
  databasesNamed(prefix: string): Promise<string[]>;
  /** An empty database of a fresh name, and the function that drops it. */
  scratch(prefix: string): Promise<{ url: string; drop: () => Promise<void> }>;
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}

/** The URL of database `name` on the admin URL's server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function python(script: string, ...args: string[]): Promise<{ ok: boolean; output: string }> {
  const bin = await checkEnvironment();
  const result = await execa(join(bin, "python"), ["-c", script, ...args], { all: true, reject: false, timeout: 60_000 });
  return { ok: result.exitCode === 0, output: String(result.all ?? "").trim() };
}

export function databaseServer(kind: ServerKind): DatabaseServer {
  const { sql } = kind;
  const configured = (): string => process.env[kind.envVar] || kind.defaultUrl;
  let probed: Promise<{ url?: string; reason: string }> | undefined;
  const probe = () =>
    (probed ??= (async () => {
      const url = configured();
      const script = `${sql.preamble}\ntry:\n    admin().close()\nexcept ${sql.error} as e:\n    sys.exit(str(e).strip().splitlines()[0])`;
      const answer = await python(script, url);
      return answer.ok ? { url, reason: "" } : { reason: `no ${kind.label} server answers at ${redacted(url)}: ${answer.output}` };
    })());
  const admin = async (): Promise<string> => {
    const { url, reason } = await probe();
    if (url === undefined) throw new Error(reason);
    return url;
  };
  const statement = async (what: string, code: string, arg: string): Promise<string> => {
    const url = await admin();
    const done = await python(`${sql.preamble}\n${code}`, url, arg);
    if (!done.ok) throw new Error(`${what} on ${redacted(url)}: ${done.output}`);
    return done.output;
  };
  const server: DatabaseServer = {
    db: kind.db,
    label: kind.label,
    adminUrl: async () => (await probe()).url,
    async skipReason() {
      const { url, reason } = await probe();
      if (url !== undefined) return undefined;
      const hint = `start one (bash .ci/run does) or set ${kind.envVar}`;
      if (process.env.CI === "true") throw new Error(`${reason}; ${hint}`);
      console.warn(`skipped: ${reason}; ${hint}`);
      return reason;
    },
    async create(name) {
      await statement(`CREATE DATABASE ${name}`, `run(${JSON.stringify(sql.create)}, sys.argv[2])`, name);
      return databaseUrl(await admin(), name);
    },
    async drop(name) {
      await statement(`DROP DATABASE ${name}`, `run(${JSON.stringify(sql.drop)}, sys.argv[2])`, name);
    },
    async databasesNamed(prefix) {
      const names = await statement("listing databases", `print("\\n".join(r[0] for r in run(${JSON.stringify(sql.list)})))`, prefix);
      return names.split("\n").filter((name) => name.startsWith(prefix));
    },
    async scratch(prefix) {
      const name = `${prefix}_${randomBytes(4).toString("hex")}`;
      return { url: await server.create(name), drop: () => server.drop(name) };
    },
  };
  return server;
}
