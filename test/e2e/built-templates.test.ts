// The bin renders from the catalog the build precompiled (src/render/built.ts),
// the in-process tests from templates/ compiled at run time: each named preset
// made by the built bin must equal its committed snapshot byte for byte, so
// both paths are held to the same output.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PRESETS_DIR } from "../../scripts/snapshots.js";
import { presetNames } from "../../src/presets.js";
import { listFiles, runCli, tempDir } from "../helpers.js";

const work = tempDir("cbs-built-");
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the built bin's precompiled templates", () => {
  it.each(presetNames())("preset %s renders exactly its snapshot", async (preset) => {
    const cwd = join(work, preset);
    rmSync(cwd, { recursive: true, force: true });
    const run = await runCli(["--name", "Acme API", "--preset", preset, "--yes", "--no-install", "--no-git"], { cwd: work });
    expect(run.exitCode, run.stderr).toBe(0);
    const project = join(work, "acme-api");
    const expected = join(PRESETS_DIR, preset);
    const files = listFiles(project);
    expect(files).toEqual(listFiles(expected));
    for (const path of files) expect(readFileSync(join(project, path)).equals(readFileSync(join(expected, path))), path).toBe(true);
    rmSync(project, { recursive: true, force: true });
  });
});
