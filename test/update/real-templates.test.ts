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
import { expectGatesPass, sharedMypyCache } from "../support/gates.js";
import { checkEnvironment } from "../support/python.js";
import { commitAll, recordingIo } from "../support/project.js";

describe("update --set on the real templates", () => {
  it("turns RBAC off and on again, keeping user edits, and the gates still pass", async () => {
    const bin = await checkEnvironment();
    const work = tempDir("cbs-real-update-");
    // The in-process test layers: what this proves is the merge, and e2e doubles the gates' time.
    expect((await runCli(["acme-api", "--yes", "--tests", "unit,integration", "--no-install", "--git"], { cwd: work })).exitCode).toBe(0);
    const dir = join(work, "acme-api");
    // ownership.py changes with RBAC (its import and owner_of's last line, merged both ways); the
    // user's line sits in the class between them. permissions.py exists only with RBAC.
    const ownership = join(dir, "src", "acme_api", "auth", "ownership.py");
    const field = "    sees_everyone: bool = False\n";
    expect(readFileSync(ownership, "utf8")).toContain(field);
    writeFileSync(ownership, readFileSync(ownership, "utf8").replace(field, `${field}    # A line the user added.\n`));
    const permissions = join(dir, "src", "acme_api", "admin", "permissions.py");
    writeFileSync(permissions, `# The user's note on roles.\n${readFileSync(permissions, "utf8")}`);
    await commitAll(dir, "user edits");

    const update = async (set: string) => {
      const rec = recordingIo(dir);
      const code = await runUpdate(rec.io, ["--set", set, "--json"], new Cleanup());
      return { code, report: JSON.parse(rec.stdout()) as { files: Array<{ path: string; outcome: string }> } };
    };
    const off = await update("rbac=false");
    expect(off.code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "src", "acme_api", "admin", "routes.py"))).toBe(false);
    expect(off.report.files).toContainEqual({ path: "src/acme_api/admin/permissions.py", outcome: "edited-dropped" });
    expect(readFileSync(ownership, "utf8")).toContain("# A line the user added.");
    expect(readFileSync(ownership, "utf8")).not.toContain("has_permission");
    await commitAll(dir, "no RBAC");

    const on = await update("rbac=true");
    expect(on.code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "src", "acme_api", "admin", "routes.py"))).toBe(true);
    expect(readFileSync(permissions, "utf8")).toContain("# The user's note on roles.");
    expect(readFileSync(ownership, "utf8")).toContain("# A line the user added.");
    expect(readFileSync(ownership, "utf8")).toContain("has_permission");

    const env = { PATH: `${bin}:${process.env.PATH ?? ""}`, PYTHONPATH: join(dir, "src"), HOME: process.env.HOME ?? work, MYPY_CACHE_DIR: sharedMypyCache(bin), APP_ENV: "test" };
    await expectGatesPass(bin, dir, env);
    removeDir(work);
  }, 900_000);
});
