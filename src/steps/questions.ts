// Asking the open questions with @clack/prompts. Each question shows only the
// values that still fit the answers so far (the option table decides which);
// one whose only fitting value is forced is answered without asking. clack is
// loaded on the first question, so runs that ask nothing never load it.
import type { Io } from "../context.js";
import { CancelledError } from "../errors.js";
import { importEsm } from "../io/import-esm.js";
import { nameProblem } from "../names.js";
import { type AnswerKey, type Answers, ANSWER_KEYS, type Choice, optionSpec } from "../options.js";
import { defaultAnswers, fillForced, fittingMembers, fittingValues } from "../constraints.js";

type Clack = typeof import("@clack/prompts");

async function clack(): Promise<Clack> {
  return importEsm("@clack/prompts");
}

/** The questions still open once the forced ones are filled. */
export function missingKeys(partial: Partial<Answers>): AnswerKey[] {
  const filled = fillForced(partial);
  return ANSWER_KEYS.filter((k) => filled[k] === undefined);
}

function unwrap<T>(p: Clack, value: T): Exclude<T, symbol> {
  if (p.isCancel(value)) throw new CancelledError();
  return value as Exclude<T, symbol>;
}

export async function askName(io: Io, initial: string): Promise<string> {
  const p = await clack();
  const value = await p.text({
    message: "Project name",
    placeholder: initial,
    defaultValue: initial,
    validate: (v) => nameProblem(v === undefined || v === "" ? initial : v) ?? undefined,
    input: io.stdin,
    output: io.stdout,
  });
  return unwrap(p, value);
}

async function askOne(p: Clack, io: Io, key: AnswerKey, partial: Partial<Answers>): Promise<unknown> {
  const option = optionSpec(key);
  const streams = { input: io.stdin, output: io.stdout };
  // The default that fits what is answered so far.
  const initial = defaultAnswers(partial)[key];
  if (option.kind === "boolean") {
    return unwrap(p, await p.confirm({ message: option.label, initialValue: initial as boolean, ...streams }));
  }
  if (option.kind === "multi") {
    const fitting = fittingMembers("tests", partial);
    const shown = option.choices.filter((c: Choice<string>) => fitting.includes(c.value));
    const value = await p.multiselect<string>({
      message: `${option.label} (space to toggle)`,
      options: shown.map((c) => ({ value: c.value, label: c.label, ...(c.hint ? { hint: c.hint } : {}) })),
      initialValues: (initial as string[]).filter((v) => fitting.includes(v)),
      required: option.min > 0,
      ...streams,
    });
    return unwrap(p, value);
  }
  const fitting = fittingValues(key, partial) as string[];
  const shown = option.choices.filter((c: Choice<string>) => fitting.includes(c.value));
  const value = await p.select<string>({
    message: option.label,
    options: shown.map((c) => ({ value: c.value, label: c.label, ...(c.hint ? { hint: c.hint } : {}) })),
    initialValue: initial as string,
    ...streams,
  });
  return unwrap(p, value);
}

/** Asks every open question in table order; forced ones are filled silently. */
export async function askMissing(io: Io, partial: Partial<Answers>): Promise<Answers> {
  let current = fillForced(partial);
  for (const key of ANSWER_KEYS) {
    if (current[key] !== undefined) continue;
    const p = await clack();
    current = fillForced({ ...current, [key]: await askOne(p, io, key, current) });
  }
  return current as Answers;
}

export async function askYesNo(io: Io, message: string, initialValue: boolean): Promise<boolean> {
  const p = await clack();
  return unwrap(p, await p.confirm({ message, initialValue, input: io.stdin, output: io.stdout }));
}
