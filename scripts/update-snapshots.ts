// `npm run snapshots`: rewrites test/snapshot/presets/* and combinations.json
// from the current templates. Review the git diff before committing it.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PACKAGE_ROOT } from "../src/paths.js";
import { combinationHashes, presetTrees } from "./snapshots.js";

const SNAPSHOT_DIR = join(PACKAGE_ROOT, "test", "snapshot");

async function main(): Promise<void> {
  const presetsDir = join(SNAPSHOT_DIR, "presets");
  await rm(presetsDir, { recursive: true, force: true });
  for (const [preset, plan] of await presetTrees()) {
    for (const [path, content] of plan) {
      const file = join(presetsDir, preset, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  }
  const hashes = await combinationHashes();
  await writeFile(join(SNAPSHOT_DIR, "combinations.json"), `${JSON.stringify(hashes, null, 2)}\n`);
  process.stdout.write(`Wrote ${Object.keys(hashes).length} combination maps and the preset trees to ${SNAPSHOT_DIR}\n`);
}

await main();
