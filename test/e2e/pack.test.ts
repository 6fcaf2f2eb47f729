// What npm users get is the packed tarball, not this tree: npm drops some
// dotfiles and anything not in "files". Install the tarball into a fresh
// folder and check it generates the same project as the sources do, and that
// it ships only what runs, under our scoped name.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "../../src/options.js";
import { listFiles, removeDir, ROOT, runCli, tempDir } from "../helpers.js";

interface PackedFile {
  path: string;
}

interface InstalledManifest {
  name: string;
  description: string;
  bin: Record<string, string>;
  scripts?: Record<string, string>;
  license: string;
}

describe("the npm package", () => {
  it("ships only what runs (no source maps, scripts or tests), with a LICENSE", async () => {
    const { stdout } = await execa("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT });
    const [packed] = JSON.parse(stdout) as Array<{ name: string; files: PackedFile[] }>;
    const paths = (packed?.files ?? []).map((f) => f.path);
    expect(packed?.name).toBe("@backend-starter/create");
    expect(paths).toContain("LICENSE");
    expect(paths).toContain("dist/src/bin.cjs");
    expect(paths).toContain("dist/catalog/index.json");
    expect(paths.filter((p) => p.endsWith(".map") || p.startsWith("dist/scripts/") || p.startsWith("test/") || p.endsWith(".ts"))).toEqual([]);
    expect(paths.filter((p) => !/^(dist\/(src|generators|catalog)\/|templates\/|LICENSE$|README\.md$|package\.json$)/.test(p))).toEqual([]);
  });

  it("installed from `npm pack` generates the complete project, dotfiles included", async () => {
    const work = tempDir("cbs-pack-");
    const { stdout } = await execa("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT });
    const tarball = join(work, stdout.trim().split("\n").pop() ?? "");
    const app = join(work, "app");
    await execa("mkdir", ["-p", app]);
    await execa("npm", ["install", "--silent", "--no-audit", "--no-fund", "--prefix", app, tarball]);
    const installed = join(app, "node_modules", "@backend-starter", "create");

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

    // `backend-starter` is the other bin, run from inside the project.
    const check = await execa(join(app, "node_modules", ".bin", "backend-starter"), ["check"], { cwd: join(fromPackage, "acme-api"), reject: false });
    expect(check.exitCode, String(check.stderr)).toBe(0);

    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as InstalledManifest;
    // `npm create @backend-starter` runs @backend-starter/create's bin: npm picks it
    // when every bin is the same file (no bin is named "create").
    expect(Object.keys(manifest.bin).sort()).toEqual(["backend-starter", "create-backend-starter"]);
    expect(new Set(Object.values(manifest.bin)).size).toBe(1);
    expect(manifest.license).toBe("MIT");
    expect(manifest.scripts?.prepare).toBeUndefined();
    // The registry's one line names what a user can generate: each offered framework, no other.
    for (const { label, available } of FRAMEWORKS) expect(manifest.description.includes(label), label).toBe(available);
    // No README line may send a user to the unrelated unscoped packages.
    const readme = readFileSync(join(installed, "README.md"), "utf8");
    expect(readme).not.toMatch(/npx (create-)?backend-starter\b/);
    expect(readme).not.toMatch(/npm (create|init) (create-)?backend-starter\b/);
    expect(readme).toContain("npx --package @backend-starter/create backend-starter");
    expect(readme).not.toContain("../shared/");
    removeDir(work);
  }, 300_000);
});
