// The shipped templates as `npm run build` left them (scripts/build-templates.ts),
// in dist/catalog/: `index.json` with every layer's manifest, and one JSON file
// per layer with its files and each of its templates precompiled. A create
// then reads no template file and loads Handlebars' runtime, not its compiler.
//
// A project uses about half the layers, and a template spec costs V8 a parse
// only when it is evaluated: so a layer's file is read the first time the
// planner looks at its files, and a spec (kept as source text, which JSON
// parses far faster than V8 parses the same functions as JavaScript) becomes a
// function only when a render needs it. Loading the whole catalog as one
// JavaScript module had cost a create a fifth of its CPU time.
//
// The build writes templates.built.cjs over a stand-in that says there is no
// catalog: run from the sources (the tests in-process), or for any other
// template folder, the planner reads and compiles from disk as before.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import { INDEX_FILE, layerFile } from "./catalog-files.js";
import type { Layer, LayerFile } from "./layer.js";
import type { LayerManifest } from "./manifest.js";
// A static import, so a bundle can inline it; src/ has a stand-in that exports null.
import built from "./templates.built.cjs";

/** Handlebars' precompiled form of one template (an object of functions once evaluated). */
export type TemplateSpec = object;

/** dist/catalog/index.json: the layers in their order, manifests only. */
export interface BuiltIndex {
  readonly layers: ReadonlyArray<{ readonly name: string; readonly manifest: LayerManifest }>;
}

/** dist/catalog/LAYER.json: contents as text (or base64 where not UTF-8), specs as source. */
export interface BuiltLayer {
  readonly files: ReadonlyArray<{ slice: string; tags: string[]; source: string; text?: string; base64?: string }>;
  readonly seams: ReadonlyArray<[string, string]>;
  readonly sections: ReadonlyArray<[string, string]>;
  /** Template source's sha1 -> the JavaScript of its precompiled spec. */
  readonly specs: Readonly<Record<string, string>>;
}

/** The built catalog's folder, or null where there is none (the sources run directly). */
function catalogDir(): string | null {
  return built === null ? null : join(PACKAGE_ROOT, built.catalog);
}

// Spec sources of the layers read so far, and the specs evaluated from them.
const specSources = new Map<string, string>();
const specs = new Map<string, TemplateSpec>();

/** The built spec of a template, or undefined when the build has none (its layer is read already). */
export function builtSpec(key: string): TemplateSpec | undefined {
  let spec = specs.get(key);
  if (spec === undefined) {
    const source = specSources.get(key);
    if (source === undefined) return undefined;
    // Handlebars' own compiler turns templates into functions the same way.
    spec = new Function(`return ${source};`)() as TemplateSpec;
    specs.set(key, spec);
  }
  return spec;
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

function contentsOf(dir: string, name: string): Pick<Layer, "files" | "seams" | "sections"> {
  const layer = readJson<BuiltLayer>(dir, layerFile(name));
  for (const [key, source] of Object.entries(layer.specs)) specSources.set(key, source);
  return { files: layer.files.map((f) => new BuiltFile(f)), seams: new Map(layer.seams), sections: new Map(layer.sections) };
}

/** A file whose content becomes a Buffer only if a render uses it: most of a layer's files are other slices'. */
class BuiltFile implements LayerFile {
  readonly slice: string;
  readonly tags: readonly string[];
  readonly source: string;
  #stored: BuiltLayer["files"][number];
  #content: Buffer | null = null;

  constructor(stored: BuiltLayer["files"][number]) {
    this.slice = stored.slice;
    this.tags = stored.tags;
    this.source = stored.source;
    this.#stored = stored;
  }

  get content(): Buffer {
    const f = this.#stored;
    this.#content ??= f.base64 === undefined ? Buffer.from(f.text ?? "", "utf8") : Buffer.from(f.base64, "base64");
    return this.#content;
  }
}

/** A layer whose contents are read on first use. */
class LazyLayer implements Layer {
  #contents: Pick<Layer, "files" | "seams" | "sections"> | null = null;

  constructor(
    private readonly dir: string,
    readonly name: string,
    readonly manifest: LayerManifest,
  ) {}

  private get contents(): Pick<Layer, "files" | "seams" | "sections"> {
    this.#contents ??= contentsOf(this.dir, this.name);
    return this.#contents;
  }

  get files(): readonly LayerFile[] {
    return this.contents.files;
  }

  get seams(): ReadonlyMap<string, string> {
    return this.contents.seams;
  }

  get sections(): ReadonlyMap<string, string> {
    return this.contents.sections;
  }
}

/**
 * The built catalog's layers, or null where there is none. The build checked
 * it as a whole (seams included), so nothing here reads a layer it does not
 * use, and it precompiled every template of every layer (builtSpec has them).
 */
export function builtCatalog(): Layer[] | null {
  const dir = catalogDir();
  if (dir === null) return null;
  return readJson<BuiltIndex>(dir, INDEX_FILE).layers.map((l) => new LazyLayer(dir, l.name, l.manifest));
}
