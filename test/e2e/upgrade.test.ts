// A project an older generator made, with a resource that older generator
// added and rows in its database, updated to this version's templates: the
// resource stays, the user's edits stay, the rows stay, and the project passes
// its own gates and serves the resource by the contract. The projects are
// test/fixtures/projects/FRAMEWORK-COMMIT.tgz, made by
// scripts/make-project-fixture.sh from the generator at COMMIT (63e0ea9: before
// the resource templates were rewritten for long names, so the update changes
// the added resource's files, not only the generated ones).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runUpdate } from "../../src/commands/project-commands.js";
import { Cleanup } from "../../src/context.js";
import { EXIT } from "../../src/errors.js";
import type { Framework } from "../../src/options.js";
import { newUser, type User } from "../contract/auth.js";
import { Client, record } from "../contract/client.js";
import { expectProblem } from "../contract/general.js";
import { type AddedResource, checkAddedResource } from "../contract/resource.js";
import { ROOT, removeDir, tempDir } from "../helpers.js";
import { expectGatesPass, expectTool, gateEnv } from "../support/gates.js";
import { commitAll, git, recordingIo } from "../support/project.js";
import { type ProjectDb, query } from "../support/project-db.js";
import { checkEnvironment } from "../support/python.js";
import { whileServed } from "../support/serve.js";

const COMMIT = "63e0ea9";
const SECRET_KEY = "a-secret-key-for-the-upgrade-check-0123456789abcdef";
const USER_LINE = "# Kept by the team: notes are shown newest first in the mobile app.";

let bin: string;
beforeAll(async () => {
  bin = await checkEnvironment();
}, 900_000);

function notes(itemId: number, foreignItemId: number): AddedResource {
  return {
    path: "/api/v1/notes",
    fields: [
      { json: "title", type: "str", optional: false, valid: "A note", invalid: ["", "x".repeat(81), 5] },
      { json: "body", type: "text", optional: true, valid: "Longer words.", invalid: [5] },
      { json: "score", type: "int", optional: false, valid: 4, invalid: ["high", 1.5] },
      { json: "done", type: "bool", optional: false, valid: true, invalid: ["maybe"] },
      { json: "item_id", type: "ref", optional: true, valid: itemId, invalid: [2 ** 40, foreignItemId] },
    ],
  };
}

describe.each([["fastapi"], ["flask"]] as const)("a %s project made by the generator at 63e0ea9, with an added resource and rows", (framework: Framework) => {
  const work = tempDir(`cbs-upgrade-${framework}-`);
  const name = `old-${framework}-api`;
  const pkg = name.replaceAll("-", "_");
  const dir = join(work, name);
  let env: Record<string, string>;
  let owner: User;
  let kept: { item: number; note: number };

  beforeAll(async () => {
    await execa("tar", ["-xzf", join(ROOT, "test", "fixtures", "projects", `${framework}-${COMMIT}.tgz`), "-C", work]);
    await git(dir, "init", "--quiet");
    await commitAll(dir, `as the generator at ${COMMIT} wrote it`);
    env = { ...gateEnv(bin, dir, work), APP_ENV: "development", SECRET_KEY, DATABASE_URL: `sqlite:///${join(work, "app.db")}` };
  });
  afterAll(() => removeDir(work));

  async function served<T>(use: (client: Client) => Promise<T>): Promise<T> {
    return whileServed(join(bin, "python"), pkg, dir, env, (url) => use(new Client(url)));
  }

  it("migrates and stores rows, and its team edits the added resource", async () => {
    await expectTool(bin, dir, "python", ["-m", pkg, "migrate"], env);
    [owner, kept] = await served(async (client) => {
      const user = await newUser(client);
      const item = await client.post("/api/v1/items", { json: { title: "from the old version" }, user: user });
      expect(item.status, item.text).toBe(201);
      const itemId = record(item.body).id as number;
      const note = await client.post("/api/v1/notes", { json: { title: "old note", item_id: itemId }, user: user });
      expect(note.status, note.text).toBe(201);
      return [user, { item: itemId, note: record(note.body).id as number }] as const;
    });
    // Above the router (FastAPI) or blueprint (Flask): lines this update leaves alone, so it merges.
    const routes = join(dir, "src", pkg, "notes", "routes.py");
    const text = readFileSync(routes, "utf8");
    expect(text).toMatch(/^(router|blueprint) = /m);
    writeFileSync(routes, text.replace(/^(router|blueprint) = /m, `${USER_LINE}\n$&`));
    await commitAll(dir, "a team's own line");
  }, 300_000);

  it("updates to this version's templates: the added resource's files change, the user's line stays, nothing conflicts", async () => {
    const before = readFileSync(join(dir, "src", pkg, "notes", "repository.py"), "utf8");
    const rec = recordingIo(dir);
    const code = await runUpdate(rec.io, [], new Cleanup());
    expect(code, rec.stdout()).toBe(EXIT.ok);
    expect(rec.stdout()).toMatch(new RegExp(`merged\\s+src/${pkg}/notes/routes\\.py`));
    expect(rec.stdout()).not.toMatch(/CONFLICT|deleted/);
    expect(readFileSync(join(dir, "src", pkg, "notes", "repository.py"), "utf8")).not.toBe(before);
    expect(readFileSync(join(dir, "src", pkg, "notes", "routes.py"), "utf8")).toContain(USER_LINE);
    await commitAll(dir, "update");
    // A second update has nothing left to do.
    const again = recordingIo(dir);
    expect(await runUpdate(again.io, [], new Cleanup())).toBe(EXIT.ok);
    expect((await git(dir, "status", "--porcelain")).trim()).toBe("");
  });

  it("migrates the database it already had, keeping its rows, and passes its own gates", async () => {
    await expectTool(bin, dir, "python", ["-m", pkg, "migrate"], env);
    const db: ProjectDb = { bin, pkg, dir, env };
    expect(await query(db, `SELECT title, item_id FROM notes WHERE id = ${kept.note}`)).toEqual([["old note", kept.item]]);
    await expectGatesPass(bin, dir, { ...env, APP_ENV: "test" });
  }, 900_000);

  it("serves the old rows and the resource by the contract", async () => {
    await served(async (client) => {
      const old = await client.get(`/api/v1/notes/${kept.note}`, { user: owner });
      expect(old.status, old.text).toBe(200);
      expect(record(old.body)).toMatchObject({ title: "old note", item_id: kept.item, owner_id: owner.user.id });
      const other = await newUser(client);
      expectProblem(await client.get(`/api/v1/notes/${kept.note}`, { user: other }), 404, "another user's note");
      const theirs = await client.post("/api/v1/items", { json: { title: "theirs" }, user: other });
      await checkAddedResource(client, notes(kept.item, record(theirs.body).id as number), owner);
    });
  }, 300_000);
});
