// `add resource` on a project that already holds data, on each server database
// the covering set offers (PostgreSQL, MariaDB), the frameworks taken in turn:
// every framework and every database is covered without the whole product of
// them. A file of its own so it runs beside the SQLite one.
import { describe } from "vitest";
import { coveringMembers } from "../../src/covering-set.js";
import type { Database, Framework } from "../../src/options.js";
import { addScenario } from "../support/add-scenario.js";

const FRAMEWORKS = [...new Set(coveringMembers().map((m) => m.answers.framework))];
const SERVER_DBS = [...new Set(coveringMembers().map((m) => m.answers.db))].filter((db) => db !== "sqlite");

SERVER_DBS.forEach((db: Database, i) => {
  const framework = FRAMEWORKS[i % FRAMEWORKS.length] as Framework;
  describe(`on ${framework} with ${db}`, () => addScenario(framework, db));
});
