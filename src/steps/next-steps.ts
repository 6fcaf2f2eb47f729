// The commands a user runs after create, matching what was installed: `uv run`
// after uv, an activated .venv after pip, and both ways when nothing was.
import type { ProjectNames } from "../names.js";
import type { Answers } from "../options.js";
import type { InstallTool } from "./python.js";

export type Installed = InstallTool | "off";

function quoted(folder: string): string {
  return /[\s'"$`\\]/.test(folder) ? JSON.stringify(folder) : folder;
}

/** Before `migrate`: a PostgreSQL project has no database until the user points it at one. */
function databaseSteps(names: ProjectNames, answers: Answers): string[] {
  if (answers.db !== "postgres") return [];
  return [
    `cp .env.example .env   # then set DATABASE_URL=postgresql://USER:PASSWORD@localhost:5432/${names.pkg} in .env`,
    `# start your PostgreSQL server and create that database (createdb ${names.pkg})`,
  ];
}

function uvSteps(names: ProjectNames, answers: Answers, sync: boolean): string[] {
  return [
    ...(sync ? ["uv sync"] : []),
    ...databaseSteps(names, answers),
    `uv run python -m ${names.pkg} migrate`,
    `uv run python -m ${names.pkg} serve`,
    "uv run pytest",
  ];
}

function pipSteps(names: ProjectNames, answers: Answers, install: boolean): string[] {
  return [
    ...(install ? ["python3 -m venv .venv"] : []),
    "source .venv/bin/activate   # Windows: .venv\\Scripts\\activate",
    // --group needs pip 25.1 or newer; the upgrade makes that true.
    ...(install ? ["python -m pip install --upgrade pip && python -m pip install -e . --group dev"] : []),
    ...databaseSteps(names, answers),
    `python -m ${names.pkg} migrate`,
    `python -m ${names.pkg} serve`,
    "pytest",
  ];
}

function block(lines: readonly string[]): string {
  return lines.map((line) => `  ${line}`).join("\n");
}

export function nextSteps(shownFolder: string, names: ProjectNames, answers: Answers, installed: Installed): string {
  const cd = shownFolder === "." ? [] : [`cd ${quoted(shownFolder)}`];
  if (installed === "uv") return `Done. Next steps:\n${block([...cd, ...uvSteps(names, answers, false)])}`;
  if (installed === "pip") return `Done. Next steps (installed with pip in .venv):\n${block([...cd, ...pipSteps(names, answers, false)])}`;
  return [
    "Done. Next steps, with uv (https://docs.astral.sh/uv/):",
    block([...cd, ...uvSteps(names, answers, true)]),
    "or with pip (Python 3.11+):",
    block([...cd, ...pipSteps(names, answers, true)]),
  ].join("\n");
}
