import { describe, expect, it } from "vitest";
import { coveringMembers, coveringSet, factorsOf, validPairs } from "../../src/covering-set.js";
import { defaultAnswers, isValid, validCombinations, valueLists } from "../../src/constraints.js";

describe("the generated-project covering set", () => {
  const members = coveringMembers();

  it("holds every valid pair of offered values", () => {
    const covered = new Set<string>();
    for (const { answers } of members) {
      const factors = factorsOf(answers);
      for (const a of factors) for (const b of factors) covered.add(`${a} & ${b}`);
    }
    const missing = [...validPairs()].filter((pair) => !covered.has(pair));
    expect(missing).toEqual([]);
    // Sanity: the pairs include one that needs a non-default value on both sides.
    expect(validPairs()).toContain("db=postgres & auth=none");
  });

  it("has only valid members, with unique ids, starting from the defaults", () => {
    expect(members.every((m) => isValid(m.answers))).toBe(true);
    const ids = members.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    // No id is part of another, so `vitest -t <id>` selects exactly one member.
    for (const id of ids) expect(ids.filter((other) => other.includes(id))).toEqual([id]);
    expect(members[0]?.answers).toEqual(defaultAnswers());
  });

  it("never pairs values the table forbids together", () => {
    expect([...validPairs()].filter((p) => p === "auth=none & rbac=true")).toEqual([]);
  });

  it("is small and the same on every run", () => {
    // Grows by about one member per offered value; each costs CI a generated project.
    expect(members.length).toBeLessThanOrEqual(14);
    expect(members.length).toBeLessThan(validCombinations().length / 10);
    expect(coveringSet()).toEqual(members.map((m) => m.answers));
  });

  it("has members on each offered database, for the per-database test files", () => {
    const dbs = new Set(members.map((m) => m.answers.db));
    expect([...dbs].sort()).toEqual(valueLists("db").offered.sort());
    expect(dbs).toContain("postgres");
  });
});
