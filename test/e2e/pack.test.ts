// What npm users get is the packed tarball, not this tree: npm drops some
// dotfiles and anything not in "files". Install the tarball into a fresh
// folder and check it generates the same project as the sources do.
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { listFiles, removeDir, ROOT, runCli, tempDir } from "../helpers.js";

describe("the npm package", () => {
  it("installed from `npm pack` generates the complete project, dotfiles included", async () => {
    const work = tempDir("cbs-pack-");
    const { stdout } = await execa("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT });
    const tarball = join(work, stdout.trim().split("\n").pop() ?? "");
    const app = join(work, "app");
    await execa("mkdir", ["-p", app]);
    await execa("npm", ["install", "--silent", "--no-audit", "--no-fund", "--prefix", app, tarball]);

    const fromPackage = join(work, "from-package");
    const fromSource = join(work, "from-source");
    await execa("mkdir", ["-p", fromPackage, fromSource]);
    const packed = await execa(join(app, "node_modules", ".bin", "create-backend-starter"), ["acme-api", "--yes", "--no-install", "--no-git"], {
      cwd: fromPackage,
      reject: false,
      env: { CI: "true" },
    });
    expect(packed.exitCode, String(packed.stderr)).toBe(0);
    const source = await runCli(["acme-api", "--yes", "--no-install", "--no-git"], { cwd: fromSource });
    expect(source.exitCode, source.stderr).toBe(0);

    const files = listFiles(join(fromPackage, "acme-api"));
    expect(files).toEqual(listFiles(join(fromSource, "acme-api")));
    for (const dotfile of [".gitignore", ".env.example", ".backend-starter.json", ".dockerignore", ".github/workflows/ci.yml"]) {
      expect(files).toContain(dotfile);
    }
    removeDir(work);
  }, 300_000);
});
