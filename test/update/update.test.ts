// `update` between two fixture template versions, one file per case of the
// decision table (issue 4), in a real git repository.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCheck, runDiff, runUpdate } from "../../src/commands/project-commands.js";
import { Cleanup } from "../../src/context.js";
import { EXIT } from "../../src/errors.js";
import { type Answers } from "../../src/options.js";
import { defaultAnswers } from "../../src/constraints.js";
import type { UpdateSource } from "../../src/update/plan.js";
import { removeDir, ROOT, tempDir } from "../helpers.js";
import { commitAll, generateProject, git, recordingIo } from "../support/project.js";

const FIXTURES = join(ROOT, "test", "fixtures", "update");
const answers: Answers = { ...defaultAnswers(), auth: "none", rbac: false, tests: ["unit"], docker: true, ci: "none" };
const V2: UpdateSource = {
  templatesDir: join(FIXTURES, "v2"),
  version: "0.2.0",
  migrations: [{ version: "0.2.0", renames: { "old-name.txt": "new-name.txt" } }],
};

let dir: string;
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const write = (path: string, text: string) => writeFileSync(join(dir, path), text);

async function update(args: string[] = [], source = V2) {
  const rec = recordingIo(dir);
  const code = await runUpdate(rec.io, args, new Cleanup(), source);
  return { code, out: rec.stdout() };
}

beforeEach(async () => {
  dir = tempDir("cbs-update-");
  await generateProject(dir, join(FIXTURES, "v1"), answers, "0.1.0");
  await git(dir, "init", "--quiet");
  await commitAll(dir, "generated v1");
  // The user's edits.
  write("conflict.txt", "alpha\nbeta\ngamma edited by the user\ndelta\n");
  write("config.txt", read("config.txt").replace("line 7", "line 7 edited by the user"));
  write("removed-edited.txt", "edited and dropped\nplus a user line\n");
  write("old-name.txt", "one\ntwo edited by the user\nthree\n");
  writeFileSync(join(dir, "logo.bin"), Buffer.from("logo\0user"));
  rmSync(join(dir, "user-deletes.txt"));
  write("user-file.txt", "mine\n");
  await commitAll(dir, "user edits");
});

afterEach(() => removeDir(dir));

