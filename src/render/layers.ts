// Which template layers a combination uses, in the order they are applied.
// Later layers override files of earlier ones with the same output path, so a
// framework layer can replace a base file without conditionals in templates.
import { type Answers, hasAuth } from "../options.js";
import { ITEMS, type ResourceView, resourceViews } from "../resources.js";

/** One use of a template layer; a parametrised layer (a resource) can be used several times. */
export interface LayerUse {
  /** Folder under templates/. */
  readonly layer: string;
  /** Extra template context for this use only, e.g. `{ resource: {...} }`. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Path tokens for this use: `{ resource: "items" }` turns `__resource__` into `items`. */
  readonly tokens?: Readonly<Record<string, string>>;
}

/** The revision the users table is created in, when auth is on; resources migrate after it. */
export const USERS_REVISION = "create_users";

/** The resources a project has; `items` is the sample every project starts with. */
export function projectResources(a: Answers): ResourceView[] {
  return resourceViews([ITEMS], hasAuth(a) ? USERS_REVISION : null);
}

/** The route modules of a project (routes/<name>.py) with these resources, sorted as an import line lists them. */
export function routeModules(a: Answers, resources: readonly ResourceView[]): string[] {
  const modules = ["health", ...resources.map((r) => r.name)];
  if (hasAuth(a)) modules.push("auth");
  if (a.rbac) modules.push("admin");
  return modules.sort();
}

export function layersFor(a: Answers): LayerUse[] {
  const plain = (layer: string): LayerUse => ({ layer });
  const uses = ["base", a.framework, `orm-${a.orm}`, `db-${a.db}`].map(plain);
  if (hasAuth(a)) uses.push(plain(`auth-${a.auth}`));
  if (a.rbac) uses.push(plain("rbac"));
  for (const resource of projectResources(a)) uses.push({ layer: "resource", params: { resource }, tokens: { resource: resource.name } });
  for (const t of a.tests) uses.push(plain(`tests-${t}`));
  if (a.docker) uses.push(plain("docker"));
  if (a.ci !== "none") uses.push(plain(`ci-${a.ci}`));
  return uses;
}

/** A readable name for one use, for plop's action list and error messages. */
export function useName(use: LayerUse): string {
  const tokens = Object.values(use.tokens ?? {});
  return tokens.length > 0 ? `${use.layer}[${tokens.join(",")}]` : use.layer;
}
