// The add-resource story of CLI.md and CONTRACT.md "Resources added later", for
// one framework and database: generate, migrate, store rows, add two resources
// (every field type, a ref to the earlier one and to users), migrate the
// existing database, pass the project's own gates, serve it and hold the new
// resource to the contract over HTTP; `update` keeps the resources; `remove
// resource` needs consent to drop a table, and with every resource removed the
// gates pass again.
// test/e2e/add.test.ts runs it on SQLite; postgres.test.ts and mysql.test.ts on
// their servers, after their own checks, since the project's tests make and drop
// `test_*` databases that those checks count (files run side by side).
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdd, runRemove } from "../../src/commands/add.js";
import { runUpdate } from "../../src/commands/project-commands.js";
import { defaultAnswers } from "../../src/constraints.js";
import { Cleanup } from "../../src/context.js";
import { EXIT } from "../../src/errors.js";
import type { Database, Framework, TestLayer } from "../../src/options.js";
import { login, newUser, type User } from "../contract/auth.js";
import { Client, record } from "../contract/client.js";
import { expectProblem, expectValidationError } from "../contract/general.js";
import { type AddedResource, checkAddedResource, createRow } from "../contract/resource.js";
import { removeDir, runCli, tempDir } from "../helpers.js";
import { expectGatesPass, expectTool, gateEnv } from "./gates.js";
import { answerFlags, commitAll, FIELDS_OF_EVERY_TYPE, recordingIo } from "./project.js";
import { schemaOf } from "./project-db.js";
import { checkEnvironment } from "./python.js";
import { whileServed } from "./serve.js";
import { projectDatabase, SERVERS } from "./servers.js";

const NAME = "added-api";
const PKG = "added_api";
const SECRET_KEY = "a-secret-key-for-the-add-resource-check-0123456789";

// Two words: its table has an underscore where its path has a hyphen, and every framework must agree.
const TAGS = "post_tags";
const TAGS_PATH = "/api/v1/post-tags";
const TAG_FIELDS = "label:str(40):unique";
const POST_FIELDS = [...FIELDS_OF_EVERY_TYPE, `tag:ref(${TAGS})`, "author:ref(users):optional"].join(",");

let bin: string;

let uniqueCounter = 0;
function postsResource(tagId: number, authorId: number, foreignTagId: number): AddedResource {
  return {
    path: "/api/v1/posts",
    fields: [
      { json: "title", type: "str", optional: false, valid: "Hello", invalid: ["", "x".repeat(81), 5] },
      { json: "body", type: "text", optional: true, valid: "Some longer text.", invalid: [5] },
      { json: "price", type: "decimal", optional: false, valid: "12.50", invalid: ["abc", "1.234", "123456789.00"] },
      { json: "done", type: "bool", optional: false, valid: true, invalid: ["maybe"] },
      { json: "due", type: "date", optional: true, valid: "2030-01-31", invalid: ["2030-02-30", "tomorrow"] },
      { json: "starts_at", type: "datetime", optional: true, valid: "2030-01-31T12:30:00Z", invalid: ["not a time"] },
      { json: "key", type: "uuid", optional: false, valid: "", fresh: () => `00000000-0000-4000-8000-${String(++uniqueCounter).padStart(12, "0")}`, invalid: ["not-a-uuid"] },
      { json: "contact", type: "email", optional: true, valid: "someone@example.com", invalid: ["not-an-email"] },
      { json: "site", type: "url", optional: true, valid: "https://example.com/a/page", invalid: ["not a url"] },
      { json: "kind", type: "enum", optional: false, valid: "live", invalid: ["archived"] },
      { json: "views", type: "int", optional: false, valid: 3, invalid: ["many", 1.5, 2 ** 63] },
      { json: "ratio", type: "float", optional: true, valid: 0.25, invalid: ["x"] },
      // An unknown target and another user's are both a 422 on the field.
      { json: "tag_id", type: "ref", optional: false, valid: tagId, invalid: [2 ** 40, foreignTagId] },
      { json: "author_id", type: "ref", optional: true, valid: authorId, invalid: [2 ** 40] },
    ],
  };
}

/**
 * The whole story on the default project of `framework` with `--db db`: each
 * framework adds, serves and removes in its own code, and a server database
 * migrates the added tables on top of the rows it holds as SQLite does.
 */
