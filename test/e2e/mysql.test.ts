// `--db mysql`, proven against a real MariaDB (or MySQL 8) server: the generated
// project's own gates run with its tests on databases they make and drop on the
// server at TEST_MYSQL_ADMIN_URL, then the project is migrated and served on a
// database of its own and holds to the contract over HTTP. Without a server this
// fails in CI and is skipped (saying why) elsewhere.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { checkEnvironment } from "../support/python.js";
import { expectGatesPass, expectTool, gateEnv } from "../support/gates.js";
import { createMysqlDatabase, dropMysqlDatabase, mysqlAdminUrl, mysqlDatabasesNamed, skipReasonWithoutMysql } from "../support/mysql.js";
import { expectServedContract } from "../support/served-contract.js";
import { answerFlags } from "../support/project.js";
import { coveringMembers } from "../../src/covering-set.js";

type Yaml = Record<string, unknown>;

function yamlFile(path: string): Yaml {
  // merge: compose.yaml's services share settings through `<<: *app`.
  return parse(readFileSync(path, "utf8"), { merge: true }) as Yaml;
}

/**
 * The MySQL members of the all-pairs covering set derived from the option table,
 * as postgres.test.ts takes the PostgreSQL ones: a value added to the table is
 * covered here without editing a list.
 */
const MEMBERS = coveringMembers().filter((m) => m.answers.db === "mysql");

let bin: string;
const work = tempDir("cbs-mysql-");
beforeAll(async () => {
  bin = await checkEnvironment();
}, 900_000);

afterAll(() => removeDir(work));

describe.each(MEMBERS.map((m, index) => ({ ...m, index })))("a --db mysql project $id", ({ answers, index }) => {
  const name = `mysql-check-api-${index}`;
  const pkg = name.replaceAll("-", "_");
  const project = join(work, name);
  beforeAll(async () => {
    const created = await runCli([name, ...answerFlags(answers), "--no-install", "--no-git"], { cwd: work });
    expect(created.exitCode, created.stderr).toBe(0);
  }, 60_000);

  it.runIf(answers.docker)("has a MariaDB service in compose.yaml, with a health check and a volume, that the app waits for", () => {
    const compose = yamlFile(join(project, "compose.yaml"));
    const services = compose.services as Record<string, Yaml>;
    const db = services.db as Yaml;
    expect(String(db.image)).toMatch(/^mariadb:\d+/);
    expect(db.healthcheck).toBeDefined();
    expect(Object.keys(compose.volumes as Yaml)).toContain("db-data");
    expect(db.volumes as string[]).toContain("db-data:/var/lib/mysql");
    for (const name of ["migrate", "app"]) {
      const environment = services[name]?.environment as Record<string, string>;
      expect(environment.DATABASE_URL, name).toMatch(/^mysql:\/\/app:.*@db:3306\/app$/);
    }
    expect(services.migrate?.depends_on).toEqual({ db: { condition: "service_healthy" } });
  });

  it.runIf(answers.ci === "github")("runs its CI tests against a mariadb service container", () => {
    const workflow = yamlFile(join(project, ".github", "workflows", "ci.yml"));
    const job = (workflow.jobs as Record<string, Yaml>).checks as Yaml;
    const mariadb = (job.services as Record<string, Yaml>).mariadb as Yaml;
    expect(String(mariadb.image)).toMatch(/^mariadb:\d+/);
    expect(String(mariadb.options)).toContain("--health-cmd");
    const env = job.env as Record<string, string>;
    expect(env.TEST_DATABASE_ADMIN_URL).toBe("mysql://root:root@127.0.0.1:3306/mysql");
    expect((mariadb.env as Record<string, string>).MARIADB_ROOT_PASSWORD).toBe("root");
    expect(mariadb.ports).toEqual(["3306:3306"]);
  });

  it("documents the MySQL URL in .env.example and installs PyMySQL", () => {
    expect(readFileSync(join(project, ".env.example"), "utf8")).toMatch(/^DATABASE_URL=mysql:\/\/app:app@localhost:3306\/app$/m);
    expect(readFileSync(join(project, "pyproject.toml"), "utf8")).toMatch(/"pymysql>=/);
  });

  it("passes its own gates on a real server, leaves no test database behind, then migrates and serves", async (ctx) => {
    const reason = await skipReasonWithoutMysql();
    if (reason !== undefined) return ctx.skip(reason);
    const admin = (await mysqlAdminUrl()) as string;
    const env = { ...gateEnv(bin, project, work), TEST_DATABASE_ADMIN_URL: admin };
    const before = await mysqlDatabasesNamed(admin, "test_");
    await expectGatesPass(bin, project, env);
    const left = (await mysqlDatabasesNamed(admin, "test_")).filter((db) => !before.includes(db));
    expect(left, "the project's tests drop the databases they make").toEqual([]);

    const database = `mysql_check_serve_${randomBytes(4).toString("hex")}`;
    const url = await createMysqlDatabase(admin, database);
    try {
      // Migrated once here and once more by the check: the second run must be harmless.
      await expectTool(bin, project, "python", ["-m", pkg, "migrate"], { ...env, APP_ENV: "development", DATABASE_URL: url });
      await expectServedContract({ bin, project, pkg, answers, env: { ...env, DATABASE_URL: url } });
    } finally {
      await dropMysqlDatabase(admin, database);
    }
  }, 900_000);
});
