// `npm run snapshots`: rewrites test/snapshot/presets/*, test/snapshot/variants/
// and test/snapshot/variants.json from the current templates. Review the git
// diff before committing it: a template edit shows as the edited lines, once.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PRESETS_DIR, presetTrees, renderAllCombinations, VARIANT_INDEX_FILE, VARIANTS_DIR } from "./snapshots.js";
import { buildVariants, formatIndex } from "./variants.js";

async function writeTree(root: string, files: Iterable<[string, Buffer | string]>): Promise<void> {
  // Start empty, so files the templates no longer render disappear from the diff too.
  await rm(root, { recursive: true, force: true });
  for (const [path, content] of files) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

async function main(): Promise<void> {
  // Emptied as a whole, so a removed preset's tree goes too.
  await rm(PRESETS_DIR, { recursive: true, force: true });
  for (const [preset, plan] of await presetTrees()) await writeTree(join(PRESETS_DIR, preset), plan);
  const combos = await renderAllCombinations();
  const { index, files } = buildVariants(combos);
  await writeTree(VARIANTS_DIR, files);
  await writeFile(VARIANT_INDEX_FILE, formatIndex(index));
  const paths = Object.keys(index).length;
  process.stdout.write(`Wrote ${paths} paths (every variant folded in) for ${combos.length} combinations, and the preset trees\n`);
}

await main();
