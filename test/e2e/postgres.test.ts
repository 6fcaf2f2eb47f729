// `--db postgres`, proven against a real PostgreSQL server: the generated
// project's own gates run with its tests on databases they make and drop on the
// server at TEST_DATABASE_ADMIN_URL, then the project is migrated and served on
// a database of its own and holds to the contract over HTTP. Without a server
// this fails in CI and is skipped (saying why) elsewhere.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { checkEnvironment } from "../support/python.js";
import { expectGatesPass, expectTool, gateEnv } from "../support/gates.js";
import { createDatabase, databasesNamed, dropDatabase, postgresAdminUrl, skipReasonWithoutPostgres } from "../support/postgres.js";
import { expectServedContract } from "../support/served-contract.js";
import { answerFlags } from "../support/project.js";
import { coveringMembers } from "../../src/covering-set.js";

type Yaml = Record<string, unknown>;

function yamlFile(path: string): Yaml {
  // merge: compose.yaml's services share settings through `<<: *app`.
  return parse(readFileSync(path, "utf8"), { merge: true }) as Yaml;
}

/**
 * The PostgreSQL members of the all-pairs covering set derived from the option
 * table (generated.test.ts takes the SQLite ones): together they meet every
 * other offered value, auth with and without RBAC included, whose users,
 * tokens and timestamps are what PostgreSQL treats differently from SQLite.
 */
const MEMBERS = coveringMembers().filter((m) => m.answers.db === "postgres");

let bin: string;
const work = tempDir("cbs-pg-");
beforeAll(async () => {
  bin = await checkEnvironment();
}, 900_000);

afterAll(() => removeDir(work));

describe.each(MEMBERS.map((m, index) => ({ ...m, index })))("a --db postgres project $id", ({ answers, index }) => {
  const name = `pg-check-api-${index}`;
  const pkg = name.replaceAll("-", "_");
  const project = join(work, name);
  beforeAll(async () => {
    const created = await runCli([name, ...answerFlags(answers), "--no-install", "--no-git"], { cwd: work });
    expect(created.exitCode, created.stderr).toBe(0);
  }, 60_000);

  it.runIf(answers.docker)("has a PostgreSQL service in compose.yaml, with a health check and a volume, that the app waits for", () => {
    const compose = yamlFile(join(project, "compose.yaml"));
    const services = compose.services as Record<string, Yaml>;
    const db = services.db as Yaml;
    expect(String(db.image)).toMatch(/^postgres:\d+/);
    expect(db.healthcheck).toBeDefined();
    expect(Object.keys(compose.volumes as Yaml)).toContain("db-data");
    expect(db.volumes as string[]).toContain("db-data:/var/lib/postgresql/data");
    for (const name of ["migrate", "app"]) {
      const environment = services[name]?.environment as Record<string, string>;
      expect(environment.DATABASE_URL, name).toMatch(/^postgresql:\/\/app:.*@db:5432\/app$/);
    }
    expect(services.migrate?.depends_on).toEqual({ db: { condition: "service_healthy" } });
  });

  it.runIf(answers.ci === "github")("runs its CI tests against a postgres service container", () => {
    const workflow = yamlFile(join(project, ".github", "workflows", "ci.yml"));
    const job = (workflow.jobs as Record<string, Yaml>).checks as Yaml;
    const postgres = (job.services as Record<string, Yaml>).postgres as Yaml;
    expect(String(postgres.image)).toMatch(/^postgres:\d+/);
    expect(String(postgres.options)).toContain("--health-cmd");
    const env = job.env as Record<string, string>;
    expect(env.TEST_DATABASE_ADMIN_URL).toBe("postgresql://postgres:postgres@localhost:5432/postgres");
    expect((postgres.env as Record<string, string>).POSTGRES_PASSWORD).toBe("postgres");
    expect(postgres.ports).toEqual(["5432:5432"]);
  });

  it("documents the PostgreSQL URL in .env.example", () => {
    expect(readFileSync(join(project, ".env.example"), "utf8")).toMatch(/^DATABASE_URL=postgresql:\/\/app:app@localhost:5432\/app$/m);
  });

  it("passes its own gates on a real server, leaves no test database behind, then migrates and serves", async (ctx) => {
    const reason = await skipReasonWithoutPostgres();
    if (reason !== undefined) return ctx.skip(reason);
    const admin = (await postgresAdminUrl()) as string;
    const env = { ...gateEnv(bin, project, work), TEST_DATABASE_ADMIN_URL: admin };
    const before = await databasesNamed(admin, "test_");
    await expectGatesPass(bin, project, env);
    const left = (await databasesNamed(admin, "test_")).filter((db) => !before.includes(db));
    expect(left, "the project's tests drop the databases they make").toEqual([]);

    const database = `pg_check_serve_${randomBytes(4).toString("hex")}`;
    const url = await createDatabase(admin, database);
    try {
      // Migrated once here and once more by the check: the second run must be harmless.
      await expectTool(bin, project, "python", ["-m", pkg, "migrate"], { ...env, APP_ENV: "development", DATABASE_URL: url });
      await expectServedContract({ bin, project, pkg, answers, env: { ...env, DATABASE_URL: url } });
    } finally {
      await dropDatabase(admin, database);
    }
  }, 900_000);
});
