// The proof behind "every option combination we offer works": a covering set
// of combinations is generated with the real CLI, then each project's own
// gates run (ruff, ruff format, mypy, pytest with its coverage floor) and its
// `serve` answers the contract's health endpoints.
import { mkdtempSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Answers, combinationId, defaultAnswers, testLayerSubsets } from "../../src/options.js";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { checkEnvironment, uvCommand } from "../support/python.js";
import { expectGatesPass, gateEnv } from "../support/gates.js";
import { answerFlags } from "../support/project.js";
import { expectServedContract } from "../support/served-contract.js";

/** The auth/RBAC pairs offered; postgres.test.ts covers each with PostgreSQL. */
const ACCESS: ReadonlyArray<Pick<Answers, "auth" | "rbac">> = [
  { auth: "jwt", rbac: true },
  { auth: "none", rbac: false },
  { auth: "jwt", rbac: false },
];

/**
 * Every test-layer subset once, on SQLite; auth/RBAC cycle through every
 * offered pair, and Docker and CI alternate so each pair of their values appears.
 */
function coveringSet(): Answers[] {
  const base = defaultAnswers();
  return testLayerSubsets().map((tests, i) => ({
    ...base,
    ...(ACCESS[i % ACCESS.length] as Pick<Answers, "auth" | "rbac">),
    tests,
    docker: i % 2 === 0,
    ci: i % 4 < 2 ? "github" : "none",
  }));
}


let bin: string;
beforeAll(async () => {
  bin = await checkEnvironment();
}, 900_000);


describe("the default project, installed by the CLI itself", () => {
  it("`acme-api --yes --no-git` installs with uv sync and passes its gates in its own .venv", async () => {
    const work = tempDir("cbs-default-");
    // The CLI installs with uv from PATH; on a machine without it, the copy the tests installed.
    const uv = await uvCommand();
    const uvDir = uv === "uv" ? "" : `${dirname(uv)}:`;
    const created = await runCli(["acme-api", "--yes", "--no-git"], { cwd: work, env: { PATH: `${uvDir}${process.env.PATH ?? ""}` } });
    expect(created.exitCode, created.stderr).toBe(0);
    const project = join(work, "acme-api");
    const own = join(project, ".venv", "bin");
    const env = { PATH: `${own}:${process.env.PATH ?? ""}`, HOME: process.env.HOME ?? work, APP_ENV: "test" };
    await expectGatesPass(own, project, env);
    removeDir(work);
  }, 900_000);
});

describe.each(coveringSet().map((a, i) => ({ answers: a, index: i, id: combinationId(a) })))("generated project $id", ({ answers, index }) => {
  it("passes its own gates, serves, and holds to the HTTP contract", async () => {
    const work = tempDir("cbs-gen-");
    const name = `check-api-${index}`;
    const pkg = name.replaceAll("-", "_");
    const created = await runCli([name, ...answerFlags(answers), "--no-install", "--no-git"], { cwd: work });
    expect(created.exitCode, created.stderr).toBe(0);
    const project = join(work, name);
    const env = gateEnv(bin, project, work);
    await expectGatesPass(bin, project, env);

    const db = mkdtempSync(join(work, "db-"));
    await expectServedContract({ bin, project, pkg, answers, env: { ...env, DATABASE_URL: `sqlite:///${join(db, "app.db")}` } });
    removeDir(work);
  }, 600_000);
});
