// The rendered output the snapshot tests hold templates to: the full tree of
// each named preset, and every file of every offered combination, one file per
// path with its variants folded in (variants.ts). `npm run snapshots` rewrites them;
// the tests fail when templates change without it, so every template change
// shows up as a reviewable diff of the changed content.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BASE_FILE } from "../src/io/base.js";
import { MANIFEST_FILE } from "../src/io/manifest.js";
import { newProject } from "../src/render/new-project.js";
import { projectNames } from "../src/names.js";
import { type Answers } from "../src/options.js";
import { combinationId, validCombinations } from "../src/constraints.js";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../src/paths.js";
import { presetAnswers, presetNames } from "../src/presets.js";
import { planProject } from "../src/render/render.js";
import type { Plan } from "../src/plan.js";
import { newProjectSpec } from "../src/spec.js";
import type { RenderedCombination, VariantIndex } from "./variants.js";

/** Snapshots use one fixed name, so they change only when templates do. */
export const SNAPSHOT_NAME = "Acme API";

export const SNAPSHOT_DIR = join(PACKAGE_ROOT, "test", "snapshot");
export const PRESETS_DIR = join(SNAPSHOT_DIR, "presets");
export const VARIANTS_DIR = join(SNAPSHOT_DIR, "variants");
export const VARIANT_INDEX_FILE = join(SNAPSHOT_DIR, "variants.json");

/**
 * Left out of the variants: the manifest and the gzipped clean base embed
 * every other file and the answers, so each combination would get its own
 * opaque variant that changes with any template. The preset trees keep them,
 * and the snapshot test checks they render byte-identically twice.
 */
export const WHOLE_PROJECT_FILES: readonly string[] = [MANIFEST_FILE, BASE_FILE];

export async function renderCombination(answers: Answers, templatesDir = TEMPLATES_DIR): Promise<Plan> {
  return newProject(projectNames(SNAPSHOT_NAME), answers, templatesDir).files;
}

export async function presetTrees(): Promise<Map<string, Plan>> {
  const trees = new Map<string, Plan>();
  for (const name of presetNames()) trees.set(name, await renderCombination(presetAnswers(name)));
  return trees;
}

export interface SnapshotCombination extends RenderedCombination {
  readonly id: string;
  readonly answers: Answers;
}

/** Every offered combination, rendered, without the whole-project files. */
export async function renderAllCombinations(): Promise<SnapshotCombination[]> {
  const out: SnapshotCombination[] = [];
  for (const answers of validCombinations()) {
    // Without the manifest and base: those files are not snapshotted here, and gzipping them costs time.
    const { plan } = planProject(newProjectSpec(projectNames(SNAPSHOT_NAME), answers), { templatesDir: TEMPLATES_DIR });
    out.push({ id: combinationId(answers), answers, files: plan });
  }
  return out;
}

/** The committed index, as `npm run snapshots` last wrote it. */
export function storedIndex(): VariantIndex {
  return JSON.parse(readFileSync(VARIANT_INDEX_FILE, "utf8")) as VariantIndex;
}

const folded = new Map<string, string | undefined>();

/** The committed file of a path with its variants folded in, if there is one; read once per path. */
export function storedFolded(path: string): string | undefined {
  if (!folded.has(path)) {
    const file = join(VARIANTS_DIR, path);
    folded.set(path, existsSync(file) ? readFileSync(file, "utf8") : undefined);
  }
  return folded.get(path);
}
