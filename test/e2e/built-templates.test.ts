// The bin renders from the catalog the build precompiled (src/render/built.ts),
// the in-process tests from templates/ compiled at run time: each named preset
// made by the built bin must equal its committed snapshot byte for byte, so
// both paths are held to the same output.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { PRESETS_DIR } from "../../scripts/snapshots.js";
import { presetNames } from "../../src/presets.js";
import { BIN, listFiles, runCli, tempDir } from "../helpers.js";

const work = tempDir("cbs-built-");
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the built bin's precompiled templates", () => {
  it.each(presetNames())("preset %s renders exactly its snapshot", async (preset) => {
    const cwd = join(work, preset);
    rmSync(cwd, { recursive: true, force: true });
    const run = await runCli(["--name", "Acme API", "--preset", preset, "--yes", "--no-install", "--no-git"], { cwd: work });
    expect(run.exitCode, run.stderr).toBe(0);
    expectSnapshot(preset, join(work, "acme-api"));
  });

  // V8 rejects a code cache made under other flags (src/code-cache.ts), as it does one from another Node.
  it("renders the same with its code caches rejected, compiling from source", async () => {
    const cwd = tempDir("cbs-built-nocache-");
    try {
      const args = ["--no-flush-bytecode", BIN, "--name", "Acme API", "--preset", "default", "--yes", "--no-install", "--no-git"];
      const run = await execa("node", args, { cwd, env: { CI: "true" }, reject: false, stdin: "ignore" });
      expect(run.exitCode, String(run.stderr)).toBe(0);
      expect(String(run.stderr)).toBe("");
      expectSnapshot("default", join(cwd, "acme-api"));
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

/** The project equals the preset's committed snapshot byte for byte; it is removed after. */
function expectSnapshot(preset: string, project: string): void {
  const expected = join(PRESETS_DIR, preset);
  const files = listFiles(project);
  expect(files).toEqual(listFiles(expected));
  for (const path of files) expect(readFileSync(join(project, path)).equals(readFileSync(join(expected, path))), path).toBe(true);
  rmSync(project, { recursive: true, force: true });
}
