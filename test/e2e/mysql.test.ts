// `--db mysql`, proven against a real MariaDB (or MySQL 8) server (TEST_MYSQL_ADMIN_URL):
// its covering-set members pass their gates there and serve the contract. Without
// a server this fails in CI and is skipped (saying why) elsewhere.
import { MYSQL } from "../support/mysql.js";
import { describe } from "vitest";
import { addScenario } from "../support/add-scenario.js";
import { frameworkOnServer } from "../support/servers.js";
import { serverDatabaseSuite } from "../support/server-db-suite.js";

serverDatabaseSuite({
  server: MYSQL,
  composeImage: /^mariadb:\d+/,
  dataMount: "/var/lib/mysql",
  composeUrl: /^mysql:\/\/app:.*@db:3306\/app$/,
  ciService: "mariadb",
  ciAdminUrl: "mysql://root:root@127.0.0.1:3306/mysql",
  ciPassword: ["MARIADB_ROOT_PASSWORD", "root"],
  ciPorts: ["3306:3306"],
  envExampleUrl: /^DATABASE_URL=mysql:\/\/app:app@localhost:3306\/app$/m,
  driver: /"pymysql>=/,
});

// `add resource` on a project holding data, on this server (after the checks above,
// in this file, so their count of leftover test databases sees only their own).
const framework = frameworkOnServer("mysql");
describe(`add resource on ${framework} with mysql`, () => addScenario(framework, "mysql"));
