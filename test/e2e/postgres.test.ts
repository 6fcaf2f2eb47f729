// `--db postgres`, proven against a real PostgreSQL server (TEST_DATABASE_ADMIN_URL):
// its covering-set members pass their gates there and serve the contract. Without
// a server this fails in CI and is skipped (saying why) elsewhere.
import { POSTGRES } from "../support/postgres.js";
import { describe } from "vitest";
import { addScenario } from "../support/add-scenario.js";
import { frameworkOnServer } from "../support/servers.js";
import { serverDatabaseSuite } from "../support/server-db-suite.js";

serverDatabaseSuite({
  server: POSTGRES,
  composeImage: /^postgres:\d+/,
  dataMount: "/var/lib/postgresql/data",
  composeUrl: /^postgresql:\/\/app:.*@db:5432\/app$/,
  ciService: "postgres",
  ciAdminUrl: "postgresql://postgres:postgres@localhost:5432/postgres",
  ciPassword: ["POSTGRES_PASSWORD", "postgres"],
  ciPorts: ["5432:5432"],
  envExampleUrl: /^DATABASE_URL=postgresql:\/\/app:app@localhost:5432\/app$/m,
  driver: /"psycopg\[binary\]>=/,
});

// `add resource` on a project holding data, on this server (after the checks above,
// in this file, so their count of leftover test databases sees only their own).
const framework = frameworkOnServer("postgres");
describe(`add resource on ${framework} with postgres`, () => addScenario(framework, "postgres"));
