import { describe, expect, it } from "vitest";
import { coveringMembers, coveringSet, factorsOf, interactionsOf, validInteractions, validPairs } from "../../src/covering-set.js";
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

  it("holds each login method that is not a token in full: every framework, with and without RBAC", () => {
    const covered = new Set(members.flatMap((m) => interactionsOf(m.answers)));
    const wanted = validInteractions();
    expect([...wanted].filter((i) => !covered.has(i))).toEqual([]);
    // Derived from the table, not listed: every offered framework and cookie or provider method, both ways.
    const frameworks = valueLists("framework").offered;
    const methods = valueLists("auth").offered.filter((m) => m === "session" || m === "oauth");
    expect(wanted.size).toBe(frameworks.length * methods.length * 2);
    expect(wanted).toContain("framework=flask & auth=session & rbac=false");
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
    // Grows by about one member per offered value, and by one per framework, method and
    // RBAC choice held in full; each costs CI a generated project.
    expect(members.length).toBeLessThanOrEqual(20);
    expect(members.length).toBeLessThan(validCombinations().length / 10);
    expect(coveringSet()).toEqual(members.map((m) => m.answers));
  });

  it("has members on each offered database, for the per-database test files", () => {
    const dbs = new Set(members.map((m) => m.answers.db));
    expect([...dbs].sort()).toEqual(valueLists("db").offered.sort());
    expect(dbs).toContain("postgres");
  });
});
