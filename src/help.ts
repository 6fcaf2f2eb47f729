// --help, generated from the option table so it can never drift from it.
import { ANSWER_KEYS, type Choice, OPTIONS, ormFits, validCombinations } from "./options.js";
import { PRESETS } from "./presets.js";
import { GENERATOR } from "./version.js";

function choiceList(choices: readonly Choice<string>[]): string {
  return choices.map((c) => (c.available ? c.value : `${c.value} (not available yet)`)).join(" | ");
}

function answerFlagLines(): string[] {
  return ANSWER_KEYS.map((key) => {
    const option = OPTIONS[key];
    if (option.kind === "boolean") {
      const flags = `${option.flag}, --no-${option.flag.slice(2)}`;
      return `  ${flags.padEnd(28)}${option.label}${option.available ? "" : " (not available yet)"}`;
    }
    const values = choiceList(option.choices);
    const flags = `${option.flag} ${option.kind === "multi" ? "LIST" : "VALUE"}`;
    return `  ${flags.padEnd(28)}${option.label}: ${values}`;
  });
}

export function helpText(): string {
  const pairs = ["fastapi", "flask", "django"]
    .map((f) => `${f} + ${["sqlalchemy", "django"].filter((o) => ormFits(f as "fastapi", o as "django")).join("/")}`)
    .join(", ");
  return [
    `${GENERATOR.name} ${GENERATOR.version}: a production-ready Python backend, proven to install, migrate, serve and pass its own checks.`,
    "",
    "Usage:",
    "  create-backend-starter [directory] [options]",
    "  npm create backend-starter@latest my-api",
    "",
    "Answers (asked on a terminal when not given):",
    "  --name NAME                 project name (default: the directory; \"Acme API\" -> acme-api / acme_api)",
    ...answerFlagLines(),
    "",
    "Answer sources:",
    "  -y, --yes                   take the defaults for everything not given",
    `  --preset NAME               ${Object.entries(PRESETS).map(([n, p]) => `${n} (${p.description})`).join("; ")}`,
    "  --answers FILE              a JSON answers file (a project's .backend-starter.json works too)",
    "",
    "Run:",
    "  --dry-run                   print the files that would be written; write nothing",
    "  --json                      print one machine-readable result object (never prompts)",
    "  --force                     write into a non-empty folder, keeping its files",
    "  --overwrite                 with --force: replace files whose content differs",
    "  --install, --no-install     install the Python dependencies (uv sync, pip fallback; default on)",
    "  --git, --no-git             git init and a first commit (default on)",
    "  -h, --help, -v, --version",
    "",
    `Frameworks and ORMs: ${pairs}. Offered combinations: ${validCombinations().length}.`,
    "Without a terminal, every answer must be given (or --yes).",
    "",
    "Inside a generated project:",
    "  backend-starter update [--set KEY=VALUE ...] [--dry-run] [--json] [--allow-dirty]",
    "                              re-render from these templates (and changed answers), three-way merged",
    "                              with your edits; refuses a dirty git tree unless --allow-dirty",
    "  backend-starter check [--json]   is the project behind these templates?",
    "  backend-starter diff [--set KEY=VALUE ...]   what update would change, as a unified diff",
    "  backend-starter add ...     not available yet",
    "",
    "Exit codes: 0 done, 1 failure (message; stack trace with DEBUG=1), 2 usage (bad flags, names or",
    "combinations), 3 update: conflicts remain / check: behind the templates, 130 cancelled.",
    "A failed or cancelled run leaves nothing behind.",
  ].join("\n");
}
