import { describe, expect, it } from "vitest";
import {
  type Answers,
  combinationId,
  compatibilityProblems,
  defaultAnswers,
  isValid,
  OPTIONS,
  ANSWER_KEYS,
  testLayerSubsets,
  unavailableProblems,
  validCombinations,
} from "../../src/options.js";
import { PRESETS, presetAnswers } from "../../src/presets.js";

describe("option table", () => {
  it("gives every answer a flag, and every flag is unique", () => {
    const flags = ANSWER_KEYS.map((k) => OPTIONS[k].flag);
    expect(new Set(flags).size).toBe(ANSWER_KEYS.length);
    for (const flag of flags) expect(flag).toMatch(/^--[a-z]+$/);
  });

  it("defaults form an offered combination", () => {
    expect(isValid(defaultAnswers())).toBe(true);
  });

  it("falls back from a preferred default that is not offered yet", () => {
    const defaults = defaultAnswers();
    const authChoice = OPTIONS.auth.choices.find((c) => c.value === OPTIONS.auth.preferred);
    expect(defaults.auth === OPTIONS.auth.preferred).toBe(authChoice?.available);
  });

  it("every preset is an offered combination", () => {
    for (const name of Object.keys(PRESETS)) expect(isValid(presetAnswers(name)), name).toBe(true);
  });
});

describe("compatibility", () => {
  const base = defaultAnswers();
  it("pairs Django with its ORM and the others with SQLAlchemy", () => {
    expect(compatibilityProblems({ ...base, framework: "flask", orm: "django" })[0]).toMatch(/--framework flask works with --orm sqlalchemy/);
    expect(compatibilityProblems({ ...base, framework: "django", orm: "sqlalchemy" })[0]).toMatch(/--orm django/);
    expect(compatibilityProblems({ ...base, framework: "django", orm: "django" })).toEqual([]);
  });

  it("refuses RBAC without auth and an empty test selection", () => {
    expect(compatibilityProblems({ ...base, auth: "none", rbac: true }).join()).toMatch(/--rbac needs an --auth/);
    expect(compatibilityProblems({ ...base, tests: [] }).join()).toMatch(/at least one/);
  });

  it("names choices that are not available yet", () => {
    const answers: Answers = { ...base, db: "mysql" };
    expect(unavailableProblems(answers)).toContain("--db mysql is not available yet");
  });
});

describe("test matrix", () => {
  it("has the 7 non-empty subsets of three layers", () => {
    const subsets = testLayerSubsets().map((s) => s.join("+"));
    expect(subsets).toHaveLength(7);
    expect(new Set(subsets).size).toBe(7);
    expect(subsets).toContain("unit+integration+e2e");
  });

  it("holds only valid, distinct combinations, and each offered value at least once", () => {
    const combos = validCombinations();
    expect(combos.every(isValid)).toBe(true);
    const ids = combos.map(combinationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const key of ANSWER_KEYS) {
      const option = OPTIONS[key];
      if (option.kind !== "choice") continue;
      for (const choice of option.choices.filter((c) => c.available)) {
        expect(combos.some((c) => c[key] === choice.value), `${key}=${choice.value}`).toBe(true);
      }
    }
  });
});
