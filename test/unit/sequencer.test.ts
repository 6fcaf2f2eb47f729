// The longest-first list names files that exist: a renamed or deleted file
// would silently fall back to vitest's order, and CI would pay for it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { LONGEST_FIRST } from "../sequencer.js";

it("lists only test files that exist, each once", () => {
  expect(LONGEST_FIRST.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  expect(new Set(LONGEST_FIRST).size).toBe(LONGEST_FIRST.length);
});
