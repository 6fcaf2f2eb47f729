// The rendered output must equal the committed snapshot: the preset trees in
// full, and every offered combination against test/snapshot/variants (one file
// per path, variants folded in) and variants.json (when each path is rendered).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  PRESETS_DIR,
  presetTrees,
  renderAllCombinations,
  renderCombination,
  storedFolded,
  storedIndex,
  VARIANT_INDEX_FILE,
  VARIANTS_DIR,
  WHOLE_PROJECT_FILES,
} from "../../scripts/snapshots.js";
import { buildVariants, conditionHolds, formatIndex, unfold } from "../../scripts/variants.js";
import { validCombinations } from "../../src/constraints.js";
import { listFiles } from "../helpers.js";

const HINT = "templates changed without new snapshots: run `npm run snapshots` and review the diff";

describe("snapshots", async () => {
  // Rendering is the slow part (every combination), so it happens once for all the checks below.
  const combos = await renderAllCombinations();

  it("the full tree of every named preset matches test/snapshot/presets", async () => {
    for (const [preset, plan] of await presetTrees()) {
      const dir = join(PRESETS_DIR, preset);
      expect(existsSync(dir), `${preset}: ${HINT}`).toBe(true);
      expect(listFiles(dir), `${preset} file list: ${HINT}`).toEqual([...plan.keys()].sort());
      // The manifest and base embed every file: compared last, so a failure names the edited file first.
      const ordered = [...plan].sort(([a], [b]) => Number(WHOLE_PROJECT_FILES.includes(a)) - Number(WHOLE_PROJECT_FILES.includes(b)));
      for (const [path, content] of ordered) {
        const stored = readFileSync(join(dir, path));
        const where = `${preset}/${path}: ${HINT}`;
        // The gzipped clean base is binary: compared byte for byte, text as text for a readable diff.
        if (content.includes(0)) expect(stored.equals(content), where).toBe(true);
        else expect(stored.toString("utf8"), where).toBe(content.toString("utf8"));
      }
    }
  });

  it("every offered combination renders what test/snapshot/variants holds", () => {
    const index = storedIndex();
    for (const { id, answers, files } of combos) {
      const expected = Object.keys(index).filter((path) => conditionHolds(index[path]?.renderedWhen ?? "", answers));
      expect([...files.keys()].sort(), `${id}: the rendered paths differ from variants.json; ${HINT}`).toEqual(expected.sort());
      for (const [path, content] of files) {
        const folded = storedFolded(path);
        const where = `${id}: ${path} differs from test/snapshot/variants/${path}; ${HINT}`;
        expect(folded, where).toBeDefined();
        expect(content.toString("utf8"), where).toBe(unfold(folded ?? "", answers));
      }
    }
  });

  it("holds nothing stale: the index and files are exactly what `npm run snapshots` writes", () => {
    const { index, files } = buildVariants(combos);
    expect(readFileSync(VARIANT_INDEX_FILE, "utf8"), `variants.json: ${HINT}`).toBe(formatIndex(index));
    expect(listFiles(VARIANTS_DIR), `test/snapshot/variants file list: ${HINT}`).toEqual([...files.keys()].sort());
    for (const [path, text] of files) expect(storedFolded(path), `test/snapshot/variants/${path}: ${HINT}`).toBe(text);
    // Folding every combination's files grows with the matrix (1092 combinations took 42 s on a busy 2-core machine).
  }, 120_000);

  it("renders the manifest and the clean base byte-identically every time", async () => {
    // They embed every other file, so they are left out of the variants; the
    // preset trees hold them, and this holds them to one output per input.
    const all = validCombinations();
    for (const answers of [all[0], all[all.length - 1]]) {
      if (!answers) continue;
      const [first, second] = [await renderCombination(answers), await renderCombination(answers)];
      for (const path of WHOLE_PROJECT_FILES) {
        expect(first.get(path), path).toBeDefined();
        expect(first.get(path)?.equals(second.get(path) ?? Buffer.alloc(0)), path).toBe(true);
      }
    }
  });
});
