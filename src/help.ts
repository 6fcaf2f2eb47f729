// --help for create and for each subcommand, generated from the option table
// so it can never drift from it. Values not offered yet are left out: help
// advertises only what works today.
import type { Subcommand } from "./args.js";
import { ANSWER_KEYS, type Choice, optionSpec, type Requires } from "./options.js";
import { countValidCombinations, offeredRequirementText } from "./constraints.js";
import { PRESETS } from "./presets.js";
import { ADD_GENERATORS, FIELDS_HELP, generatorLines, REMOVE_GENERATORS } from "./subgenerators.js";
import { GENERATOR } from "./version.js";

const COLUMN = 28;

function row(flags: string, text: string): string {
  return `  ${flags.padEnd(COLUMN)}${text}`;
}

/** "; only with --auth jwt" where a requirement narrows the offered values. */
function needsText(requires: Requires | undefined): string {
  const text = offeredRequirementText(requires);
  return text ? `; only ${text}` : "";
}

/** " (only with --framework fastapi)" after a value, where a requirement narrows the offered values. */
function choiceNeedsText(requires: Requires | undefined): string {
  const text = offeredRequirementText(requires);
  return text ? ` (only ${text})` : "";
}

function answerFlagLines(): string[] {
  return ANSWER_KEYS.flatMap((key) => {
    const option = optionSpec(key);
    if (option.kind === "boolean") {
      if (!option.available) return [];
      return [row(`${option.flag}, --no-${option.flag.slice(2)}`, `${option.label}${needsText(option.requires)}`)];
    }
    const offered = (option.choices as readonly Choice<string>[]).filter((c) => c.available);
    const values = offered.map((c) => `${c.value}${choiceNeedsText(c.requires)}`).join(" | ");
    const described = option.kind === "choice" && option.describe === true ? offered.map((c) => row("", `  ${c.value}: ${c.label}`)) : [];
    return [row(`${option.flag} ${option.kind === "multi" ? "LIST" : "VALUE"}`, `${option.label}: ${values}`), ...described];
  });
}

const EXIT_CODES = [
  "Exit codes: 0 done, 1 failure (message; stack trace with DEBUG=1), 2 usage (bad flags, names or",
  "combinations), 3 update: conflicts remain / check: behind the templates, 130 cancelled.",
];

export function helpText(command?: Subcommand): string {
  if (command !== undefined) return SUBCOMMAND_HELP[command]().join("\n");
  return [
    `${GENERATOR.name} ${GENERATOR.version}: a production-ready Python backend, proven to install, migrate, serve and pass its own checks.`,
    "",
    "Usage:",
    "  create-backend-starter [directory] [options]",
    "  npm create @backend-starter@latest my-api",
    "",
    "Answers (asked on a terminal when not given):",
    row("--name NAME", 'project name (default: the directory\'s last part; "Acme API" -> acme-api / acme_api)'),
    ...answerFlagLines(),
    "",
    "Answer sources:",
    row("-y, --yes", "take the defaults for everything not given"),
    row("--preset NAME", Object.keys(PRESETS).join(", ")),
    ...Object.entries(PRESETS).map(([name, preset]) => row("", `  ${name}: ${preset.description}`)),
    row("--answers FILE", "a JSON answers file (a project's .backend-starter.json works too)"),
    "",
    "Run:",
    row("--dry-run", "print the files that would be written; write nothing"),
    row("--json", "print one machine-readable result object (never prompts)"),
    row("--force", "write into a non-empty folder, keeping its files"),
    row("--overwrite", "with --force: replace files whose content differs"),
    row("--install, --no-install", "install the Python dependencies (uv sync, pip fallback; default on)"),
    row("--git, --no-git", "git init and a first commit (default on)"),
    "  -h, --help, -v, --version",
    "",
    `Offered combinations: ${countValidCombinations()}. Without a terminal, every answer must be given (or --yes).`,
    "",
    "Inside a generated project (each takes --help; from Python, run: npx --package @backend-starter/create backend-starter ...):",
    row("backend-starter update", "re-render from these templates, three-way merged with your edits"),
    row("backend-starter check", "is the project behind these templates?"),
    row("backend-starter diff", "what update would change, as a unified diff"),
    row("backend-starter add", "add a resource or a feature (backend-starter add --list)"),
    row("backend-starter remove", "remove a resource or a feature that add made"),
    "",
    ...EXIT_CODES,
    "A failed or cancelled run leaves nothing behind.",
  ].join("\n");
}

