// The rendered output the snapshot tests hold templates to: the full tree of
// each named preset, and a path -> sha256 map for every offered combination.
// `npm run snapshots` rewrites them; the tests fail when templates change
// without it, so every template change shows up as a reviewable diff.
import { planProject } from "../generators/index.js";
import { sha256 } from "../src/io/hash.js";
import { withManifest } from "../src/io/manifest.js";
import { projectNames } from "../src/names.js";
import { type Answers, combinationId, validCombinations } from "../src/options.js";
import { TEMPLATES_DIR } from "../src/paths.js";
import { presetAnswers, presetNames } from "../src/presets.js";
import type { Plan } from "../src/render/render.js";

/** Snapshots use one fixed name, so they change only when templates do. */
export const SNAPSHOT_NAME = "Acme API";

export async function renderCombination(answers: Answers, templatesDir = TEMPLATES_DIR): Promise<Plan> {
  const names = projectNames(SNAPSHOT_NAME);
  const { plan } = await planProject({ names, answers, templatesDir });
  return withManifest(names, answers, plan);
}

export async function presetTrees(): Promise<Map<string, Plan>> {
  const trees = new Map<string, Plan>();
  for (const name of presetNames()) trees.set(name, await renderCombination(presetAnswers(name)));
  return trees;
}

export type HashMap = Record<string, Record<string, string>>;

export async function combinationHashes(): Promise<HashMap> {
  const out: HashMap = {};
  for (const answers of validCombinations()) {
    const plan = await renderCombination(answers);
    out[combinationId(answers)] = Object.fromEntries([...plan].map(([path, content]) => [path, sha256(content)]));
  }
  return out;
}
