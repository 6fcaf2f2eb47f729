// The rules engine over the option table: which values are offered, which
// combinations are valid, what fits a partial set of answers, the defaults and
// the messages. It knows no option by name; every rule comes from the
// `available` and `requires` declarations in options.ts.
import { type AnswerKey, type Answers, ANSWER_KEYS, type Choice, type ChoiceKey, type Condition, OPTIONS, optionSpec, type Requires } from "./options.js";

type Value = Answers[AnswerKey];

function choicesOf(key: AnswerKey): readonly Choice<string>[] {
  const option = optionSpec(key);
  return option.kind === "boolean" ? [] : option.choices;
}

function flagName(key: AnswerKey): string {
  return optionSpec(key).flag;
}

/** How a user types one answer: `--db postgres`, `--rbac`, `--no-docker`, `--tests unit,e2e`. */
export function flagFor(key: AnswerKey, value: Value): string {
  const option = optionSpec(key);
  if (option.kind === "boolean") return value ? option.flag : `--no-${option.flag.slice(2)}`;
  return `${option.flag} ${Array.isArray(value) ? value.join(",") : String(value)}`;
}

/** The flags that choose exactly `a`, in question order. */
export function answerFlags(a: Answers): string[] {
  return ANSWER_KEYS.flatMap((key) => flagFor(key, a[key]).split(" "));
}

export function satisfies(condition: Condition, value: string): boolean {
  return "oneOf" in condition ? condition.oneOf.includes(value) : !condition.not.includes(value);
}

/** The requirements a chosen value brings (a list brings each member's). */
function requirementsOf(key: AnswerKey, value: Value): Requires[] {
  const option = optionSpec(key);
  if (option.kind === "boolean") return value === true && option.requires ? [option.requires] : [];
  const values: readonly string[] = Array.isArray(value) ? value : [value as string];
  const choices: readonly Choice<string>[] = option.choices;
  return choices.filter((c) => values.includes(c.value) && c.requires).map((c) => c.requires as Requires);
}

const conditionCache = new Map<string, ReadonlyArray<[ChoiceKey, Condition]>>();

/**
 * requirementsOf as (other answer, condition) pairs, worked out once per value:
 * enumerating the combinations asks this some thousands of times, and
 * --help and every create enumerate them.
 */
function conditionsOf(key: AnswerKey, value: Value): ReadonlyArray<[ChoiceKey, Condition]> {
  const id = `${key}=${String(value)}`;
  let pairs = conditionCache.get(id);
  if (pairs === undefined) {
    pairs = requirementsOf(key, value).flatMap((requires) => Object.entries(requires) as Array<[ChoiceKey, Condition]>);
    conditionCache.set(id, pairs);
  }
  return pairs;
}

/** Every non-empty (at least `min`) subset of the offered test layers, in table order. */
export function testLayerSubsets(): Answers["tests"][] {
  const layers = availableChoices("tests") as Answers["tests"];
  const subsets: Answers["tests"][] = [];
  for (let mask = 1; mask < 1 << layers.length; mask++) {
    const subset = layers.filter((_, i) => (mask & (1 << i)) !== 0);
    if (subset.length >= OPTIONS.tests.min) subsets.push(subset);
  }
  return subsets;
}

function availableChoices(key: AnswerKey): string[] {
  return choicesOf(key)
    .filter((c) => c.available)
    .map((c) => c.value);
}

/** The offered values of one answer, before the other answers narrow them. */
export function offeredValues(key: AnswerKey): Value[] {
  const option = optionSpec(key);
  if (option.kind === "boolean") return option.available ? [false, true] : [false];
  if (option.kind === "multi") return testLayerSubsets();
  return availableChoices(key) as Value[];
}

/** Offered choices first, then the ones not available yet, as "flask, django". */
export function valueLists(key: AnswerKey): { offered: string[]; later: string[] } {
  const choices = choicesOf(key);
  return { offered: choices.filter((c) => c.available).map((c) => c.value), later: choices.filter((c) => !c.available).map((c) => c.value) };
}

/** Choices that exist in the table but are not offered yet, named as in flags. */
export function unavailableProblems(a: Partial<Answers>): string[] {
  const problems: string[] = [];
  for (const key of ANSWER_KEYS) {
    const option = optionSpec(key);
    const value = a[key];
    if (value === undefined) continue;
    if (option.kind === "boolean") {
      if (value === true && !option.available) problems.push(`${option.flag} is not available yet`);
      continue;
    }
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    const choices: readonly Choice<string>[] = option.choices;
    for (const v of values) {
      if (choices.find((c) => c.value === v)?.available === false) problems.push(`${option.flag} ${String(v)} is not available yet`);
    }
  }
  return problems;
}

function describeCondition(key: ChoiceKey, condition: Condition): string {
  const flag = flagName(key);
  if ("oneOf" in condition) return `${flag} ${condition.oneOf.join(" or ")}`;
  return `an ${flag} other than ${condition.not.join(" or ")}`;
}

