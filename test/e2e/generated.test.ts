// The proof behind "every option combination we offer works": a covering set
// of combinations (every pair of offered values together at least once) is
// generated with the real CLI, then each project's own gates run (ruff, ruff format, mypy, pytest with its coverage floor) and its
// `serve` answers the contract's health endpoints.
import { mkdtempSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { coveringMembers } from "../../src/covering-set.js";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { checkEnvironment, uvCommand } from "../support/python.js";
import { expectGatesPass, gateEnv } from "../support/gates.js";
import { answerFlags } from "../support/project.js";
import { expectServedContract } from "../support/served-contract.js";

/**
 * The SQLite members of the all-pairs covering set derived from the option
 * table; postgres.test.ts takes the PostgreSQL ones, and a server database
 * offered later gets a file of its own filtering by its value.
 */
const MEMBERS = coveringMembers().filter((m) => m.answers.db === "sqlite");

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

describe.each(MEMBERS.map((m, index) => ({ ...m, index })))("generated project $id", ({ answers, index }) => {
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
