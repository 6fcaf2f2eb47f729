// Which template layers a combination uses, in the order they are applied.
// Later layers override files of earlier ones with the same output path, so a
// framework layer can replace a base file without conditionals in templates.
import type { Answers } from "../options.js";

export function layersFor(a: Answers): string[] {
  const layers = ["base", a.framework, `orm-${a.orm}`, `db-${a.db}`];
  for (const t of a.tests) layers.push(`tests-${t}`);
  if (a.auth !== "none") layers.push(`auth-${a.auth}`);
  if (a.rbac) layers.push("rbac");
  if (a.docker) layers.push("docker");
  if (a.ci !== "none") layers.push(`ci-${a.ci}`);
  return layers;
}