/** One sentence for `key=value` whose requirement on `other` the answer `otherValue` breaks. */
function conflictSentence(key: AnswerKey, value: Value, other: ChoiceKey, otherValue: string, condition: Condition): string {
  const option = optionSpec(key);
  if (option.kind === "choice") {
    // Name what would fit instead: offered values first, the table's otherwise.
    const fits = option.choices.filter((c: Choice<string>) => !c.requires?.[other] || satisfies(c.requires[other] as Condition, otherValue));
    const shown = fits.some((c) => c.available) ? fits.filter((c) => c.available) : fits;
    const instead = shown.length > 0 ? `works with ${option.flag} ${shown.map((c) => c.value).join(" or ")}` : `works with no ${option.flag}`;
    return `${flagName(other)} ${otherValue} ${instead}, not ${option.flag} ${String(value)}`;
  }
  const undo = option.kind === "boolean" ? ` (or use --no-${option.flag.slice(2)})` : "";
  return `${flagFor(key, value)} needs ${describeCondition(other, condition)}${undo}`;
}

/**
 * THE compatibility rule, for full or partial answers: every given answer's
 * requirements on the other given answers, and list sizes. One sentence per
 * problem; empty = no conflict among what is given.
 */
export function compatibilityProblems(a: Partial<Answers>): string[] {
  const problems: string[] = [];
  for (const key of ANSWER_KEYS) {
    const value = a[key];
    if (value === undefined) continue;
    const option = optionSpec(key);
    if (option.kind === "multi" && Array.isArray(value) && value.length < option.min) {
      problems.push(`${option.flag} needs at least ${option.min === 1 ? "one" : option.min} of ${valueLists(key).offered.join(", ")}`);
    }
    for (const [other, condition] of conditionsOf(key, value)) {
      const otherValue = a[other];
      if (otherValue !== undefined && !satisfies(condition, otherValue)) problems.push(conflictSentence(key, value, other, otherValue, condition));
    }
  }
  return problems;
}

/** Everything wrong with what is given, before anything is asked. */
export function givenProblems(a: Partial<Answers>): string[] {
  const problems = [...unavailableProblems(a), ...compatibilityProblems(a)];
  if (problems.length === 0 && !hasCompletion(a)) problems.push("no offered combination has these answers together");
  return problems;
}

export function isValid(a: Answers): boolean {
  return compatibilityProblems(a).length === 0 && unavailableProblems(a).length === 0;
}

/** A value as one comparable string (a list's members joined). */
function valueId(value: Value): string {
  return Array.isArray(value) ? value.join(",") : String(value);
}

let combinations: readonly Answers[] | undefined;

/** Every combination the generator offers: the full test matrix, in table order. */
export function validCombinations(): Answers[] {
  if (combinations === undefined) {
    const found: Answers[] = [];
    walkCombinations((answers) => {
      found.push({ ...answers } as Answers);
    });
    combinations = found;
  }
  return [...combinations];
}

/** How many combinations are offered (--help says), without building them. */
export function countValidCombinations(): number {
  let count = 0;
  walkCombinations(() => {
    count += 1;
  });
  return count;
}

/**
 * Calls `visit` with each valid combination that agrees with `given`, in table
 * order, depth first, until `visit` returns true; answers whether it did. One
 * answer record and one stack of conditions, changed in place. A conflict among
 * some answers stays whatever is added (the rule reads given answers only), so
 * a conflicting prefix is left as soon as it appears; each value carries the
 * conditions it brings, so adding a key checks only the rules that involve it.
 * `visit` must copy what it keeps. Asking whether some combination completes
 * given answers stops at the first: no question or --yes lists all of them.
 */
function walkCombinations(visit: (answers: Readonly<Partial<Answers>>) => boolean | void, given: Partial<Answers> = {}): boolean {
  const levels = ANSWER_KEYS.map((key) => {
    const option = optionSpec(key);
    const fixed = given[key] === undefined ? null : valueId(given[key]);
    const values = offeredValues(key)
      .filter((v) => !(option.kind === "multi" && Array.isArray(v) && v.length < option.min))
      .filter((v) => fixed === null || valueId(v) === fixed)
      .map((value) => ({ value, conditions: conditionsOf(key, value) }));
    return { key, values };
  });
  const answers: Partial<Record<AnswerKey, Value>> = {};
  const active: Array<[ChoiceKey, Condition]> = [];
  const fits = (key: AnswerKey, value: Value, conditions: ReadonlyArray<[ChoiceKey, Condition]>): boolean =>
    conditions.every(([other, condition]) => answers[other] === undefined || satisfies(condition, answers[other] as string)) &&
    active.every(([other, condition]) => other !== key || satisfies(condition, value as string));
  const step = (level: number): boolean => {
    const current = levels[level];
    if (current === undefined) return visit(answers as Partial<Answers>) === true;
    for (const { value, conditions } of current.values) {
      if (!fits(current.key, value, conditions)) continue;
      answers[current.key] = value;
      const mark = active.length;
      active.push(...conditions);
      const stopped = step(level + 1);
      active.length = mark;
      if (stopped) return true;
    }
    delete answers[current.key];
    return false;
  };
  return step(0);
}

