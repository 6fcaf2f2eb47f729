// The shipped templates as `npm run build` left them (scripts/build-templates.ts),
// in dist/catalog/: `index.json` with every layer's manifest, and one JSON file
// per layer with its files and each of its templates precompiled. A create
// then reads no template file and loads Handlebars' runtime, not its compiler.
//
// A project uses about half the layers: so a layer's file is read the first
// time the planner looks at its files. Its template specs are one JavaScript
// array, kept as source text (which JSON parses far faster than V8 parses the
// same functions), compiled the first time a render needs one of them, with
// the V8 code cache the build left beside it (src/code-cache.ts): one
// compile a layer, and no parse where V8 takes the cache. Loading the whole
// catalog as one JavaScript module had cost a create a fifth of its CPU time.
//
// The build writes templates.built.cjs over a stand-in that says there is no
// catalog: run from the sources (the tests in-process), or for any other
// template folder, the planner reads and compiles from disk as before.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import { compileCached } from "../code-cache.js";
import { INDEX_FILE, layerFile, specCacheFile } from "./catalog-files.js";
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
  /** Each template source's sha1, in the order of `specs`. */
  readonly specKeys: readonly string[];
  /** The JavaScript of an array of their precompiled specs. */
  readonly specs: string;
}

/** The built catalog's folder, or null where there is none (the sources run directly). */
function catalogDir(): string | null {
  return built === null ? null : join(PACKAGE_ROOT, built.catalog);
}

/** One layer's specs: their source, and the specs once compiled. */
class LayerSpecs {
  #specs: readonly TemplateSpec[] | null = null;

  constructor(
    private readonly source: string,
    private readonly filename: string,
    private readonly cacheFile: string,
  ) {}

  at(index: number): TemplateSpec | undefined {
    this.#specs ??= compileCached(this.source, this.filename, this.cacheFile).runInThisContext() as TemplateSpec[];
    return this.#specs[index];
  }
}

// Where the spec of each template of the layers read so far is.
const specIndex = new Map<string, { readonly layer: LayerSpecs; readonly index: number }>();

/** The built spec of a template, or undefined when the build has none (its layer is read already). */
export function builtSpec(key: string): TemplateSpec | undefined {
  const at = specIndex.get(key);
  return at?.layer.at(at.index);
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

function contentsOf(dir: string, name: string): Pick<Layer, "files" | "seams" | "sections"> {
  const layer = readJson<BuiltLayer>(dir, layerFile(name));
  // Named after the file that holds the source, for stack traces.
  const specs = new LayerSpecs(layer.specs, join(dir, layerFile(name)), join(dir, specCacheFile(name)));
  layer.specKeys.forEach((key, index) => specIndex.set(key, { layer: specs, index }));
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
