// CONTRACT.md "Health and documentation": a schema-driven fuzzer finds no 5xx
// and no response that breaks the schema. The default project of each framework
// (on MariaDB; Flask's and Django's on PostgreSQL too; each framework's with oauth and with session auth on SQLite) is generated, migrated and served as an operator would, then
// Schemathesis runs its checks against /openapi.json with a fixed seed
// (test/support/schemathesis.ts).
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { checkEnvironment } from "../support/python.js";
import { startFakeProvider } from "../support/fake-provider.js";
import { serve } from "../support/serve.js";
import { expectTool } from "../support/gates.js";
import { MYSQL } from "../support/mysql.js";
import { POSTGRES } from "../support/postgres.js";
import type { DatabaseServer } from "../support/db-server.js";
import { type AuthMethod, type Database, type Framework, hasAuth } from "../../src/options.js";
import { answerFlags, defaultAnswers, shortId } from "../../src/constraints.js";
import {
  type AuthHeaders,
  type ServedProject,
  adminHeaders,
  currentUserId,
  documentedOperations,
  runSchemathesis,
  schemathesisCommand,
  userHeaders,
} from "../support/schemathesis.js";

/** One Schemathesis run over some of a project's operations, as one kind of client. */
interface FuzzPass {
  readonly name: string;
  /** Headers that make the fuzzer a logged-in user; none for an anonymous client. */
  readonly authHeaders?: AuthHeaders;
  /** Which operations, by path (a regex); all when absent. */
  readonly paths?: { readonly include?: string; readonly exclude?: string };
  /** Keep the logged-in user's own account out of writes under this path regex. */
  readonly spareSelfUnder?: string;
}

interface FuzzTarget {
  readonly id: string;
  /** The CLI's answers, after the project name. */
  readonly flags: readonly string[];
  /** The passes; by default derived from the answers the project records in .backend-starter.json. */
  readonly passes?: readonly FuzzPass[];
  /** Where the served project's database lives; a SQLite file when absent. */
  readonly server?: DatabaseServer;
}

interface RecordedAnswers {
  readonly auth?: AuthMethod;
  readonly rbac?: boolean;
}

const ADMIN_PATHS = "^/api/v1/admin/";
const LOGOUT_PATH = "^/api/v1/auth/logout$";

/**
 * Without auth, one anonymous pass. With auth, a user fuzzes everything but the
 * admin area (where a user only gets 403, which would read as credentials that
 * do not work), and with RBAC an admin fuzzes the admin area without ever
 * changing its own role. A session's logout needs nothing but the session, so
 * the first call ends it: it is fuzzed apart, by a user of its own.
 */
function passesFor(answers: RecordedAnswers): FuzzPass[] {
  if (answers.auth === undefined || !hasAuth({ auth: answers.auth })) return [{ name: "anonymous" }];
  // OAuth projects log in with a password too, for the same tokens as jwt.
  if (answers.auth !== "jwt" && answers.auth !== "session" && answers.auth !== "oauth") throw new Error(`no fuzzer login for auth ${answers.auth} yet: add one to test/support/schemathesis.ts`);
  const session = answers.auth === "session";
  const elsewhere = [...(answers.rbac ? [ADMIN_PATHS] : []), ...(session ? [LOGOUT_PATH] : [])];
  const passes: FuzzPass[] = [{ name: "user", authHeaders: userHeaders, ...(elsewhere.length > 0 ? { paths: { exclude: elsewhere.join("|") } } : {}) }];
  if (answers.rbac) passes.push({ name: "admin", authHeaders: adminHeaders, paths: { include: ADMIN_PATHS }, spareSelfUnder: ADMIN_PATHS });
  if (session) passes.push({ name: "logout", authHeaders: userHeaders, paths: { include: LOGOUT_PATH } });
  return passes;
}

function selected(operations: readonly string[], paths: FuzzPass["paths"]): string[] {
  const pathOf = (operation: string) => operation.slice(operation.indexOf(" ") + 1);
  return operations.filter((o) => (!paths?.include || new RegExp(paths.include).test(pathOf(o))) && (!paths?.exclude || !new RegExp(paths.exclude).test(pathOf(o))));
}

/** The default project of `framework` on `db`, named by its covering-set id; its answers pick the passes. */
function target(framework: Framework, db: Database, server?: DatabaseServer, auth?: AuthMethod, rbac = true): FuzzTarget {
  const answers = defaultAnswers({ framework, db, rbac, ...(auth === undefined ? {} : { auth }) });
  return { id: shortId(answers), flags: answerFlags(answers), ...(server === undefined ? {} : { server }) };
}

const TARGETS: readonly FuzzTarget[] = [
  // On SQLite, OAuth: every token operation of the default project, plus the providers'
  // login and callback (the fake provider configured, so a callback gets as far as the state).
  // The same API on Flask (APIFlask writes its own OpenAPI document) and on Django
  // (drf-spectacular writes it), held to the same passes.
  target("fastapi", "sqlite", undefined, "oauth"),
  target("flask", "sqlite", undefined, "oauth"),
  target("django", "sqlite", undefined, "oauth"),
  // MariaDB stores, compares and overflows differently from SQLite: the same passes on it.
  target("fastapi", "mysql", MYSQL),
  target("flask", "mysql", MYSQL),
  target("django", "mysql", MYSQL),
  // PostgreSQL types and range checks are stricter still; each framework's own error mapping meets them there too.
  target("flask", "postgres", POSTGRES),
  target("django", "postgres", POSTGRES),
  // Session auth: the cookie and the CSRF header on every fuzzed request. Without RBAC,
  // so each framework is fuzzed both ways: the oauth projects above have it.
  target("fastapi", "sqlite", undefined, "session", false),
  target("flask", "sqlite", undefined, "session", false),
  target("django", "sqlite", undefined, "session", false),
];

