// Reading one template layer from disk. A layer folder holds `layer.json`,
// slice folders (`common`, `fastapi`, `sqlalchemy+unit`, ...) whose files are
// rendered when the slice's tags hold, `_seams/` (what a family member puts at
// a seam another layer declared) and `_sections/` (text appended to a list
// that another layer's template iterates).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type LayerManifest, parseLayerManifest } from "./manifest.js";
import { sliceTags, unknownTags } from "./tags.js";

export interface LayerFile {
  /** The slice folder it sits in, and its tags. */
  readonly slice: string;
  readonly tags: readonly string[];
  /** Path inside the slice, "/"-separated, as stored (with .hbs and dot_ names). */
  readonly source: string;
  readonly content: Buffer;
}

export interface Layer {
  readonly name: string;
  readonly manifest: LayerManifest;
  readonly files: readonly LayerFile[];
  /** Seam name -> template, for the seams of this layer's family. */
  readonly seams: ReadonlyMap<string, string>;
  /** Section list name -> template. */
  readonly sections: ReadonlyMap<string, string>;
}

const MANIFEST_FILE = "layer.json";
const SEAMS_DIR = "_seams";
const SECTIONS_DIR = "_sections";

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

function templatesIn(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const full of walk(dir)) out.set(relative(dir, full).replace(/\.hbs$/, ""), readFileSync(full, "utf8"));
  return out;
}

export function readLayer(templatesDir: string, name: string): Layer {
  const dir = join(templatesDir, name);
  const manifestFile = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new Error(`template layer ${name} has no ${MANIFEST_FILE} in ${templatesDir}`);
  const manifest = parseLayerManifest(JSON.parse(readFileSync(manifestFile, "utf8")), `${name}/${MANIFEST_FILE}`);
  const misspelt = unknownTags(manifest.when);
  if (misspelt.length > 0) throw new Error(`${name}/${MANIFEST_FILE}: unknown tags in when: ${misspelt.join(", ")}`);
  const files: LayerFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === SEAMS_DIR || entry.name === SECTIONS_DIR) continue;
    const tags = sliceTags(entry.name);
    const unknown = unknownTags(tags);
    if (unknown.length > 0) throw new Error(`${name}/${entry.name}: unknown tags in a slice name: ${unknown.join(", ")}`);
    const sliceDir = join(dir, entry.name);
    for (const full of walk(sliceDir)) {
      files.push({ slice: entry.name, tags, source: relative(sliceDir, full).split(sep).join("/"), content: readFileSync(full) });
    }
  }
  files.sort((a, b) => (a.slice + a.source < b.slice + b.source ? -1 : 1));
  return { name, manifest, files, seams: templatesIn(join(dir, SEAMS_DIR)), sections: templatesIn(join(dir, SECTIONS_DIR)) };
}

/** Every layer under `templatesDir`, in their declared order. */
export function readCatalog(templatesDir: string): Layer[] {
  const names = readdirSync(templatesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(templatesDir, e.name, MANIFEST_FILE)))
    .map((e) => e.name);
  const layers = names.map((n) => readLayer(templatesDir, n));
  return layers.sort((a, b) => a.manifest.order - b.manifest.order || (a.name < b.name ? -1 : 1));
}
