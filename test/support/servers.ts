// The database servers the e2e stories run on, and which framework each story
// takes there: the frameworks in turn over the servers, so every framework and
// every server database is covered without the whole product of them.
import { coveringMembers } from "../../src/covering-set.js";
import type { Database, Framework } from "../../src/options.js";
import type { DatabaseServer } from "./db-server.js";
import { MYSQL } from "./mysql.js";
import { POSTGRES } from "./postgres.js";

/** Where a server database's scratch databases are made: one added to the option table must be added here. */
export const SERVERS: Record<Exclude<Database, "sqlite">, DatabaseServer> = { postgres: POSTGRES, mysql: MYSQL };

/** The framework whose story runs on server database `db`. */
export function frameworkOnServer(db: Exclude<Database, "sqlite">): Framework {
  const frameworks = [...new Set(coveringMembers().map((m) => m.answers.framework))];
  const servers = [...new Set(coveringMembers().map((m) => m.answers.db))].filter((d) => d !== "sqlite");
  return frameworks[Math.max(0, servers.indexOf(db)) % frameworks.length] as Framework;
}
