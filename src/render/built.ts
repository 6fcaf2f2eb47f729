// The shipped templates as `npm run build` left them (scripts/build-templates.ts):
// the catalog with every file's content, and each template precompiled. A
// create then reads no template file, parses no layer.json and loads
// Handlebars' runtime instead of its compiler: those were most of its time.
// The build writes it over a stand-in: run from the sources (the tests
// in-process), or for any other template folder, the planner reads and
// compiles from disk as before. Like the rest of dist/, it is what the last
// build made: the build, the tests' global setup and `npm run snapshots` make it.
import type { Layer } from "./layer.js";
import type { LayerManifest } from "./manifest.js";
// A static import, so a bundle can inline it; src/ has a stand-in that exports null.
import built from "./templates.built.cjs";

/** Handlebars' precompiled form of one template (an object of functions once loaded). */
export type TemplateSpec = object;

/** A layer as the built module holds it: contents as text (or base64 where not UTF-8). */
export interface BuiltLayer {
  readonly name: string;
  readonly manifest: LayerManifest;
  readonly files: ReadonlyArray<{ slice: string; tags: string[]; source: string; text?: string; base64?: string }>;
  readonly seams: ReadonlyArray<[string, string]>;
  readonly sections: ReadonlyArray<[string, string]>;
}

export interface BuiltTemplates {
  readonly layers: readonly BuiltLayer[];
  /** Template source's sha1 -> its precompiled spec. */
  readonly specs: Readonly<Record<string, TemplateSpec>>;
}

/** The built module, or null where there is none (the sources run directly). */
export function builtTemplates(): BuiltTemplates | null {
  return built;
}

export function layerFromBuilt(built: BuiltLayer): Layer {
  return {
    name: built.name,
    manifest: built.manifest,
    files: built.files.map((f) => ({
      slice: f.slice,
      tags: f.tags,
      source: f.source,
      content: f.base64 === undefined ? Buffer.from(f.text ?? "", "utf8") : Buffer.from(f.base64, "base64"),
    })),
    seams: new Map(built.seams),
    sections: new Map(built.sections),
  };
}
