// The order test files start in. A fresh clone (CI) has no timings cached, so
// vitest would start files in the order it found them, and with two workers a
// long file that starts last runs alone at the end (a fresh-clone run: four of
// the longest started last, ~28 min where ~24 would do). Longest first keeps
// both workers busy to the end. The list is of files measured in CI at over a
// minute, longest first; the rest keep vitest's order, after them.
import { BaseSequencer, type TestSpecification } from "vitest/node";

export const LONGEST_FIRST: readonly string[] = [
  "test/e2e/postgres.test.ts",
  "test/e2e/generated.test.ts",
  "test/e2e/mysql.test.ts",
  "test/e2e/fuzz.test.ts",
  "test/e2e/add.test.ts",
  "test/e2e/load.test.ts",
  "test/e2e/cli.test.ts",
  "test/e2e/migrations.test.ts",
  "test/e2e/upgrade.test.ts",
  "test/update/property.test.ts",
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const at = LONGEST_FIRST.findIndex((path) => spec.moduleId.endsWith(`/${path}`));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    const rest = await super.sort(files);
    return rest.map((spec, index) => ({ spec, index })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index).map(({ spec }) => spec);
  }
}
