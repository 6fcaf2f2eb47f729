// The longest names the CLI takes: a 40-character project and a 30-character
// resource with every field type (a ref to items and, with auth, to users), then
// a resource that refers to it. The project must still pass its own lint and
// format check, on either framework, with and without auth: ruff's layout
// depends on line length, so a template that is stable for `posts` may not be
// here. Only ruff, so this runs in seconds; test/e2e/add.test.ts proves an added
// resource migrates, passes its tests and serves.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAnswers } from "../../src/constraints.js";
import type { Answers } from "../../src/options.js";
import { removeDir, runInProcess, tempDir } from "../helpers.js";
import { expectTool, gateEnv } from "../support/gates.js";
import { answerFlags, FIELDS_OF_EVERY_TYPE } from "../support/project.js";
import { checkEnvironment } from "../support/python.js";

const PROJECT = "abcdefghij-abcdefghij-abcdefghij-abcdefg";
const RESOURCE = "abcdefghij_klmnopqrs_tuvwxyzas";
// Every field type, indexed too, and a ref to the sample resource.
const FIELDS = [...FIELDS_OF_EVERY_TYPE, "code:str(20):index", "item:ref(items)"];
// The database's 63-character names leave a referring table little room: fk_tags_entry_id_<RESOURCE>.
const REFERRING = ["tags", "--fields", `label:str,entry:ref(${RESOURCE}):optional`];

let bin: string;
const work = tempDir("cbs-long-");

beforeAll(async () => {
  bin = await checkEnvironment();
}, 900_000);
afterAll(() => removeDir(work));

const cases: Array<{ label: string; answers: Answers }> = [
  { label: "FastAPI with auth", answers: defaultAnswers() },
  { label: "FastAPI without auth", answers: { ...defaultAnswers(), auth: "none", rbac: false } },
  { label: "Flask with auth", answers: defaultAnswers({ framework: "flask" }) },
  { label: "Flask without auth", answers: defaultAnswers({ framework: "flask", auth: "none", rbac: false }) },
  { label: "Django with auth", answers: defaultAnswers({ framework: "django" }) },
  { label: "Django without auth", answers: defaultAnswers({ framework: "django", auth: "none", rbac: false }) },
];

describe("the longest names pass the project's ruff check and ruff format --check", () => {
  it("are the longest the CLI takes", () => {
    expect(PROJECT).toHaveLength(40);
    expect(RESOURCE).toHaveLength(30);
  });

  it.each(cases)("$label, every test layer", async ({ label, answers }) => {
    const parent = join(work, label.replaceAll(" ", "-"));
    mkdirSync(parent);
    const project = join(parent, PROJECT);
    const created = await runInProcess([PROJECT, ...answerFlags(answers), "--no-install", "--no-git"], { cwd: parent });
    expect(created.exitCode, created.stderr).toBe(0);
    const fields = [...FIELDS, ...(answers.auth === "none" ? [] : ["author:ref(users):optional"])].join(",");
    for (const args of [[RESOURCE, "--fields", fields], REFERRING]) {
      const added = await runInProcess(["add", "resource", ...args, "--allow-dirty"], { cwd: project });
      expect(added.exitCode, added.stderr).toBe(0);
    }
    const env = gateEnv(bin, project, parent);
    await expectTool(bin, project, "ruff", ["check", "--no-cache", "."], env);
    await expectTool(bin, project, "ruff", ["format", "--check", "--no-cache", "."], env);
  }, 120_000);
});
