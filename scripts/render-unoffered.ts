// Renders a combination the option table does not offer yet (Django while it
// is being built), straight from the planner: the CLI refuses unavailable
// answers on purpose, and that refusal stays. For template work only:
//
//   node dist/scripts/render-unoffered.js DIR framework=django orm=django [db=postgres ...]
//
// Answers not named take the CLI's defaults for the rest (FastAPI's defaults).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { projectNames } from "../src/names.js";
import type { Answers } from "../src/options.js";
import { TEMPLATES_DIR } from "../src/paths.js";
import { newProject } from "../src/render/new-project.js";

const DEFAULTS: Answers = { framework: "fastapi", orm: "sqlalchemy", db: "sqlite", auth: "jwt", rbac: true, tests: ["unit", "integration", "e2e"], docker: true, ci: "github" };

function parse(pairs: readonly string[]): Answers {
  const answers: Record<string, unknown> = { ...DEFAULTS };
  for (const pair of pairs) {
    const [key, value] = pair.split("=", 2);
    if (key === undefined || value === undefined || !(key in DEFAULTS)) throw new Error(`expected KEY=VALUE with a key of ${Object.keys(DEFAULTS).join(", ")}: ${pair}`);
    answers[key] = key === "tests" ? value.split(",") : key === "rbac" || key === "docker" ? value === "true" : value;
  }
  return answers as unknown as Answers;
}

const [target, ...pairs] = process.argv.slice(2);
if (target === undefined) throw new Error("usage: render-unoffered DIR [KEY=VALUE ...]");
const dir = resolve(target);
for (const [path, content] of newProject(projectNames("Acme API"), parse(pairs), TEMPLATES_DIR).files) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}
process.stdout.write(`rendered into ${dir}\n`);
