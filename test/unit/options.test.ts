import { describe, expect, it } from "vitest";
import { type Answers, ANSWER_KEYS, OPTIONS, optionSpec } from "../../src/options.js";
import { combinationId, compatibilityProblems, defaultAnswers, fillForced, fittingValues, givenProblems, isValid, offeredSummary, offeredValues, shortId, testLayerSubsets, unavailableProblems, validCombinations } from "../../src/constraints.js";
import { PRESETS, presetAnswers } from "../../src/presets.js";

describe("option table", () => {
  it("gives every answer a flag, and every flag is unique", () => {
    const flags = ANSWER_KEYS.map((k) => OPTIONS[k].flag);
    expect(new Set(flags).size).toBe(ANSWER_KEYS.length);
    for (const flag of flags) expect(flag).toMatch(/^--[a-z]+$/);
  });

  it("names only answers and values that exist in every requirement", () => {
    const requirements = ANSWER_KEYS.flatMap((key) => {
      const option = optionSpec(key);
      return option.kind === "boolean" ? [option.requires ?? {}] : option.choices.map((c) => c.requires ?? {});
    });
    for (const requires of requirements) {
      for (const [key, condition] of Object.entries(requires)) {
        const option = optionSpec(key as keyof Answers);
        expect(option.kind, key).toBe("choice");
        const known = option.kind === "choice" ? option.choices.map((c) => c.value) : [];
        for (const value of "oneOf" in condition ? condition.oneOf : condition.not) expect(known, `${key}=${value}`).toContain(value);
      }
    }
  });

  it("offers exactly what it offered before the table declared requirements", () => {
    const offered = (key: keyof Answers) => {
      const option = optionSpec(key);
      return option.kind === "boolean" ? option.available : option.choices.filter((c) => c.available).map((c) => c.value);
    };
    expect(offered("framework")).toEqual(["fastapi", "flask", "django"]);
    expect(offered("orm")).toEqual(["sqlalchemy", "django"]);
    expect(offered("db")).toEqual(["sqlite", "postgres", "mysql"]);
    expect(offered("auth")).toEqual(["none", "jwt", "session", "oauth"]);
    expect(offered("tests")).toEqual(["unit", "integration", "e2e"]);
    expect(offered("ci")).toEqual(["github", "none"]);
    expect(offered("rbac")).toBe(true);
    expect(offered("docker")).toBe(true);
  });

  it("defaults form an offered combination: the one CLI.md promises", () => {
    expect(defaultAnswers()).toEqual({
      framework: "fastapi", orm: "sqlalchemy", db: "sqlite", auth: "jwt", rbac: true, tests: ["unit", "integration", "e2e"], docker: true, ci: "github",
    });
    expect(isValid(defaultAnswers())).toBe(true);
  });

  it("fills the defaults that fit what is given: no auth turns the RBAC default off", () => {
    expect(defaultAnswers({ auth: "none" })).toMatchObject({ auth: "none", rbac: false });
    expect(defaultAnswers({ auth: "jwt" }).rbac).toBe(true);
  });

  it("every preset is an offered combination, also under answers that narrow its defaults", () => {
    for (const name of Object.keys(PRESETS)) {
      expect(isValid(presetAnswers(name)), name).toBe(true);
      expect(isValid(presetAnswers(name, { auth: "none" })), `${name} --auth none`).toBe(true);
    }
  });
});