let bin: string;
beforeAll(async () => {
  [bin] = await Promise.all([checkEnvironment(), schemathesisCommand()]);
}, 900_000);

describe.each(TARGETS)("Schemathesis against the $id project", ({ flags, passes, server: databaseServer }) => {
  it("finds no 5xx and no response that breaks the OpenAPI document", async (ctx) => {
    const reason = await databaseServer?.skipReason();
    if (reason !== undefined) return ctx.skip(reason);
    const work = tempDir("cbs-fuzz-");
    const name = "fuzz-api";
    const pkg = "fuzz_api";
    const created = await runCli([name, ...flags, "--no-install", "--no-git"], { cwd: work });
    expect(created.exitCode, created.stderr).toBe(0);
    const project = join(work, name);
    const database = databaseServer ? await databaseServer.scratch("fuzz") : undefined;
    const runtime = {
      PATH: `${bin}:${process.env.PATH ?? ""}`,
      PYTHONPATH: join(project, "src"),
      HOME: process.env.HOME ?? work,
      APP_ENV: "development",
      DATABASE_URL: database?.url ?? `sqlite:///${join(mkdtempSync(join(work, "db-")), "app.db")}`,
      // Warnings and errors only: thousands of fuzzer requests need no access log.
      LOG_LEVEL: "WARNING",
      // Thousands of fuzzed logins fail from one address; the throttle would answer the
      // next pass's login with 429. It is tested on its own, in the project's tests.
      LOGIN_MAX_ATTEMPTS: "1000000",
      // Likewise registrations: the fuzzer registers thousands of users from one address.
      REGISTRATION_MAX_ATTEMPTS: "1000000",
    };
    try {
      await fuzzServed(project, pkg, runtime, passes);
    } finally {
      await database?.drop();
    }
    removeDir(work);
  }, 600_000);
});

/** Migrates and serves the project on `runtime`'s database, then runs each pass against it. */
async function fuzzServed(project: string, pkg: string, withoutProvider: Record<string, string>, passes: readonly FuzzPass[] | undefined): Promise<void> {
  const recorded = JSON.parse(readFileSync(join(project, ".backend-starter.json"), "utf8")) as { answers: RecordedAnswers };
  const provider = recorded.answers.auth === "oauth" ? await startFakeProvider(join(bin, "python"), project, withoutProvider) : undefined;
  const runtime = { ...withoutProvider, ...provider?.env };
  await expectTool(bin, project, "python", ["-m", pkg, "migrate"], runtime);
  const server = await serve(join(bin, "python"), pkg, project, runtime);
  try {
    const auth = recorded.answers.auth === "session" ? "session" : "jwt";
    const served: ServedProject = { baseUrl: server.url, auth, python: join(bin, "python"), pkg, cwd: project, env: runtime };
    const openapiUrl = `${server.url}/openapi.json`;
    const operations = documentedOperations(await (await fetch(openapiUrl)).json());
    expect(operations.length, "the document lists operations").toBeGreaterThan(0);
    const plan = passes ?? passesFor(recorded.answers);
    // Every documented operation is in some pass.
    expect(operations.filter((o) => !plan.some((p) => selected([o], p.paths).length > 0))).toEqual([]);

    for (const pass of plan) {
      const headers = pass.authHeaders ? await pass.authHeaders(served) : undefined;
      const spare = pass.spareSelfUnder && headers ? { path: pass.spareSelfUnder, value: await currentUserId(server.url, headers) } : undefined;
      const expected = selected(operations, pass.paths);
      const started = Date.now();
      const run = await runSchemathesis({
        openapiUrl,
        headers,
        includePathRegex: pass.paths?.include,
        excludePathRegex: pass.paths?.exclude,
        spare,
        // The session cookie goes as a header of the run's own (see securityParameters).
        securityParameters: auth !== "session",
        // Under 600 s for both passes with the server's start; a user pass took 166 s on a loaded machine.
        timeoutMs: 300_000,
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const { summary } = run;
      console.info(
        `schemathesis (${pass.name}): exit ${run.exitCode} in ${seconds}s; ` +
          (summary
            ? `${summary.operations.tested}/${expected.length} operations, ${summary.testCases.generated} cases, ${summary.failures.length} kinds of failure`
            : "no report"),
      );
      const where = `${pass.name} pass: schemathesis ${run.args.join(" ")}\n${run.output.slice(-12_000)}`;
      expect(run.exitCode, where).toBe(0);
      expect(summary, where).toBeDefined();
      expect(summary?.failures, where).toEqual([]);
      expect(summary?.errors, where).toEqual([]);
      expect(summary?.operations.tested, `${where}\nevery selected operation tested: ${expected.join(", ")}`).toBeGreaterThanOrEqual(expected.length);
    }
  } finally {
    expect(await server.stop()).toBe(0);
    await provider?.stop();
  }
}
