// Seams: the few places where one member of a family (the chosen database,
// framework or ORM) puts its own text into another layer's template. A seam
// is declared by the layer whose template consumes it (`seams` in its
// layer.json, by family); every member of that family must fill every seam
// of it, and nothing else, so choosing another member can never leave a hole.
import type { Layer } from "./layer.js";

function declaredSeams(all: readonly Layer[]): Map<string, Set<string>> {
  const declared = new Map<string, Set<string>>();
  for (const layer of all) {
    for (const [family, names] of Object.entries(layer.manifest.seams)) {
      const set = declared.get(family) ?? new Set<string>();
      for (const name of names) set.add(name);
      declared.set(family, set);
    }
  }
  return declared;
}

/** Problems with how the catalog's layers declare and fill seams; empty when sound. */
export function seamProblems(all: readonly Layer[]): string[] {
  const declared = declaredSeams(all);
  const problems: string[] = [];
  for (const layer of all) {
    const filled = [...layer.seams.keys()];
    const family = layer.manifest.family;
    if (family === null) {
      if (filled.length > 0) problems.push(`${layer.name} fills seams (${filled.join(", ")}) but belongs to no family`);
      continue;
    }
    const wanted = declared.get(family) ?? new Set<string>();
    const missing = [...wanted].filter((s) => !layer.seams.has(s));
    const extra = filled.filter((s) => !wanted.has(s));
    if (missing.length > 0) problems.push(`${layer.name} (family ${family}) does not fill ${missing.join(", ")}`);
    if (extra.length > 0) problems.push(`${layer.name} fills ${extra.join(", ")}, which no layer declares for family ${family}`);
  }
  return problems;
}

/** The partials for a project: the seam fills of the layers it uses (of a catalog without seamProblems). */
export function seamPartials(used: readonly Layer[]): Map<string, string> {
  const partials = new Map<string, string>();
  for (const layer of used) {
    for (const [name, template] of layer.seams) {
      if (partials.has(name)) throw new Error(`seam ${name} is filled by two layers of one project (${layer.name} and another of family ${layer.manifest.family})`);
      partials.set(name, template);
    }
  }
  return partials;
}
