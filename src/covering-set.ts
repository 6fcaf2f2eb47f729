// The generated-project test matrix: a pairwise (all-pairs) covering set of
// the valid combinations. Every offered value of every axis meets every other
// axis's offered values in some member, as far as the table allows them
// together, in far fewer projects than the full matrix. Derived from the option
// table, so a value that becomes available (say `--db mysql`) joins the set.
import { type AnswerKey, type Answers, ANSWER_KEYS, optionSpec } from "./options.js";
import { defaultAnswers, shortId, validCombinations, valueLists } from "./constraints.js";

/** One axis value of a combination, as "db=postgres" or "tests.e2e=on". */
export type Factor = string;

/** The axes of a combination: each answer, with each test layer as its own on/off axis. */
export function factorsOf(a: Answers): Factor[] {
  return ANSWER_KEYS.flatMap((key: AnswerKey) => {
    const option = optionSpec(key);
    const value = a[key];
    if (option.kind === "multi") {
      const chosen = value as readonly string[];
      return valueLists(key).offered.map((layer) => `${key}.${layer}=${chosen.includes(layer) ? "on" : "off"}`);
    }
    return [`${key}=${String(value)}`];
  });
}

function pairsOf(a: Answers): string[] {
  const factors = factorsOf(a);
  const pairs: string[] = [];
  for (let i = 0; i < factors.length; i++) for (let j = i + 1; j < factors.length; j++) pairs.push(`${factors[i]} & ${factors[j]}`);
  return pairs;
}

/**
 * Interactions held in full, beyond pairs: for each, every valid combination of
 * its axes' values (limited to `only`) is some member. How a user logs in is
 * written per framework, and RBAC changes what it guards, so each cookie or
 * provider login is proven on each framework with and without RBAC.
 */
export const FULL_INTERACTIONS: readonly { readonly keys: readonly AnswerKey[]; readonly only: Partial<Record<AnswerKey, readonly string[]>> }[] = [
  { keys: ["framework", "auth", "rbac"], only: { auth: ["session", "oauth"] } },
];

/** The interactions a combination holds: "framework=flask & auth=oauth & rbac=true". */
export function interactionsOf(a: Answers): string[] {
  return FULL_INTERACTIONS.flatMap(({ keys, only }) => {
    const within = keys.every((key) => only[key]?.includes(String(a[key])) ?? true);
    return within ? [keys.map((key) => `${key}=${String(a[key])}`).join(" & ")] : [];
  });
}

function requirementsOf(a: Answers): string[] {
  return [...pairsOf(a), ...interactionsOf(a)];
}

/** Every pair of values of two different axes that some valid combination holds. */
export function validPairs(): Set<string> {
  return new Set(validCombinations().flatMap(pairsOf));
}

/** Every full interaction that some valid combination holds. */
export function validInteractions(): Set<string> {
  return new Set(validCombinations().flatMap(interactionsOf));
}

/**
 * Greedy all-pairs (and the full interactions): starts from the defaults, then
 * repeatedly takes the valid combination that covers the most requirements not
 * yet covered (the first in table order on a tie), so the set is the same on every run.
 */
export function coveringSet(): Answers[] {
  const candidates = validCombinations().map((answers) => ({ answers, pairs: requirementsOf(answers) }));
  const uncovered = new Set([...validPairs(), ...validInteractions()]);
  const chosen: Answers[] = [];
  const take = (answers: Answers, pairs: readonly string[]) => {
    chosen.push(answers);
    for (const pair of pairs) uncovered.delete(pair);
  };
  const defaults = defaultAnswers();
  take(defaults, requirementsOf(defaults));
  while (uncovered.size > 0) {
    let best = candidates[0];
    let bestGain = -1;
    for (const candidate of candidates) {
      const gain = candidate.pairs.filter((p) => uncovered.has(p)).length;
      if (gain > bestGain) {
        best = candidate;
        bestGain = gain;
      }
    }
    if (!best || bestGain <= 0) break;
    take(best.answers, best.pairs);
  }
  return chosen;
}

export interface CoveringMember {
  readonly id: string;
  readonly answers: Answers;
}

/** The covering set with each member's short id, for test names and `vitest -t <id>`. */
export function coveringMembers(): CoveringMember[] {
  return coveringSet().map((answers) => ({ id: shortId(answers), answers }));
}
