import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { combinationHashes, presetTrees } from "../../scripts/snapshots.js";
import { listFiles, ROOT } from "../helpers.js";

const SNAPSHOT_DIR = join(ROOT, "test", "snapshot");
const HINT = "templates changed without new snapshots: run `npm run snapshots` and review the diff";

describe("snapshots", () => {
  it("the full tree of every named preset matches test/snapshot/presets", async () => {
    for (const [preset, plan] of await presetTrees()) {
      const dir = join(SNAPSHOT_DIR, "presets", preset);
      expect(existsSync(dir), `${preset}: ${HINT}`).toBe(true);
      expect(listFiles(dir), `${preset} file list: ${HINT}`).toEqual([...plan.keys()].sort());
      for (const [path, content] of plan) {
        expect(readFileSync(join(dir, path), "utf8"), `${preset}/${path}: ${HINT}`).toBe(content.toString("utf8"));
      }
    }
  });

  it("every offered combination matches its path -> hash map", async () => {
    const stored = JSON.parse(readFileSync(join(SNAPSHOT_DIR, "combinations.json"), "utf8")) as unknown;
    expect(await combinationHashes(), HINT).toEqual(stored);
  });
});
