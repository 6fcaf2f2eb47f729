// writePlan: all-or-nothing writing, and the Cleanup that undoes it. Every
// rollback test compares the whole parent folder (files, contents, folders,
// symlinks, hidden entries) with what it was before.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cleanup } from "../../src/context.js";
import { UserError } from "../../src/errors.js";
import { STAGING_PREFIX } from "../../src/io/transaction.js";
import { writePlan } from "../../src/io/write.js";
import type { Plan } from "../../src/plan.js";
import { removeDir, tempDir } from "../helpers.js";

const NEW = { force: false, overwrite: false };
const FORCE = { force: true, overwrite: false };
const OVERWRITE = { force: true, overwrite: true };

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** A fresh parent folder; the project goes in parent/proj. */
function setup(files: Record<string, string> | null = null): { parent: string; dir: string } {
  const parent = tempDir("cbs-write-");
  dirs.push(parent);
  const dir = join(parent, "proj");
  if (files !== null) {
    mkdirSync(dir);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  }
  return { parent, dir };
}

function plan(files: Record<string, string>): Plan {
  return new Map(Object.entries(files).map(([path, content]) => [path, Buffer.from(content)]));
}

/** Everything below dir: files with content, folders, symlinks with their target. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      const rel = `${prefix}${entry}`;
      const info = lstatSync(full);
      if (info.isSymbolicLink()) out[rel] = `-> ${readlinkSync(full)}`;
      else if (info.isDirectory()) {
        out[`${rel}/`] = "dir";
        walk(full, `${rel}/`);
      } else out[rel] = readFileSync(full, "utf8");
    }
  };
  walk(dir, "");
  return out;
}

/** Staging folders and backups anywhere below dir. */
function stagingLeft(dir: string): string[] {
  return Object.keys(snapshot(dir)).filter((p) => p.includes(STAGING_PREFIX));
}

const PROJECT = plan({
  ".gitignore": ".env\n",
  "README.md": "# Proj\n",
  "pyproject.toml": "[project]\n",
  "src/proj/__init__.py": "",
  "src/proj/app.py": "app = 1\n",
  "tests/unit/test_app.py": "def test() -> None: ...\n",
});

/** What the plan looks like written below `prefix`, in snapshot form. */
function written(p: Plan, prefix: string): Record<string, string> {
  const out: Record<string, string> = { [`${prefix}/`]: "dir" };
  for (const [path, content] of p) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) out[`${prefix}/${parts.slice(0, i).join("/")}/`] = "dir";
    out[`${prefix}/${path}`] = content.toString("utf8");
  }
  return out;
}