/** Whether some offered combination agrees with every given answer. */
function hasCompletion(partial: Partial<Answers>): boolean {
  return walkCombinations(() => true, partial);
}

/**
 * The values of `key` that still lead to an offered combination, given the
 * other answers. A single-value question is never asked: that value is forced.
 */
export function fittingValues<K extends AnswerKey>(key: K, partial: Partial<Answers>): Answers[K][] {
  return offeredValues(key).filter((v) => hasCompletion({ ...partial, [key]: v })) as Answers[K][];
}

/** For a list answer: the members that appear in some fitting list. */
export function fittingMembers(key: "tests", partial: Partial<Answers>): string[] {
  const lists = fittingValues(key, partial);
  return availableChoices(key).filter((v) => lists.some((l) => (l as readonly string[]).includes(v)));
}

/**
 * The defaults `--yes` takes for whatever `given` leaves open, in question
 * order: the preferred value where it still fits, else the first that does.
 * With conflicting `given` answers, the preferred values (the caller reports).
 */
export function defaultAnswers(given: Partial<Answers> = {}): Answers {
  let current: Partial<Answers> = inQuestionOrder(given);
  for (const key of ANSWER_KEYS) {
    if (current[key] !== undefined) continue;
    const preferred = optionSpec(key).preferred as Value;
    const fitting = fittingValues(key, current);
    // One key's values share a type, so equal ids are equal values (lists compared in order).
    const chosen = fitting.find((v) => valueId(v) === valueId(preferred)) ?? fitting[0] ?? preferred;
    current = { ...current, [key]: Array.isArray(chosen) ? [...chosen] : chosen };
  }
  return inQuestionOrder(current) as Answers;
}

/** The same answers with keys in question order, so manifests and results list them alike. */
function inQuestionOrder(partial: Partial<Answers>): Partial<Answers> {
  return Object.fromEntries(ANSWER_KEYS.filter((k) => partial[k] !== undefined).map((k) => [k, partial[k]]));
}

/** Fills every open question that has exactly one fitting value (lists are always asked). */
export function fillForced(partial: Partial<Answers>): Partial<Answers> {
  let current = inQuestionOrder(partial);
  for (const key of ANSWER_KEYS) {
    if (current[key] !== undefined || optionSpec(key).kind === "multi") continue;
    const fitting = fittingValues(key, current);
    if (fitting.length === 1) current = { ...current, [key]: fitting[0] };
  }
  return inQuestionOrder(current);
}

/** One line naming what is offered today, each value with what it needs. */
export function offeredSummary(): string {
  const parts = ANSWER_KEYS.flatMap((key) => {
    const option = optionSpec(key);
    if (option.kind === "multi") return [];
    if (option.kind === "boolean") {
      if (!option.available) return [`--no-${option.flag.slice(2)}`];
      const needs = offeredRequirementText(option.requires);
      return needs ? [`${option.flag} only ${needs}`] : [];
    }
    const values = (option.choices as readonly Choice<string>[]).filter((c) => c.available);
    return [values.map((c) => `${option.flag} ${c.value}${withSpace(offeredRequirementText(c.requires))}`).join(" | ")];
  });
  return `offered now: ${parts.join("; ")}`;
}

const withSpace = (text: string | undefined): string => (text ? ` ${text}` : "");

/**
 * "with --auth jwt": a requirement as it narrows the offered values, naming
 * only offered ones; undefined when every offered value meets it anyway.
 */
export function offeredRequirementText(requires: Requires | undefined): string | undefined {
  const parts = (Object.entries(requires ?? {}) as Array<[ChoiceKey, Condition]>).flatMap(([key, condition]) => {
    const offered = availableChoices(key);
    const fitting = offered.filter((v) => satisfies(condition, v));
    return fitting.length === offered.length ? [] : [`${flagName(key)} ${fitting.join("|")}`];
  });
  return parts.length > 0 ? `with ${parts.join(" ")}` : undefined;
}

/** A stable, readable id for a combination, used in snapshot maps. */
export function combinationId(a: Answers): string {
  return [
    a.framework,
    a.orm,
    a.db,
    `auth-${a.auth}`,
    a.rbac ? "rbac" : "no-rbac",
    `tests-${a.tests.join("+")}`,
    a.docker ? "docker" : "no-docker",
    `ci-${a.ci}`,
  ].join("_");
}

/** A short id for test names, from each choice's `short`: `fastapi-sa-lite-jwt-rbac-uie-dk-gh`. */
export function shortId(a: Answers): string {
  return ANSWER_KEYS.flatMap((key) => {
    const option = optionSpec(key);
    const value = a[key];
    if (option.kind === "boolean") return value === true ? [option.short] : [];
    const choices: readonly Choice<string>[] = option.choices;
    const short = (v: string) => choices.find((c) => c.value === v)?.short ?? v;
    return [Array.isArray(value) ? value.map(short).join("") : short(value as string)];
  }).join("-");
}
