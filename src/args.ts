// argv -> typed raw options. The answer flags come from the option table, so a
// new option needs no change here.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
import { type Answers, ANSWER_KEYS, OPTIONS } from "./options.js";
import { parseAnswer } from "./answer-values.js";
import { closest } from "./suggest.js";

export const SUBCOMMANDS = ["add", "remove", "update", "check", "diff"] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export interface CreateFlags {
  directory: string | undefined;
  name: string | undefined;
  answers: Partial<Answers>;
  yes: boolean;
  preset: string | undefined;
  answersFile: string | undefined;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  overwrite: boolean;
  install: boolean | undefined;
  git: boolean | undefined;
}

export type ParsedArgs =
  /** `command` is set for `update --help` and the like: that subcommand's own help. */
  | { kind: "help"; command?: Subcommand }
  | { kind: "version" }
  | { kind: "subcommand"; command: Subcommand; rest: string[] }
  | { kind: "create"; flags: CreateFlags };

type FlagSpec = { type: "string" | "boolean"; short?: string };

/** Flags that are not answers about the project. */
const RUN_FLAGS: Record<string, FlagSpec> = {
  name: { type: "string" },
  yes: { type: "boolean", short: "y" },
  preset: { type: "string" },
  answers: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  force: { type: "boolean" },
  overwrite: { type: "boolean" },
  install: { type: "boolean" },
  "no-install": { type: "boolean" },
  git: { type: "boolean" },
  "no-git": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
};

function answerFlagSpecs(): Record<string, FlagSpec> {
  const specs: Record<string, FlagSpec> = {};
  for (const key of ANSWER_KEYS) {
    const option = OPTIONS[key];
    const flag = option.flag.slice(2);
    if (option.kind === "boolean") {
      specs[flag] = { type: "boolean" };
      specs[`no-${flag}`] = { type: "boolean" };
    } else {
      specs[flag] = { type: "string" };
    }
  }
  return specs;
}

export const FLAG_SPECS: Record<string, FlagSpec> = { ...answerFlagSpecs(), ...RUN_FLAGS };

type Values = Record<string, string | boolean | undefined>;

/** `--x` and `--no-x` together are a mistake, not "last one wins". */
function toggle(values: Values, flag: string): boolean | undefined {
  const on = values[flag] === true;
  const off = values[`no-${flag}`] === true;
  if (on && off) throw new UsageError(`--${flag} and --no-${flag} contradict each other; give one of them.`);
  return on ? true : off ? false : undefined;
}

function answersFromFlags(values: Values): Partial<Answers> {
  const answers: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) {
    const option = OPTIONS[key];
    const flag = option.flag.slice(2);
    const raw = option.kind === "boolean" ? toggle(values, flag) : values[flag];
    if (raw !== undefined) answers[key] = parseAnswer(key, raw, option.flag);
  }
  return answers as Partial<Answers>;
}

/** Flags that take no value: `--rbac=false` means `--no-rbac`. */
function negationHint(message: string): UsageError | undefined {
  const match = /Option '--([a-z-]+)' does not take an argument/.exec(message);
  const flag = match?.[1];
  if (flag === undefined) return undefined;
  const negated = flag.startsWith("no-") ? flag.slice(3) : `no-${flag}`;
  const hint = negated in FLAG_SPECS ? ` Use --${flag} or --${negated}.` : "";
  return new UsageError(`--${flag} takes no value.${hint} See --help.`);
}

function explainParseError(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const negation = negationHint(message);
  if (negation) return negation;
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (unknown) {
    const suggestion = closest(unknown.replace(/^-+/, ""), Object.keys(FLAG_SPECS));
    const hint = suggestion ? ` Did you mean --${suggestion}?` : "";
    return new UsageError(`Unknown option ${unknown}.${hint} See --help.`);
  }
  const missingValue = /Option '(-{1,2}[^\s']+)[^']*' argument missing/.exec(message)?.[1];
  if (missingValue) return new UsageError(`${missingValue} needs a value. See --help.`);
  if (/Unexpected argument/.test(message)) return new UsageError(`${message.split(". ")[0]}: give at most one directory. See --help.`);
  return new UsageError(`${message} See --help.`);
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const first = argv[0];
  if (first !== undefined && (SUBCOMMANDS as readonly string[]).includes(first)) {
    const command = first as Subcommand;
    const rest = argv.slice(1);
    if (rest.includes("--help") || rest.includes("-h")) return { kind: "help", command };
    return { kind: "subcommand", command, rest };
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAG_SPECS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAG_SPECS, allowPositionals: true, strict: true });
  } catch (error) {
    throw explainParseError(error);
  }
  const values = parsed.values as Values;
  if (values.help === true) return { kind: "help" };
  if (values.version === true) return { kind: "version" };
  if (parsed.positionals.length > 1) {
    throw new UsageError(`Expected one directory, got ${parsed.positionals.length}: ${parsed.positionals.join(" ")}. Quote a name with spaces.`);
  }
  if (values.overwrite === true && values.force !== true) {
    throw new UsageError("--overwrite only works with --force (write into a folder that is not empty); add --force or drop --overwrite.");
  }
  const str = (k: string): string | undefined => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  return {
    kind: "create",
    flags: {
      directory: parsed.positionals[0],
      name: str("name"),
      answers: answersFromFlags(values),
      yes: values.yes === true,
      preset: str("preset"),
      answersFile: str("answers"),
      dryRun: values["dry-run"] === true,
      json: values.json === true,
      force: values.force === true,
      overwrite: values.overwrite === true,
      install: toggle(values, "install"),
      git: toggle(values, "git"),
    },
  };
}