describe("writing a new project", () => {
  it("creates a missing folder with exactly the plan, and no staging beside it", async () => {
    const { parent, dir } = setup();
    const result = await writePlan(dir, PROJECT, NEW, false, new Cleanup());
    expect(result.written).toEqual([...PROJECT.keys()]);
    expect(result.unchanged).toEqual([]);
    expect(result.replaced).toEqual([]);
    expect(snapshot(parent)).toEqual(written(PROJECT, "proj"));
    await result.finalize();
    expect(snapshot(parent)).toEqual(written(PROJECT, "proj"));
  });

  it("fills an existing empty folder", async () => {
    const { parent, dir } = setup({});
    await writePlan(dir, PROJECT, NEW, false, new Cleanup());
    expect(snapshot(parent)).toEqual(written(PROJECT, "proj"));
  });

  it("renders in a staging folder beside the target: a folder that appeared meanwhile is never half-written", async () => {
    // The target filled up after the emptiness check: the final rename fails,
    // so not a single planned file lands in it.
    const { parent, dir } = setup({ "theirs.txt": "theirs\n" });
    const before = snapshot(parent);
    const cleanup = new Cleanup();
    await expect(writePlan(dir, PROJECT, NEW, false, cleanup)).rejects.toThrow();
    expect(snapshot(dir)).toEqual({ "theirs.txt": "theirs\n" });
    await cleanup.run();
    expect(snapshot(parent)).toEqual(before);
  });

  it("a plan that cannot be written (a file and a folder of the same name) leaves nothing", async () => {
    const { parent, dir } = setup();
    const cleanup = new Cleanup();
    await expect(writePlan(dir, plan({ "a.txt": "1\n", src: "file\n", "src/b.py": "2\n" }), NEW, false, cleanup)).rejects.toThrow();
    expect(existsSync(dir)).toBe(false);
    await cleanup.run();
    expect(snapshot(parent)).toEqual({});
  });

  it("makes the missing folders of a path, and a failure removes them again", async () => {
    const { parent } = setup();
    const deep = join(parent, "services", "billing", "proj");
    await writePlan(deep, PROJECT, NEW, false, new Cleanup());
    expect(snapshot(join(parent, "services", "billing"))).toEqual(written(PROJECT, "proj"));

    const cleanup = new Cleanup();
    const other = join(parent, "more", "deeper", "proj");
    await expect(writePlan(other, plan({ src: "file\n", "src/b.py": "2\n" }), NEW, false, cleanup)).rejects.toThrow();
    await cleanup.run();
    expect(existsSync(join(parent, "more"))).toBe(false);
    expect(existsSync(join(parent, "services", "billing", "proj", "README.md"))).toBe(true);
  });

  it("rolling back leaves a made parent that something else wrote into meanwhile", async () => {
    const { parent } = setup();
    const cleanup = new Cleanup();
    await writePlan(join(parent, "apis", "proj"), PROJECT, NEW, false, cleanup);
    writeFileSync(join(parent, "apis", "notes.txt"), "mine\n");
    await cleanup.run();
    expect(snapshot(parent)).toEqual({ "apis/": "dir", "apis/notes.txt": "mine\n" });
  });
});

describe("rolling back a new project", () => {
  it("cleanup.run() after a successful write removes the new folder and everything in it", async () => {
    const { parent, dir } = setup();
    const cleanup = new Cleanup();
    await writePlan(dir, PROJECT, NEW, false, cleanup);
    expect(existsSync(join(dir, "src/proj/app.py"))).toBe(true);
    await cleanup.run();
    expect(snapshot(parent)).toEqual({});
  });

  it("cleanup.run() puts back the empty folder the project was written into", async () => {
    const { parent, dir } = setup({});
    const cleanup = new Cleanup();
    await writePlan(dir, PROJECT, NEW, false, cleanup);
    await cleanup.run();
    expect(snapshot(parent)).toEqual({ "proj/": "dir" });
  });

  it("cleanup.commit() makes the result final", async () => {
    const { parent, dir } = setup();
    const cleanup = new Cleanup();
    await writePlan(dir, PROJECT, NEW, false, cleanup);
    cleanup.commit();
    await cleanup.run();
    expect(snapshot(parent)).toEqual(written(PROJECT, "proj"));
  });
});