describe("compatibility", () => {
  const base = defaultAnswers();
  it("pairs Django with its ORM and the others with SQLAlchemy", () => {
    expect(compatibilityProblems({ ...base, framework: "flask", orm: "django" })).toEqual(["--framework flask works with --orm sqlalchemy, not --orm django"]);
    expect(compatibilityProblems({ ...base, framework: "django", orm: "sqlalchemy" })).toEqual(["--framework django works with --orm django, not --orm sqlalchemy"]);
    expect(compatibilityProblems({ ...base, framework: "django", orm: "django" })).toEqual([]);
  });

  it("refuses RBAC without auth and an empty test selection", () => {
    expect(compatibilityProblems({ ...base, auth: "none", rbac: true })).toEqual(["--rbac needs an --auth other than none (or use --no-rbac)"]);
    expect(compatibilityProblems({ ...base, tests: [] }).join()).toMatch(/--tests needs at least one of unit, integration, e2e/);
  });

  it("checks partial answers against each other only", () => {
    expect(compatibilityProblems({ rbac: true })).toEqual([]);
    expect(compatibilityProblems({ auth: "none", rbac: true })).toHaveLength(1);
    expect(givenProblems({ auth: "oauth", rbac: true })).toEqual([]);
    expect(givenProblems({ framework: "django", auth: "session" })).toEqual([]);
    expect(givenProblems({ framework: "django", orm: "sqlalchemy" })).toHaveLength(1);
    expect(givenProblems({ db: "postgres", auth: "none" })).toEqual([]);
  });

  // Every value of the table is offered today; unoffered.test.ts proves, on a copy of
  // the table with one value marked unavailable, how such a value is refused and left out.
  it("finds no value that is not available yet in any offered combination", () => {
    expect(unavailableProblems({ ...base, auth: "oauth" })).toEqual([]);
    expect(validCombinations().flatMap(unavailableProblems)).toEqual([]);
  });

  it("summarises what is offered", () => {
    const summary = offeredSummary();
    expect(summary).toContain("--db sqlite | --db postgres | --db mysql");
    expect(summary).toContain("--auth none | --auth jwt | --auth session | --auth oauth");
    expect(summary).toContain("--rbac only with --auth jwt|session|oauth");
    // A requirement is said where it narrows what is offered.
    expect(summary).toContain("--orm sqlalchemy with --framework fastapi|flask | --orm django with --framework django;");
  });
});

describe("fitting values", () => {
  it("offers only the values that still lead to a valid combination", () => {
    expect(fittingValues("rbac", { auth: "none" })).toEqual([false]);
    expect(fittingValues("rbac", { auth: "jwt" })).toEqual([false, true]);
    expect(fittingValues("auth", { rbac: true })).toEqual(["jwt", "session", "oauth"]);
    expect(fittingValues("auth", { framework: "django", rbac: true })).toEqual(["jwt", "session", "oauth"]);
    expect(fittingValues("orm", { framework: "fastapi" })).toEqual(["sqlalchemy"]);
  });

  it("answers a question whose only fitting value is forced", () => {
    expect(fillForced({})).toEqual({});
    expect(fillForced({ framework: "flask" })).toMatchObject({ orm: "sqlalchemy" });
    expect(fillForced({ framework: "django" })).toMatchObject({ orm: "django" });
    expect(fillForced({ auth: "none" })).toMatchObject({ rbac: false });
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
    // 3 databases x 7 test sets x 2 Docker x 2 CI x the auth answers, each framework with its one ORM:
    // no auth, and jwt, session and oauth with and without RBAC, on all three.
    expect(combos).toHaveLength(3 * 7 * 2 * 2 * (3 * 7));
    for (const ids of [combos.map(combinationId), combos.map(shortId)]) expect(new Set(ids).size).toBe(ids.length);
    for (const key of ANSWER_KEYS) {
      const option = OPTIONS[key];
      if (option.kind !== "choice") continue;
      for (const choice of option.choices.filter((c) => c.available)) {
        expect(combos.some((c) => c[key] === choice.value), `${key}=${choice.value}`).toBe(true);
      }
    }
  });

  it("is exactly the full product of offered values that isValid keeps, in table order", () => {
    let product: Array<Record<string, unknown>> = [{}];
    for (const key of ANSWER_KEYS) product = product.flatMap((p) => offeredValues(key).map((v) => ({ ...p, [key]: v })));
    const valid = (product as unknown as Answers[]).filter(isValid);
    expect(validCombinations().map(combinationId)).toEqual(valid.map(combinationId));
  });

  it("gives short, readable ids", () => {
    expect(shortId(defaultAnswers())).toBe("fastapi-sa-lite-jwt-rbac-uie-dk-gh");
    expect(shortId({ ...defaultAnswers(), db: "postgres", auth: "none", rbac: false, tests: ["unit"], docker: false, ci: "none" })).toBe("fastapi-sa-pg-noauth-u-noci");
  });
});
