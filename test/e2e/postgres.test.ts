// `--db postgres`, proven against a real PostgreSQL server (TEST_DATABASE_ADMIN_URL):
// its covering-set members pass their gates there and serve the contract. Without
// a server this fails in CI and is skipped (saying why) elsewhere.
import { POSTGRES } from "../support/postgres.js";
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