describe("writing into an existing folder (--force)", () => {
  it("keeps unrelated files, skips identical ones and adds the rest", async () => {
    const { parent, dir } = setup({ "notes.txt": "mine\n", "README.md": "# Proj\n", "src/other.py": "x = 1\n" });
    const result = await writePlan(dir, PROJECT, FORCE, true, new Cleanup());
    expect(result.unchanged).toEqual(["README.md"]);
    expect(result.written).toEqual([...PROJECT.keys()].filter((p) => p !== "README.md"));
    expect(result.replaced).toEqual([]);
    await result.finalize();
    expect(snapshot(parent)).toEqual({ ...written(PROJECT, "proj"), "proj/notes.txt": "mine\n", "proj/src/other.py": "x = 1\n" });
  });

  it("refuses files whose content differs, naming them, and changes nothing", async () => {
    const { parent, dir } = setup({ "README.md": "# Mine\n", "pyproject.toml": "# mine\n", "notes.txt": "mine\n" });
    const before = snapshot(parent);
    const cleanup = new Cleanup();
    const attempt = writePlan(dir, PROJECT, FORCE, true, cleanup);
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(/2 file\(s\) already exist with other content \(README\.md, pyproject\.toml\).*--overwrite/);
    expect(snapshot(parent)).toEqual(before);
    await cleanup.run();
    expect(snapshot(parent)).toEqual(before);
  });

  it("with --overwrite replaces them", async () => {
    const { parent, dir } = setup({ "README.md": "# Mine\n", "notes.txt": "mine\n" });
    const result = await writePlan(dir, PROJECT, OVERWRITE, true, new Cleanup());
    expect(result.replaced).toEqual(["README.md"]);
    expect(result.written).toEqual([...PROJECT.keys()].filter((p) => p !== "README.md"));
    await result.finalize();
    expect(snapshot(parent)).toEqual({ ...written(PROJECT, "proj"), "proj/notes.txt": "mine\n" });
  });

  it("finalize() drops the staging folder and the backups", async () => {
    const { dir } = setup({ "README.md": "# Mine\n" });
    const result = await writePlan(dir, PROJECT, OVERWRITE, true, new Cleanup());
    await result.finalize();
    expect(stagingLeft(dir)).toEqual([]);
  });

  it("a path that is a folder where the plan has a file fails and changes nothing", async () => {
    const { parent, dir } = setup({ "README.md/keep.txt": "mine\n" });
    const before = snapshot(parent);
    const cleanup = new Cleanup();
    await expect(writePlan(dir, PROJECT, OVERWRITE, true, cleanup)).rejects.toThrow();
    await cleanup.run();
    expect(snapshot(parent)).toEqual(before);
  });
});

describe("rolling back a write into an existing folder", () => {
  const existing = { "notes.txt": "mine\n", "README.md": "# Mine\n", "pyproject.toml": "[project]\n", "src/other.py": "x = 1\n" };

  it("cleanup.run() after a successful --force --overwrite restores every file and removes every new folder", async () => {
    const { parent, dir } = setup(existing);
    const before = snapshot(parent);
    const cleanup = new Cleanup();
    const result = await writePlan(dir, PROJECT, OVERWRITE, true, cleanup);
    expect(result.replaced).toEqual(["README.md"]);
    expect(result.unchanged).toEqual(["pyproject.toml"]);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("# Proj\n");
    await cleanup.run();
    expect(snapshot(parent)).toEqual(before);
  });

  it("cleanup.run() after a successful --force removes what it added", async () => {
    const { parent, dir } = setup({ "notes.txt": "mine\n" });
    const before = snapshot(parent);
    const cleanup = new Cleanup();
    await writePlan(dir, PROJECT, FORCE, true, cleanup);
    await cleanup.run();
    expect(snapshot(parent)).toEqual(before);
  });

  it("a failure midway (after some files moved in) is undone by cleanup.run()", async () => {
    // `zz` is a dangling symlink, so creating the folder for zz/late.py fails
    // after a.txt has been added and README.md replaced.
    const { parent, dir } = setup(existing);
    symlinkSync("nowhere", join(dir, "zz"));
    const before = snapshot(parent);
    const cleanup = new Cleanup();
    const failing = plan({ "README.md": "# Proj\n", "a.txt": "new\n", "new/deep/b.py": "b = 2\n", "zz/late.py": "late = 1\n" });
    await expect(writePlan(dir, failing, OVERWRITE, true, cleanup)).rejects.toThrow();
    // It really failed midway: part of the plan was already in place.
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("new\n");
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("# Proj\n");
    await cleanup.run();
    expect(snapshot(parent)).toEqual(before);
  });

  it("runs every undo even when one of them fails", async () => {
    const cleanup = new Cleanup();
    const ran: string[] = [];
    cleanup.add(async () => void ran.push("first"));
    cleanup.add(async () => {
      throw new Error("broken undo");
    });
    cleanup.add(async () => void ran.push("last"));
    await cleanup.run();
    expect(ran).toEqual(["last", "first"]);
    await cleanup.run();
    expect(ran).toEqual(["last", "first"]);
  });
});
