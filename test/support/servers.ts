// The database servers the e2e stories run on, and which framework each story
// takes there: the frameworks in turn over the servers, so every framework and
// every server database is covered without the whole product of them.
import { join } from "node:path";
import { coveringMembers } from "../../src/covering-set.js";
import type { Database, Framework } from "../../src/options.js";
import type { DatabaseServer } from "./db-server.js";
import { MYSQL } from "./mysql.js";
import { POSTGRES } from "./postgres.js";

/** Where a server database's scratch databases are made: one added to the option table must be added here. */
export const SERVERS: Record<Exclude<Database, "sqlite">, DatabaseServer> = { postgres: POSTGRES, mysql: MYSQL };

/** The framework whose story runs on server database `db`, of those the story can tell (all by default). */
export function frameworkOnServer(db: Exclude<Database, "sqlite">, among?: readonly Framework[]): Framework {
  const frameworks = [...new Set(coveringMembers().map((m) => m.answers.framework))].filter((f) => among === undefined || among.includes(f));
  const servers = [...new Set(coveringMembers().map((m) => m.answers.db))].filter((d) => d !== "sqlite");
  return frameworks[Math.max(0, servers.indexOf(db)) % frameworks.length] as Framework;
}

export interface ProjectDatabase {
  readonly url: string;
  drop(): Promise<void>;
  /** On a server, where the project's own tests make and drop their databases (TEST_DATABASE_ADMIN_URL). */
  readonly adminEnv: Record<string, string>;
}

/** A database for a project made for `db`: a scratch database on its server, or a SQLite file in `work`. */
export async function projectDatabase(db: Database, work: string, prefix: string): Promise<ProjectDatabase> {
  if (db === "sqlite") return { url: `sqlite:///${join(work, "app.db")}`, drop: async () => {}, adminEnv: {} };
  const server = SERVERS[db];
  const scratch = await server.scratch(prefix);
  return { ...scratch, adminEnv: { TEST_DATABASE_ADMIN_URL: (await server.adminUrl()) as string } };
}
