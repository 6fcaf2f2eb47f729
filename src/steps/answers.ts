// Resolves every answer from its sources, weakest first: defaults (with
// --yes), --preset, --answers FILE, then flags; prompts fill the rest on a TTY.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CreateFlags } from "../args.js";
import { parseAnswerRecord } from "../answer-values.js";
import type { Io } from "../context.js";
import { UsageError } from "../errors.js";
import { parseJsonText } from "../io/json-text.js";
import { type Answers, OPTIONS } from "../options.js";
import { defaultAnswers, fillForced, givenProblems, offeredSummary } from "../constraints.js";
import { presetAnswers, presetNames } from "../presets.js";
import { closest } from "../suggest.js";
import { askMissing, askName, askYesNo, missingKeys } from "./questions.js";
import { directoryName, resolveTarget } from "./target.js";

export const DEFAULT_NAME = "my-api";

export interface Resolved {
  /** The project name as given, prompted or defaulted; checked later with the directory. */
  rawName: string;
  answers: Answers;
  install: boolean;
  git: boolean;
}

async function readAnswersFile(io: Io, file: string): Promise<{ answers: Partial<Answers>; name?: string }> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), "utf8");
  } catch {
    throw new UsageError(`Cannot read the answers file ${file}; check the path.`);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new UsageError(`The answers file is not valid JSON at ${file}:${parsed.at} (line:column); fix the syntax there.`);
  const data = parsed.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new UsageError(`The answers file ${file} must hold a JSON object of answers.`);
  }
  // A project's .backend-starter.json works as an answers file too.
  const record = data as Record<string, unknown>;
  const inner = record.answers;
  const answersRecord = (typeof inner === "object" && inner !== null ? inner : record) as Record<string, unknown>;
  const { name, ...rest } = answersRecord;
  const nameValue = typeof record.name === "string" ? record.name : typeof name === "string" ? name : undefined;
  return { answers: parseAnswerRecord(rest, file), ...(nameValue === undefined ? {} : { name: nameValue }) };
}

/** The preset's answers under the ones given elsewhere; just those when there is no preset. */
function withPreset(flags: CreateFlags, over: Partial<Answers>): Partial<Answers> {
  if (flags.preset === undefined) return over;
  if (!presetNames().includes(flags.preset)) {
    const guess = closest(flags.preset, presetNames());
    throw new UsageError(`Unknown preset "${flags.preset}"; presets are ${presetNames().join(", ")}.${guess ? ` Did you mean ${guess}?` : ""}`);
  }
  return presetAnswers(flags.preset, over);
}

function flagName(key: keyof Answers): string {
  const option = OPTIONS[key];
  return option.kind === "boolean" ? `${option.flag}/--no-${option.flag.slice(2)}` : option.flag;
}

/** Every problem with a full or partial set of answers, as one usage error. */
export function checkAnswers(answers: Partial<Answers>): void {
  const problems = givenProblems(answers);
  if (problems.length > 0) {
    throw new UsageError(`${problems.join("; ")}; ${offeredSummary()}.`);
  }
}

export async function resolveAnswers(io: Io, flags: CreateFlags, installQuestion = "Install Python dependencies now (uv sync)?"): Promise<Resolved> {
  const file = flags.answersFile === undefined ? { answers: {} } : await readAnswersFile(io, flags.answersFile);
  const given = withPreset(flags, { ...file.answers, ...flags.answers });
  // A directory names the project by its last part; "." only after the answers file's name.
  const fromDirectory = flags.directory === undefined ? undefined : directoryName(io.cwd, flags.directory);
  const nameGiven = flags.name ?? (flags.directory === "." ? undefined : fromDirectory) ?? file.name;
  const nameFromCwd = flags.directory === "." ? fromDirectory : undefined;

  // Refuse what the flags, preset and file got wrong before the first question, not after the last.
  checkAnswers(given);
  if (flags.yes) {
    const answers = defaultAnswers(given);
    checkAnswers(answers);
    return { rawName: nameGiven ?? nameFromCwd ?? DEFAULT_NAME, answers, install: flags.install ?? true, git: flags.git ?? true };
  }

  const missing = missingKeys(given);
  if (!io.interactive) {
    const missingFlags = missing.map(flagName);
    if (nameGiven === undefined && nameFromCwd === undefined) missingFlags.unshift("a directory or --name");
    if (missingFlags.length > 0) {
      throw new UsageError(`No terminal to ask on, and these answers are missing: ${missingFlags.join(", ")}; pass them, or --yes for the defaults.`);
    }
  }
  const rawName = nameGiven ?? nameFromCwd ?? (await askName(io, DEFAULT_NAME));
  // A bad folder name or a folder that is not empty is refused before the questions, too.
  if (io.interactive) await resolveTarget(io, flags.directory, rawName, flags.force);
  const answers = io.interactive ? await askMissing(io, given) : (fillForced(given) as Answers);
  checkAnswers(answers);
  const install = flags.install ?? (io.interactive ? await askYesNo(io, installQuestion, true) : true);
  const git = flags.git ?? (io.interactive ? await askYesNo(io, "Initialise a git repository?", true) : true);
  return { rawName, answers, install, git };
}