describe("update v1 -> v2", () => {
  it("applies the decision table file by file", async () => {
    const { code, out } = await update(["--json"]);
    const report = JSON.parse(out) as { files: Array<{ path: string; outcome: string }>; conflicts: string[]; exitCode: number };
    const outcome = Object.fromEntries(report.files.map((f) => [f.path, f.outcome]));

    // Untouched by the user, changed by the templates: the new version.
    // Edited by the user, changed elsewhere by the templates: merged cleanly.
    expect(outcome["config.txt"]).toBe("merged");
    expect(read("config.txt")).toContain("line 2 changed by templates");
    expect(read("config.txt")).toContain("line 7 edited by the user");
    // The same lines changed on both sides: standard conflict markers, exit 3.
    expect(outcome["conflict.txt"]).toBe("conflict");
    expect(read("conflict.txt")).toMatch(/<<<<<<< yours\ngamma edited by the user\n(\|\|\|\|\|\|\| base\ngamma\n)?=======\nGAMMA FROM TEMPLATES\n>>>>>>> templates\n/);
    expect(code).toBe(EXIT.conflicts);
    expect(report.conflicts).toContain("conflict.txt");
    // Added by the templates.
    expect(outcome["added.txt"]).toBe("added");
    expect(read("added.txt")).toBe("a file the new templates add\n");
    // Dropped by the templates: deleted when untouched, kept and reported when edited.
    expect(outcome["removed-unedited.txt"]).toBe("deleted");
    expect(existsSync(join(dir, "removed-unedited.txt"))).toBe(false);
    expect(outcome["removed-edited.txt"]).toBe("edited-dropped");
    expect(read("removed-edited.txt")).toContain("plus a user line");
    // Renamed by a migration: the user's edit moves along and merges with the template change.
    expect(existsSync(join(dir, "old-name.txt"))).toBe(false);
    expect(read("new-name.txt")).toBe("one\ntwo edited by the user\nthree\nfour from templates\n");
    // Binary changed on both sides: the user's kept, the new one beside it.
    expect(outcome["logo.bin"]).toBe("binary-conflict");
    expect(readFileSync(join(dir, "logo.bin"))).toEqual(Buffer.from("logo\0user"));
    expect(readFileSync(join(dir, "logo.bin.new"))).toEqual(Buffer.from("logo\0v2"));
    // Deleted by the user: stays deleted, reported.
    expect(outcome["user-deletes.txt"]).toBe("user-deleted");
    expect(existsSync(join(dir, "user-deletes.txt"))).toBe(false);
    // The user's own file is not touched.
    expect(read("user-file.txt")).toBe("mine\n");
    expect(outcome["user-file.txt"]).toBeUndefined();
  });

  it("marks conflicts unmerged in git's index, as git merge does", async () => {
    await update();
    const status = await git(dir, "status", "--porcelain");
    expect(status).toMatch(/^UU conflict\.txt$/m);
    expect(await git(dir, "show", ":3:conflict.txt")).toBe("alpha\nbeta\nGAMMA FROM TEMPLATES\ndelta");
  });

  it("moves the base forward: a second update changes nothing", async () => {
    await update();
    await git(dir, "checkout", "--theirs", "--", "conflict.txt").catch(() => undefined);
    write("conflict.txt", "alpha\nbeta\nresolved\ndelta\n");
    await commitAll(dir, "resolved");
    const before = await git(dir, "rev-parse", "HEAD^{tree}");
    const second = await update(["--json"]);
    expect(second.code).toBe(EXIT.ok);
    // Only the standing facts are reported again; the dropped file was reported once.
    expect(JSON.parse(second.out).files).toEqual([{ path: "user-deletes.txt", outcome: "user-deleted" }]);
    await commitAll(dir, "after second update");
    expect(await git(dir, "rev-parse", "HEAD^{tree}")).toBe(before);
  });

  it("refuses a dirty tree unless --allow-dirty, and writes nothing", async () => {
    write("config.txt", "uncommitted\n");
    await expect(update()).rejects.toThrow(/uncommitted changes \(config\.txt\).*--allow-dirty/);
    expect(read("config.txt")).toBe("uncommitted\n");
    expect(existsSync(join(dir, "added.txt"))).toBe(false);
    const { code } = await update(["--allow-dirty"]);
    expect(code).toBe(EXIT.conflicts);
    expect(existsSync(join(dir, "added.txt"))).toBe(true);
  });

  it("--dry-run reports the same plan and writes nothing", async () => {
    const head = await git(dir, "status", "--porcelain");
    const dry = await update(["--dry-run", "--json"]);
    expect(JSON.parse(dry.out).conflicts).toEqual(["conflict.txt", "logo.bin"]);
    expect(await git(dir, "status", "--porcelain")).toBe(head);
    expect(existsSync(join(dir, "added.txt"))).toBe(false);
  });

  it("check says behind with exit 3, and diff shows the pending change", async () => {
    const rec = recordingIo(dir);
    expect(await runCheck(rec.io, [], V2)).toBe(EXIT.behind);
    expect(rec.stdout()).toMatch(/Behind: generated with 0\.1\.0, templates are 0\.2\.0/);
    const same = recordingIo(dir);
    expect(await runCheck(same.io, [], { templatesDir: join(FIXTURES, "v1"), version: "0.1.0", migrations: [] })).toBe(EXIT.ok);
    const diff = recordingIo(dir);
    await runDiff(diff.io, [], V2);
    expect(diff.stdout()).toContain("+++ b/config.txt");
    expect(diff.stdout()).toContain("+line 2 changed by templates");
  });

  it("--set changes answers: files of a dropped option go, and come back", async () => {
    const v1: UpdateSource = { templatesDir: join(FIXTURES, "v1"), version: "0.1.0", migrations: [] };
    write("Dockerfile", "FROM python:3.11-slim\n# a user line\n");
    await commitAll(dir, "edit Dockerfile");
    const off = await update(["--set", "docker=false", "--json"], v1);
    expect(JSON.parse(off.out).files).toContainEqual({ path: "Dockerfile", outcome: "edited-dropped" });
    expect(read("settings.txt")).toBe("docker: false\n");
    await commitAll(dir, "docker off");
    const on = await update(["--set", "docker=true", "--json"], v1);
    expect(on.code).toBe(EXIT.ok);
    expect(read("Dockerfile")).toContain("# a user line");
    expect(read("settings.txt")).toBe("docker: true\n");
  });

  it("refuses bad --set values and unknown keys with usage errors", async () => {
    await expect(update(["--set", "db=oracle"])).rejects.toThrow(/--set db must be one of/);
    await expect(update(["--set", "colour=blue"])).rejects.toThrow(/unknown answer/);
    await expect(update(["--set", "docker"])).rejects.toThrow(/key=value/);
  });

  it("refuses to change the framework in one line, and writes nothing", async () => {
    const before = await git(dir, "status", "--porcelain");
    const refused = update(["--set", "framework=flask"]);
    await expect(refused).rejects.toThrow(/^--set framework=flask: a project's framework cannot change \(this one is fastapi\); generate a new project with --framework flask and move your code over\.$/);
    expect(await git(dir, "status", "--porcelain")).toBe(before);
    // The value it has already is no change, and no refusal.
    await expect(update(["--set", "framework=fastapi", "--dry-run"])).resolves.toBeDefined();
  });
});
