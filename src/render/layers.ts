// Which template layers a combination uses, in the order they are applied.
// Later layers override files of earlier ones with the same output path, so a
// framework layer can replace a base file without conditionals in templates.
import type { Answers } from "../options.js";

/** One use of a template layer; a parametrised layer (a resource) can be used several times. */
export interface LayerUse {
  /** Folder under templates/. */
  readonly layer: string;
  /** Extra template context for this use only, e.g. `{ resource: {...} }`. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Path tokens for this use: `{ resource: "items" }` turns `__resource__` into `items`. */
  readonly tokens?: Readonly<Record<string, string>>;
}

export function layersFor(a: Answers): LayerUse[] {
  const layers = ["base", a.framework, `orm-${a.orm}`, `db-${a.db}`];
  if (a.auth !== "none") layers.push(`auth-${a.auth}`);
  if (a.rbac) layers.push("rbac");
  for (const t of a.tests) layers.push(`tests-${t}`);
  if (a.docker) layers.push("docker");
  if (a.ci !== "none") layers.push(`ci-${a.ci}`);
  return layers.map((layer) => ({ layer }));
}

/** A readable name for one use, for plop's action list and error messages. */
export function useName(use: LayerUse): string {
  const tokens = Object.values(use.tokens ?? {});
  return tokens.length > 0 ? `${use.layer}[${tokens.join(",")}]` : use.layer;
}
