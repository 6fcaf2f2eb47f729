// `update --set` on the real templates: answers change one way and back, the
// user's edits survive both, files of the dropped option come and go, and the
// project still passes its own gates afterwards (no conflict was reported).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runUpdate } from "../../src/commands/project-commands.js";
import { Cleanup } from "../../src/context.js";
import { EXIT } from "../../src/errors.js";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { expectGatesPass } from "../support/gates.js";
import { checkEnvironment } from "../support/python.js";
import { commitAll, recordingIo } from "../support/project.js";

describe("update --set on the real templates", () => {
  it("drops and restores test layers, keeping user edits, and the gates still pass", async () => {
    const bin = await checkEnvironment();
    const work = tempDir("cbs-real-update-");
    expect((await runCli(["acme-api", "--yes", "--no-install", "--git"], { cwd: work })).exitCode).toBe(0);
    const dir = join(work, "acme-api");
    const settings = join(dir, "src", "acme_api", "settings.py");
    writeFileSync(settings, `# A line the user added.\n${readFileSync(settings, "utf8")}`);
    const e2eConftest = join(dir, "tests", "e2e", "conftest.py");
    writeFileSync(e2eConftest, `# The user's e2e note.\n${readFileSync(e2eConftest, "utf8")}`);
    await commitAll(dir, "user edits");

    const update = async (set: string) => {
      const rec = recordingIo(dir);
      const code = await runUpdate(rec.io, ["--set", set, "--json"], new Cleanup());
      return { code, report: JSON.parse(rec.stdout()) as { files: Array<{ path: string; outcome: string }> } };
    };
    const off = await update("tests=unit");
    expect(off.code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "tests", "integration"))).toBe(false);
    expect(off.report.files).toContainEqual({ path: "tests/e2e/conftest.py", outcome: "edited-dropped" });
    await commitAll(dir, "unit tests only");

    const on = await update("tests=unit,integration,e2e");
    expect(on.code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "tests", "integration", "conftest.py"))).toBe(true);
    expect(readFileSync(e2eConftest, "utf8")).toContain("# The user's e2e note.");
    expect(readFileSync(settings, "utf8")).toContain("# A line the user added.");

    const env = { PATH: `${bin}:${process.env.PATH ?? ""}`, PYTHONPATH: join(dir, "src"), HOME: process.env.HOME ?? work, APP_ENV: "test" };
    await expectGatesPass(bin, dir, env);
    removeDir(work);
  }, 900_000);
});
