// `add resource` on a project that already holds data, on SQLite, for every
// framework the covering set offers (test/support/add-scenario.ts tells the
// story; postgres.test.ts and mysql.test.ts run it on their servers).
import { describe } from "vitest";
import { coveringMembers } from "../../src/covering-set.js";
import { addScenario } from "../support/add-scenario.js";

for (const framework of new Set(coveringMembers().map((m) => m.answers.framework))) {
  describe(`on ${framework} with sqlite`, () => addScenario(framework, "sqlite"));
}
