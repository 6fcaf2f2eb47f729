// The MySQL or MariaDB server for the `--db mysql` checks, through PyMySQL.
import { databaseServer } from "./db-server.js";

export const MYSQL = databaseServer({
  db: "mysql",
  label: "MySQL or MariaDB",
  envVar: "TEST_MYSQL_ADMIN_URL",
  // .ci/run's server: Debian's MariaDB, with a `ci` user over TCP.
  defaultUrl: "mysql://ci:ci@127.0.0.1:3306/mysql",
  sql: {
    preamble: `
import sys, pymysql
from urllib.parse import unquote, urlsplit
def admin():
    url = urlsplit(sys.argv[1])
    return pymysql.connect(host=url.hostname, port=url.port or 3306, user=unquote(url.username or ""),
                           password=unquote(url.password or ""), connect_timeout=5, autocommit=True)
def run(statement, name=None):
    if name is not None:
        statement = statement.format("\`" + name.replace("\`", "\`\`") + "\`")
    with admin() as c, c.cursor() as cursor:
        cursor.execute(statement)
        return cursor.fetchall()
`,
    error: "pymysql.Error",
    create: "CREATE DATABASE {} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
    drop: "DROP DATABASE IF EXISTS {}",
    list: "SELECT schema_name FROM information_schema.schemata ORDER BY 1",
  },
});
