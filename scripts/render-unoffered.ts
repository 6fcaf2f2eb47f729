// Renders a combination the option table does not offer yet (a value marked
// `available: false` while it is being built), straight from the planner: the CLI refuses unavailable
// answers on purpose, and that refusal stays. For template work only:
//
//   node dist/scripts/render-unoffered.js DIR KEY=VALUE [KEY=VALUE ...]   (e.g. framework=NEW db=postgres)
//
// Answers not named take the CLI's defaults for the rest (FastAPI's defaults).
// `resource=NAME/FIELDS` (repeatable, in order) renders the project as if
// `add resource NAME --fields FIELDS` had run, with the same checks, since the
// CLI refuses `add` in a project of an unoffered combination:
//
//   ... resource=Tag/name:str(50) 'resource=Post/title:str,tag:ref(tags),author:ref(users):optional'
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { projectNames } from "../src/names.js";
import type { Answers } from "../src/options.js";
import { TEMPLATES_DIR } from "../src/paths.js";
import { withManifest } from "../src/io/manifest.js";
import { planProject } from "../src/render/render.js";
import { addResourceRun, resourcesOf } from "../src/resource-runs.js";
import { newProjectSpec, type SubgeneratorRun } from "../src/spec.js";

const DEFAULTS: Answers = { framework: "fastapi", orm: "sqlalchemy", db: "sqlite", auth: "jwt", rbac: true, tests: ["unit", "integration", "e2e"], docker: true, ci: "github" };

const RESOURCE = "resource=";

function parse(pairs: readonly string[]): Answers {
  const answers: Record<string, unknown> = { ...DEFAULTS };
  for (const pair of pairs.filter((p) => !p.startsWith(RESOURCE))) {
    const [key, value] = pair.split("=", 2);
    if (key === undefined || value === undefined || !(key in DEFAULTS)) throw new Error(`expected KEY=VALUE with a key of ${Object.keys(DEFAULTS).join(", ")}: ${pair}`);
    answers[key] = key === "tests" ? value.split(",") : key === "rbac" || key === "docker" ? value === "true" : value;
  }
  return answers as unknown as Answers;
}

const [target, ...pairs] = process.argv.slice(2);
if (target === undefined) throw new Error("usage: render-unoffered DIR [KEY=VALUE ...]");
const dir = resolve(target);
const names = projectNames("Acme API");
const answers = parse(pairs);
const runs: SubgeneratorRun[] = [];
for (const pair of pairs.filter((p) => p.startsWith(RESOURCE))) {
  const [name, fields] = pair.slice(RESOURCE.length).split("/", 2);
  if (!name || !fields) throw new Error(`expected resource=NAME/FIELDS: ${pair}`);
  runs.push(addResourceRun(name, { fields }, resourcesOf(runs), answers));
}
const spec = { ...newProjectSpec(names, answers), resources: resourcesOf(runs), runs };
const { plan, history, policies } = planProject(spec, { templatesDir: TEMPLATES_DIR });
for (const [path, content] of withManifest({ names, answers, runs, history, policies }, plan)) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}
process.stdout.write(`rendered into ${dir}\n`);