function setKeys(): string {
  return `keys: ${ANSWER_KEYS.join(", ")}; values as in create-backend-starter --help`;
}

// A Python project has no node_modules: npx must name our package, or it fetches an unrelated one.
const RUN_FROM_PROJECT = "Run it from the project with: npx --package @backend-starter/create backend-starter <command>";

const SUBCOMMAND_HELP: Record<Subcommand, () => string[]> = {
  update: () => [
    "Usage: backend-starter update [--set KEY=VALUE ...] [--dry-run] [--json] [--allow-dirty] [--allow-data-loss]",
    "",
    "Re-renders the project from the installed templates (and changed answers) and brings that in with",
    "a three-way merge against the clean render of the last generation. Untouched files take the new",
    "version, edited files are merged (conflict markers where both sides changed), deleted files stay deleted.",
    "",
    row("--set KEY=VALUE", `change an answer, e.g. --set docker=false (${setKeys()})`),
    row("--dry-run", "say what would change; write nothing"),
    row("--json", "print one machine-readable result object"),
    row("--allow-dirty", "run on a git tree with uncommitted changes"),
    row("--allow-data-loss", "let an answer change revert revisions that drop tables or columns"),
    "",
    "Exit codes: 0 updated, 1 failure, 2 usage, 3 conflicts remain (resolve the markers, then commit),",
    "4 the project was made by a newer generator (run that version), 5 files still hold conflict markers.",
    RUN_FROM_PROJECT,
  ],
  check: () => [
    "Usage: backend-starter check [--json]",
    "",
    "Says whether the project is behind the installed templates.",
    "",
    row("--json", "print one machine-readable result object"),
    "",
    "Exit codes: 0 up to date, 1 failure, 2 usage, 3 behind the templates (run backend-starter update),",
    "4 the project was made by a newer generator (run that version), 5 files still hold conflict markers.",
    RUN_FROM_PROJECT,
  ],
  diff: () => [
    "Usage: backend-starter diff [--set KEY=VALUE ...]",
    "",
    "Prints what update would change, as a unified diff; writes nothing.",
    "",
    row("--set KEY=VALUE", `with this answer changed (${setKeys()})`),
    "",
    "Exit codes: 0 done, 1 failure, 2 usage, 4 the project was made by a newer generator (run that version).",
    RUN_FROM_PROJECT,
  ],
  add: () => [
    "Usage: backend-starter add GENERATOR [ARGS] [--dry-run] [--json] [--allow-dirty]",
    "",
    "Adds a feature to this project: renders it from the installed templates with the project's answers,",
    "brings it in with update's three-way merge (your edits are kept, conflicts marked and listed), and",
    "records the run in .backend-starter.json so update replays it. New tables come as new migrations on",
    "top of the project's current head: run `python -m PKG migrate` afterwards.",
    "",
    ...generatorLines(ADD_GENERATORS),
    "",
    ...FIELDS_HELP,
    row("--dry-run", "show each file's outcome (added, updated, merged, conflict, kept); write nothing"),
    row("--json", "print one machine-readable result object"),
    row("--allow-dirty", "run on a git tree with uncommitted changes"),
    row("--list", "list the generators"),
    "",
    "Exit codes: 0 done, 1 failure, 2 usage, 3 conflicts remain (resolve the markers, then commit),",
    "4 the project was made by a newer generator (run that version), 5 files still hold conflict markers.",
    RUN_FROM_PROJECT,
  ],
  remove: () => [
    "Usage: backend-starter remove GENERATOR [ARGS] [--dry-run] [--json] [--allow-dirty] [--allow-data-loss]",
    "",
    "Undoes an add: deletes and deregisters what it wrote, keeps (and reports) files you edited, and records",
    "the run. A table that holds data is dropped only with --allow-data-loss, by a new migration.",
    "",
    ...generatorLines(REMOVE_GENERATORS),
    "",
    row("--dry-run", "show each file's outcome; write nothing"),
    row("--json", "print one machine-readable result object"),
    row("--allow-dirty", "run on a git tree with uncommitted changes"),
    row("--allow-data-loss", "let the removal drop tables"),
    "",
    "Exit codes as for add.",
    RUN_FROM_PROJECT,
  ],
};
