// One suite for every database that runs as a server (PostgreSQL, MariaDB):
// the generated project's own gates run with its tests on databases they make
// and drop on the server, then the project is migrated and served on a database
// of its own and holds to the contract over HTTP. What differs per server is
// data (`ServerExpectations`), so a new server database adds one object.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { coveringMembers } from "../../src/covering-set.js";
import type { DatabaseServer } from "./db-server.js";
import { expectGatesPass, expectTool, gateEnv } from "./gates.js";
import { answerFlags } from "./project.js";
import { checkEnvironment } from "./python.js";
import { expectServedContract } from "./served-contract.js";

/** What a project generated for this server holds besides working on it. */
export interface ServerExpectations {
  readonly server: DatabaseServer;
  /** compose.yaml's `db` service image, its data volume mount, and the URL the app gets. */
  readonly composeImage: RegExp;
  readonly dataMount: string;
  readonly composeUrl: RegExp;
  /** The generated workflow's service container: its name, image, admin URL, password variable and ports. */
  readonly ciService: string;
  readonly ciAdminUrl: string;
  readonly ciPassword: readonly [variable: string, value: string];
  readonly ciPorts: readonly string[];
  readonly envExampleUrl: RegExp;
  /** The driver, as pyproject.toml names it. */
  readonly driver: RegExp;
}

type Yaml = Record<string, unknown>;

function yamlFile(path: string): Yaml {
  // merge: compose.yaml's services share settings through `<<: *app`.
  return parse(readFileSync(path, "utf8"), { merge: true }) as Yaml;
}

/**
 * The server's members of the all-pairs covering set derived from the option
 * table (generated.test.ts takes the SQLite ones): a value added to the table
 * is covered here without editing a list.
 */
export function serverDatabaseSuite(expected: ServerExpectations): void {
  const { server } = expected;
  const members = coveringMembers().filter((m) => m.answers.db === server.db);
  let bin: string;
  const work = tempDir(`cbs-${server.db}-`);
  beforeAll(async () => {
    bin = await checkEnvironment();
  }, 900_000);
  afterAll(() => removeDir(work));

  describe.each(members.map((m, index) => ({ ...m, index })))(`a --db ${server.db} project $id`, ({ answers, index }) => {
    const name = `${server.db}-check-api-${index}`;
    const pkg = name.replaceAll("-", "_");
    const project = join(work, name);
    beforeAll(async () => {
      const created = await runCli([name, ...answerFlags(answers), "--no-install", "--no-git"], { cwd: work });
      expect(created.exitCode, created.stderr).toBe(0);
    }, 60_000);

    it.runIf(answers.docker)(`has a ${server.label} service in compose.yaml, with a health check and a volume, that the app waits for`, () => {
      const compose = yamlFile(join(project, "compose.yaml"));
      const services = compose.services as Record<string, Yaml>;
      const db = services.db as Yaml;
      expect(String(db.image)).toMatch(expected.composeImage);
      expect(db.healthcheck).toBeDefined();
      expect(Object.keys(compose.volumes as Yaml)).toContain("db-data");
      expect(db.volumes as string[]).toContain(`db-data:${expected.dataMount}`);
      for (const service of ["migrate", "app"]) {
        const environment = services[service]?.environment as Record<string, string>;
        expect(environment.DATABASE_URL, service).toMatch(expected.composeUrl);
      }
      expect(services.migrate?.depends_on).toEqual({ db: { condition: "service_healthy" } });
    });

    it.runIf(answers.ci === "github")(`runs its CI tests against a ${expected.ciService} service container`, () => {
      const workflow = yamlFile(join(project, ".github", "workflows", "ci.yml"));
      const job = (workflow.jobs as Record<string, Yaml>).checks as Yaml;
      const service = (job.services as Record<string, Yaml>)[expected.ciService] as Yaml;
      expect(String(service.image)).toMatch(expected.composeImage);
      expect(String(service.options)).toContain("--health-cmd");
      expect((job.env as Record<string, string>).TEST_DATABASE_ADMIN_URL).toBe(expected.ciAdminUrl);
      const [variable, value] = expected.ciPassword;
      expect((service.env as Record<string, string>)[variable]).toBe(value);
      expect(service.ports).toEqual(expected.ciPorts);
    });

    it(`documents the ${server.label} URL in .env.example and installs its driver`, () => {
      expect(readFileSync(join(project, ".env.example"), "utf8")).toMatch(expected.envExampleUrl);
      expect(readFileSync(join(project, "pyproject.toml"), "utf8")).toMatch(expected.driver);
    });

    it("passes its own gates on a real server, leaves no test database behind, then migrates and serves", async (ctx) => {
      const reason = await server.skipReason();
      if (reason !== undefined) return ctx.skip(reason);
      const admin = (await server.adminUrl()) as string;
      // Only DATABASE_URL, as a user's shell or CI often has it: the project's tests make their
      // databases on that server. The covering set's runs prove TEST_DATABASE_ADMIN_URL; here it
      // is empty, as the tools inherit this process's (CI exports the PostgreSQL one).
      const env = { ...gateEnv(bin, project, work), TEST_DATABASE_ADMIN_URL: "", DATABASE_URL: admin };
      const before = await server.databasesNamed("test_");
      await expectGatesPass(bin, project, env);
      const left = (await server.databasesNamed("test_")).filter((db) => !before.includes(db));
      expect(left, "the project's tests drop the databases they make").toEqual([]);

      const database = await server.scratch(`${server.db}_check_serve`);
      try {
        // Migrated once here and once more by the check: the second run must be harmless.
        await expectTool(bin, project, "python", ["-m", pkg, "migrate"], { ...env, APP_ENV: "development", DATABASE_URL: database.url });
        await expectServedContract({ bin, project, pkg, answers, env: { ...env, DATABASE_URL: database.url } });
      } finally {
        await database.drop();
      }
    }, 900_000);
  });
}
