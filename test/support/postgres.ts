// The PostgreSQL server for the `--db postgres` checks, through psycopg.
import { databaseServer } from "./db-server.js";

export const POSTGRES = databaseServer({
  db: "postgres",
  label: "PostgreSQL",
  envVar: "TEST_DATABASE_ADMIN_URL",
  // .ci/run's server: the local cluster, its `postgres` role given this password, over TCP.
  defaultUrl: "postgresql://postgres:postgres@127.0.0.1:5432/postgres",
  sql: {
    preamble: `
import sys, psycopg
from psycopg import sql
def admin():
    return psycopg.connect(sys.argv[1], autocommit=True, connect_timeout=5)
def run(statement, name=None):
    query = statement if name is None else sql.SQL(statement).format(sql.Identifier(name))
    with admin() as c:
        cursor = c.execute(query)
        return cursor.fetchall() if cursor.description else []
`,
    error: "psycopg.Error",
    create: "CREATE DATABASE {}",
    // FORCE closes whatever connections a failed check left (PostgreSQL 13+).
    drop: "DROP DATABASE IF EXISTS {} WITH (FORCE)",
    list: "SELECT datname FROM pg_database ORDER BY 1",
  },
});
