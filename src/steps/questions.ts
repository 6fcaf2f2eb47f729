// Which questions still need an answer, and asking them with @clack/prompts.
// A question whose options offer exactly one fitting value is answered by that
// value without asking; the summary still shows it.
import * as p from "@clack/prompts";
import type { Io } from "../context.js";
import { CancelledError } from "../errors.js";
import { nameProblem } from "../names.js";
import {
  type AnswerKey,
  type Answers,
  ANSWER_KEYS,
  type Choice,
  defaultAnswers,
  ormFits,
  OPTIONS,
} from "../options.js";

/** The offered values of a choice question, given what is already answered. */
export function offeredValues(key: AnswerKey, partial: Partial<Answers>): string[] {
  const option = OPTIONS[key];
  if (option.kind === "boolean") {
    if (key === "rbac" && partial.auth === "none") return ["false"];
    return option.available ? ["false", "true"] : ["false"];
  }
  const choices: readonly Choice<string>[] = option.choices;
  return choices
    .filter((c) => c.available)
    .filter((c) => key !== "orm" || partial.framework === undefined || ormFits(partial.framework, c.value as Answers["orm"]))
    .map((c) => c.value);
}

/** Fills questions that have a single offered value, in question order. */
export function fillForced(partial: Partial<Answers>): Partial<Answers> {
  const out: Record<string, unknown> = { ...partial };
  for (const key of ANSWER_KEYS) {
    if (out[key] !== undefined) continue;
    const offered = offeredValues(key, out as Partial<Answers>);
    if (offered.length !== 1 || OPTIONS[key].kind === "multi") continue;
    const only = offered[0] as string;
    out[key] = OPTIONS[key].kind === "boolean" ? only === "true" : only;
  }
  return out as Partial<Answers>;
}

export function missingKeys(partial: Partial<Answers>): AnswerKey[] {
  const filled = fillForced(partial);
  return ANSWER_KEYS.filter((k) => filled[k] === undefined);
}

function unwrap<T>(value: T): Exclude<T, symbol> {
  if (p.isCancel(value)) throw new CancelledError();
  return value as Exclude<T, symbol>;
}

export async function askName(io: Io, initial: string): Promise<string> {
  const value = await p.text({
    message: "Project name",
    placeholder: initial,
    defaultValue: initial,
    validate: (v) => nameProblem(v === undefined || v === "" ? initial : v) ?? undefined,
    input: io.stdin,
    output: io.stdout,
  });
  return unwrap(value);
}

async function askOne(io: Io, key: AnswerKey, partial: Partial<Answers>): Promise<unknown> {
  const option = OPTIONS[key];
  const streams = { input: io.stdin, output: io.stdout };
  const defaults = defaultAnswers();
  if (option.kind === "boolean") {
    return unwrap(await p.confirm({ message: option.label, initialValue: defaults[key] as boolean, ...streams }));
  }
  if (option.kind === "multi") {
    const choices: readonly Choice<string>[] = option.choices;
    const value = await p.multiselect<string>({
      message: `${option.label} (space to toggle)`,
      options: choices.map((c) => ({ value: c.value, label: c.label, hint: c.available ? c.hint : "not available yet", disabled: !c.available })),
      initialValues: defaults.tests,
      required: true,
      ...streams,
    });
    return unwrap(value);
  }
  const offered = offeredValues(key, partial);
  const choices: readonly Choice<string>[] = option.choices;
  const shown = choices.filter((c) => key !== "orm" || partial.framework === undefined || ormFits(partial.framework, c.value as Answers["orm"]));
  const preferred = defaults[key] as string;
  const value = await p.select<string>({
    message: option.label,
    options: shown.map((c) => ({
      value: c.value,
      label: c.label,
      hint: offered.includes(c.value) ? c.hint : "not available yet",
      disabled: !offered.includes(c.value),
    })),
    initialValue: offered.includes(preferred) ? preferred : offered[0],
    ...streams,
  });
  return unwrap(value);
}

/** Asks every unanswered question in table order; forced ones are filled silently. */
export async function askMissing(io: Io, partial: Partial<Answers>): Promise<Answers> {
  let current = fillForced(partial);
  for (const key of ANSWER_KEYS) {
    if (current[key] !== undefined) continue;
    current = fillForced({ ...current, [key]: await askOne(io, key, current) });
  }
  return current as Answers;
}

export async function askYesNo(io: Io, message: string, initialValue: boolean): Promise<boolean> {
  return unwrap(await p.confirm({ message, initialValue, input: io.stdin, output: io.stdout }));
}