export function addScenario(framework: Framework, db: Database): void {
  const work = tempDir(`cbs-add-${framework}-${db}-`);
  const project = join(work, NAME);
  const server = db === "sqlite" ? undefined : SERVERS[db];
  let skipped: string | undefined;
  let env: Record<string, string>;
  let drop = async () => {};
  // The test layers' cost is CI's budget: the server stories keep the default's e2e layer, so the
  // added resources' e2e tests run there; SQLite's run the in-process layers, and run them twice.
  const answers = { ...defaultAnswers({ framework, db }), ...(server ? {} : { tests: ["unit", "integration"] as TestLayer[] }) };
  const gatesAfterRemove = server === undefined;

  beforeAll(async () => {
    bin = await checkEnvironment();
    skipped = await server?.skipReason();
    if (skipped !== undefined) return;
    const database = await projectDatabase(db, work, "cbs_add");
    drop = database.drop;
    env = { ...gateEnv(bin, project, work), ...database.adminEnv, APP_ENV: "development", SECRET_KEY, DATABASE_URL: database.url };
  }, 900_000);
  afterAll(async () => {
    await drop();
    removeDir(work);
  });

  async function inProject(run: typeof runAdd, ...args: string[]): Promise<{ code: number; out: string }> {
    const rec = recordingIo(project);
    const code = await run(rec.io, args, new Cleanup());
    return { code, out: rec.stdout() };
  }

  async function migrate(): Promise<void> {
    await expectTool(bin, project, "python", ["-m", PKG, "migrate"], env);
  }

  /** The tables the project's database holds now, as its own settings reach it. */
  async function tables(): Promise<string[]> {
    return Object.keys(await schemaOf({ bin, pkg: PKG, dir: project, env }));
  }

  async function served<T>(use: (client: Client) => Promise<T>): Promise<T> {
    return whileServed(join(bin, "python"), PKG, project, env, (url) => use(new Client(url)));
  }

  describe("add resource, on a project that holds data", () => {
    let owner: User;

    it("generates, migrates and stores rows before anything is added", async (ctx) => {
      if (skipped !== undefined) return ctx.skip(skipped);
      const created = await runCli([NAME, ...answerFlags(answers), "--no-install", "--git"], { cwd: work });
      expect(created.exitCode, created.stderr).toBe(0);
      await migrate();
      owner = await served(async (client) => {
        const user = await newUser(client);
        const item = await client.post("/api/v1/items", { json: { title: "kept across add" }, user: user });
        expect(item.status).toBe(201);
        return user;
      });
    }, 300_000);

    it("refuses bad input with one line and writes nothing", async (ctx) => {
      if (skipped !== undefined) return ctx.skip(skipped);
      for (const args of [["resource", "users"], ["resource", "posts", "--fields", "title:string"], ["resource", "posts", "--fields", `tag:ref(${TAGS})`], ["nothing"]]) {
        await expect(inProject(runAdd, ...args), args.join(" ")).rejects.toThrow(/^[^\n]+$/);
      }
      expect((await execa("git", ["status", "--porcelain"], { cwd: project })).stdout).toBe("");
    });

    it("previews with --dry-run, then adds two resources as new migrations on the existing database", async (ctx) => {
      if (skipped !== undefined) return ctx.skip(skipped);
      const preview = await inProject(runAdd, "resource", "PostTag", "--fields", TAG_FIELDS, "--dry-run");
      expect(preview.code).toBe(EXIT.ok);
      expect(preview.out).toMatch(/added\s+src\/added_api\/.*post_tags/);
      expect((await execa("git", ["status", "--porcelain"], { cwd: project })).stdout).toBe("");

      expect((await inProject(runAdd, "resource", "PostTag", "--fields", TAG_FIELDS)).code).toBe(EXIT.ok);
      await commitAll(project, `add ${TAGS}`);
      const posts = await inProject(runAdd, "resource", "posts", "--fields", POST_FIELDS, "--json");
      expect(posts.code).toBe(EXIT.ok);
      expect(JSON.parse(posts.out)).toMatchObject({ ok: true, command: "add resource" });
      await commitAll(project, "add posts");
      await migrate();
      expect(await tables()).toEqual(expect.arrayContaining(["items", TAGS, "posts", "users"]));
    }, 300_000);

    it("passes its own gates with the added resources", async (ctx) => {
      if (skipped !== undefined) return ctx.skip(skipped);
      await expectGatesPass(bin, project, { ...env, APP_ENV: "test" });
    }, 900_000);

    it("serves the added resources by the contract, next to the rows it held before", async (ctx) => {
      if (skipped !== undefined) return ctx.skip(skipped);
      await served(async (client) => {
        const mine = await client.get("/api/v1/items", { user: owner });
        expect((record(mine.body).items as Array<Record<string, unknown>>).map((i) => i.title)).toContain("kept across add");

        const other = await newUser(client);
        const foreignTag = await client.post(TAGS_PATH, { json: { label: "theirs" }, user: other });
        expect(foreignTag.status, foreignTag.text).toBe(201);
        const tag = await client.post(TAGS_PATH, { json: { label: "mine" }, user: owner });
        expect(tag.status, tag.text).toBe(201);
        expectValidationError(await client.post(TAGS_PATH, { json: { label: "x".repeat(41) }, user: owner }), "label", "label too long");

        const resource = postsResource(record(tag.body).id as number, owner.user.id as number, record(foreignTag.body).id as number);
        await checkAddedResource(client, resource, owner);

        // Ownership: another user neither sees nor reaches my rows.
        const post = await createRow(client, resource, owner);
        expectProblem(await client.get(`/api/v1/posts/${String(post.id)}`, { user: other }), 404, "another user's post");
        expect(record((await client.get("/api/v1/posts", { user: other })).body).total).toBe(0);
        expectProblem(await client.get("/api/v1/posts"), 401, "no token");

        // RBAC, as the project has it: an admin reads, changes and deletes every user's posts.
        const path = `/api/v1/posts/${String(post.id)}`;
        await expectTool(bin, project, "python", ["-m", PKG, "create-admin", "--email", "admin@example.com", "--password", "an admin password"], env);
        const admin = await login(client, "admin@example.com", "an admin password");
        expect((await client.get(path, { user: admin })).status).toBe(200);
        const all = record((await client.get("/api/v1/posts?limit=100", { user: admin })).body);
        expect((all.items as Array<Record<string, unknown>>).map((p) => p.id)).toContain(post.id);
        const moderated = await client.patch(path, { json: { title: "moderated" }, user: admin });
        expect(moderated.status, moderated.text).toBe(200);
        expect(record(moderated.body).owner_id).toBe(owner.user.id);
        expect((await client.delete(path, { user: admin })).status).toBe(204);
      });
    }, 300_000);

    it("keeps the added resources through update, and removes one only with consent to drop its table", async (ctx) => {
      if (skipped !== undefined) return ctx.skip(skipped);
      const update = await inProject(runUpdate);
      expect(update.code).toBe(EXIT.ok);
      expect(update.out).not.toMatch(/deleted/);

      await expect(inProject(runRemove, "resource", TAGS)).rejects.toThrow(`posts refers to ${TAGS}`);
      await expect(inProject(runRemove, "resource", "posts")).rejects.toThrow(/--allow-data-loss/);
      const removed = await inProject(runRemove, "resource", "posts", "--allow-data-loss");
      expect(removed.code, removed.out).toBe(EXIT.ok);
      expect(removed.out).toMatch(/deleted\s+src\/added_api\/posts/);
      await commitAll(project, "remove posts");
      await migrate();
      const left = await tables();
      expect(left).not.toContain("posts");
      expect(left).toContain(TAGS);
    }, 900_000);

    // Removing is the same code on every database, and its migrations ran above on this one:
    // SQLite's story alone pays for the gates once more.
    if (gatesAfterRemove) {
      it("removes every resource, the sample one too, and passes its own gates with none", async (ctx) => {
        if (skipped !== undefined) return ctx.skip(skipped);
        for (const resource of [TAGS, "items"]) {
          expect((await inProject(runRemove, "resource", resource, "--allow-data-loss")).code).toBe(EXIT.ok);
          await commitAll(project, `remove ${resource}`);
        }
        await migrate();
        const left = await tables();
        expect(left).not.toContain(TAGS);
        expect(left).not.toContain("items");
        expect(left).toContain("users");
        await expectGatesPass(bin, project, { ...env, APP_ENV: "test" });
      }, 900_000);
    }
  });
}
