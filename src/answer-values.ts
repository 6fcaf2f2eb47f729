// One parser for an answer's value, whichever way it arrived (flag, answers
// file, preset, `update --set`), so every source gets the same checks and messages.
import { UsageError } from "./errors.js";
import { type AnswerKey, type Answers, ANSWER_KEYS, OPTIONS } from "./options.js";
import { valueLists } from "./constraints.js";
import { closest } from "./suggest.js";

/** "sqlite, postgres (mysql: not available yet)": the offered values, the others apart. */
export function knownValuesText(key: AnswerKey): string {
  const { offered, later } = valueLists(key);
  return `${offered.join(", ")}${later.length > 0 ? ` (${later.join(", ")}: not available yet)` : ""}`;
}

function unknownValue(key: AnswerKey, value: unknown, source: string): UsageError {
  const option = OPTIONS[key];
  const { offered, later } = valueLists(key);
  const guess = typeof value === "string" ? closest(value, [...offered, ...later]) : undefined;
  const hint = guess === undefined ? "" : ` Did you mean ${guess}?`;
  const what = option.kind === "multi" ? "a comma-separated list of" : "one of";
  return new UsageError(`${source} must be ${what} ${knownValuesText(key)}; got ${JSON.stringify(value)}.${hint}`);
}

export function parseAnswer<K extends AnswerKey>(key: K, raw: unknown, source: string): Answers[K] {
  const option = OPTIONS[key];
  if (option.kind === "boolean") {
    if (typeof raw !== "boolean") throw new UsageError(`${source} must be true or false.`);
    return raw as Answers[K];
  }
  // Values not offered yet parse here, so the check that follows can say "not available yet".
  const known = option.choices.map((c) => c.value as string);
  const list = option.kind === "multi" ? toList(raw, source) : [raw];
  for (const value of list) {
    if (typeof value !== "string" || !known.includes(value)) throw unknownValue(key, value, source);
  }
  if (option.kind === "multi") {
    // Table order, no repeats: "e2e,unit,unit" means the same as "unit,e2e".
    return known.filter((k) => list.includes(k)) as Answers[K];
  }
  return raw as Answers[K];
}

function toList(raw: unknown, source: string): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (typeof raw === "string") return raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
  throw new UsageError(`${source} must be a list.`);
}

/** Validates an object of answers (answers file, manifest) key by key. */
export function parseAnswerRecord(record: Record<string, unknown>, source: string): Partial<Answers> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!(ANSWER_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, ANSWER_KEYS);
      throw new UsageError(`${source}: unknown answer "${key}"; known answers are ${ANSWER_KEYS.join(", ")}.${guess ? ` Did you mean ${guess}?` : ""}`);
    }
    out[key] = parseAnswer(key as AnswerKey, value, `${source}: ${key}`);
  }
  return out as Partial<Answers>;
}
