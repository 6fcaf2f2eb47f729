// `add` and `remove` on a generated project, without Python: what they write,
// what they record, what they refuse; and a project's own plop generators.
// (test/e2e/add.test.ts proves an added resource migrates, passes its gates and
// serves the contract.)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAdd, runRemove } from "../../src/commands/add.js";
import { runUpdate } from "../../src/commands/project-commands.js";
import { defaultAnswers } from "../../src/constraints.js";
import { Cleanup } from "../../src/context.js";
import { EXIT, UsageError } from "../../src/errors.js";
import type { Answers } from "../../src/options.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { GENERATOR } from "../../src/version.js";
import { removeDir, tempDir } from "../helpers.js";
import { commitAll, generateProject, git, recordingIo } from "../support/project.js";

let dir: string;
const manifest = () => JSON.parse(readFileSync(join(dir, ".backend-starter.json"), "utf8")) as { answers: Answers; runs: Array<{ generator: string; args: Record<string, unknown> }> };

async function run(command: typeof runAdd, ...args: string[]) {
  const rec = recordingIo(dir);
  const code = await command(rec.io, args, new Cleanup());
  return { code, out: rec.stdout() };
}

async function start(answers: Answers): Promise<void> {
  dir = tempDir("cbs-add-");
  await generateProject(dir, TEMPLATES_DIR, answers, GENERATOR.version);
  await git(dir, "init", "--quiet");
  await commitAll(dir, "generated");
}

afterEach(() => removeDir(dir));

describe("add resource", () => {
  beforeEach(() => start(defaultAnswers()));

  it("writes the resource's folder, revision and tests, registers its router and records the run", async () => {
    const added = await run(runAdd, "resource", "Post", "--fields", "title:str(80),done:bool=false");
    expect(added.code, added.out).toBe(EXIT.ok);
    for (const path of ["src/acme_api/posts/models.py", "src/acme_api/posts/routes.py", "src/acme_api/migrations/versions/create_posts.py", "tests/integration/test_posts.py"]) {
      expect(existsSync(join(dir, path)), path).toBe(true);
    }
    expect(readFileSync(join(dir, "src/acme_api/posts/models.py"), "utf8")).toContain("done: Mapped[bool] = mapped_column(Boolean)");
    expect(readFileSync(join(dir, "src/acme_api/routers.py"), "utf8")).toMatch(/posts/);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain("/api/v1/posts");
    expect(manifest().runs).toEqual([{ generator: "resource", args: { name: "posts", singular: "post", fields: "title:str(80),done:bool=false" } }]);

    // Replayed: an update with nothing new changes nothing, and keeps the resource.
    await commitAll(dir, "posts");
    const rec = recordingIo(dir);
    expect(await runUpdate(rec.io, [], new Cleanup())).toBe(EXIT.ok);
    expect(rec.stdout()).toMatch(/^Nothing changed/);
  });

  it("keeps a user's edit of an added file when the resource is removed, and says so", async () => {
    await run(runAdd, "resource", "posts", "--fields", "title:str");
    await commitAll(dir, "posts");
    const routes = join(dir, "src/acme_api/posts/routes.py");
    writeFileSync(routes, `${readFileSync(routes, "utf8")}\n# my own note\n`);
    await commitAll(dir, "my edit");
    const removed = await run(runRemove, "resource", "posts", "--allow-data-loss");
    expect(removed.code, removed.out).toBe(EXIT.ok);
    expect(removed.out).toMatch(/kept\s+src\/acme_api\/posts\/routes\.py/);
    expect(removed.out).toMatch(/deleted\s+src\/acme_api\/posts\/models\.py/);
    expect(existsSync(routes)).toBe(true);
    expect(manifest().runs.map((r) => r.generator)).toEqual(["resource", "remove-resource"]);
  });

  it("previews with --dry-run and --json and writes nothing", async () => {
    const preview = await run(runAdd, "resource", "posts", "--dry-run", "--json");
    expect(preview.code).toBe(EXIT.ok);
    const result = JSON.parse(preview.out) as { ok: boolean; dryRun: boolean; files: Array<{ path: string; outcome: string }> };
    expect(result).toMatchObject({ ok: true, dryRun: true });
    expect(result.files).toContainEqual({ path: "src/acme_api/posts/models.py", outcome: "added" });
    expect(await git(dir, "status", "--porcelain")).toBe("");
  });

  it("refuses a dirty tree, a taken name and bad fields, writing nothing", async () => {
    writeFileSync(join(dir, "README.md"), "mine");
    await expect(run(runAdd, "resource", "posts")).rejects.toThrow(/uncommitted changes.*--allow-dirty/);
    await commitAll(dir, "my readme");
    await expect(run(runAdd, "resource", "items")).rejects.toThrow(/already has a resource "items"/);
    await expect(run(runAdd, "resource", "posts", "--fields", "price:money")).rejects.toThrow(/unknown type "money"/);
    await expect(run(runAdd, "resource")).rejects.toThrow(/Usage: backend-starter add resource NAME/);
    await expect(run(runAdd, "nothing")).rejects.toThrow(/no such generator; one of resource, auth, rbac/);
    expect(await git(dir, "status", "--porcelain")).toBe("");
  });

  it("takes a 30-character name, and refuses one that would still write a Python line over 100 characters, naming the file", async () => {
    // The templates keep lines short for names up to 30 characters; a long --singular is not held to that.
    const singular = "a_singular_name_longer_than_the_thirty_characters_a_name_may_have";
    const refused = run(runAdd, "resource", "widgets", "--singular", singular, "--fields", "title:str");
    await expect(refused).rejects.toThrow(/^Adding this resource would write a line of \d+ characters to src\/acme_api\/widgets\/\w+\.py \(line \d+\), over the 100 the project's lint allows; choose a shorter resource \(or field\) name\.$/);
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    // So is a field name: 50 characters fit the database's identifiers, not a line beside its type.
    const field = "a_field_name_".padEnd(50, "x");
    await expect(run(runAdd, "resource", "widgets", "--fields", `${field}:str`)).rejects.toThrow(/line of \d+ characters to \S+\.py .*choose a shorter resource \(or field\) name/);
    expect(await git(dir, "status", "--porcelain")).toBe("");

    const name = "abcdefghij_klmnopqrs_tuvwxyzas";
    expect(name).toHaveLength(30);
    const added = await run(runAdd, "resource", name, "--fields", "title:str,item:ref(items),author:ref(users)");
    expect(added.code, added.out).toBe(EXIT.ok);
    expect(existsSync(join(dir, `src/acme_api/${name}/routes.py`))).toBe(true);
  });
});

describe("add and remove features", () => {
  beforeEach(() => start({ ...defaultAnswers(), docker: false, ci: "none", tests: ["unit"] }));

  it("adds Docker, CI and a test layer as answer changes, recorded as runs", async () => {
    expect((await run(runAdd, "docker")).code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "Dockerfile"))).toBe(true);
    await commitAll(dir, "docker");
    expect((await run(runAdd, "ci")).code).toBe(EXIT.ok);
    expect(existsSync(join(dir, ".github/workflows/ci.yml"))).toBe(true);
    await commitAll(dir, "ci");
    expect((await run(runAdd, "tests", "e2e")).code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "tests/e2e/test_items.py"))).toBe(true);
    expect(manifest().answers).toMatchObject({ docker: true, ci: "github", tests: ["unit", "e2e"] });
    expect(manifest().runs.map((r) => r.generator)).toEqual(["docker", "ci", "tests"]);
    await commitAll(dir, "e2e");
    await expect(run(runAdd, "docker")).rejects.toThrow(/already has Docker/);
    expect((await run(runRemove, "docker")).code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "Dockerfile"))).toBe(false);
  });
});

describe("add and remove resources on Django", () => {
  beforeEach(() => start(defaultAnswers({ framework: "django", docker: false, ci: "none", tests: ["unit"] })));
  const migrations = (app: string) => join(dir, "src/acme_api", app, "migrations");
  const text = (path: string) => readFileSync(join(dir, path), "utf8");

  it("adds an app with its own first migration, drops it with a migration of core's, and adds it back after that one", async () => {
    expect((await run(runAdd, "resource", "Post", "--fields", "title:str")).code).toBe(EXIT.ok);
    expect(existsSync(join(migrations("posts"), "0001_initial.py"))).toBe(true);
    expect(text("src/acme_api/config/settings.py")).toContain('"acme_api.posts"');
    await commitAll(dir, "posts");

    const removed = await run(runRemove, "resource", "posts", "--allow-data-loss");
    expect(removed.code, removed.out).toBe(EXIT.ok);
    // The whole app goes, its migrations too: they cannot run without it.
    expect(existsSync(join(dir, "src/acme_api/posts"))).toBe(false);
    const revert = text("src/acme_api/core/migrations/revert_create_posts.py");
    expect(revert).toContain('APP = "posts"');
    expect(revert).toMatch(/dependencies = \[\s*\]/);
    expect(text("src/acme_api/config/settings.py")).not.toContain("posts");
    await commitAll(dir, "remove posts");

    expect((await run(runAdd, "resource", "Post", "--fields", "title:str")).code).toBe(EXIT.ok);
    // On a new database the revert runs first, so it cannot drop the table made again.
    expect(text("src/acme_api/posts/migrations/0001_initial.py")).toContain("('core', 'revert_create_posts'),");
    await commitAll(dir, "posts again");
    expect((await run(runRemove, "resource", "posts", "--allow-data-loss")).code).toBe(EXIT.ok);
    // Core's migrations are one chain: the second revert follows the first.
    expect(text("src/acme_api/core/migrations/revert_create_posts_2.py")).toMatch(/dependencies = \[\s*\("core", "revert_create_posts"\),\s*\]/);
    expect(existsSync(join(dir, "src/acme_api/core/migrations/revert_create_posts.py"))).toBe(true);
  });

  it("switches auth off and on with migrations of their own: each row's owner in its app, the users' tables in core", async () => {
    const before = text(".backend-starter.json");
    const initial = text("src/acme_api/items/migrations/0001_initial.py");
    // The owner is made with the table, in its first migration, and goes first.
    await expect(run(runUpdate, "--set", "auth=none", "--set", "rbac=false")).rejects.toThrow(/revert add_items_owner, create_refresh_tokens, create_users.*--allow-data-loss/);
    expect(text(".backend-starter.json")).toBe(before);
    expect(await git(dir, "status", "--porcelain")).toBe("");

    expect((await run(runUpdate, "--set", "auth=none", "--set", "rbac=false", "--allow-data-loss")).code).toBe(EXIT.ok);
    // An applied migration is never rewritten; the users app goes, its migrations too.
    expect(text("src/acme_api/items/migrations/0001_initial.py")).toBe(initial);
    expect(existsSync(join(dir, "src/acme_api/auth"))).toBe(false);
    const removeOwner = text("src/acme_api/items/migrations/0002_remove_items_owner.py");
    expect(removeOwner).toMatch(/dependencies = \[\s*\('items', '0001_initial'\),\s*\]/);
    // Before core drops the table the column points at.
    expect(removeOwner).toMatch(/run_before = \[\s*\('core', 'revert_create_refresh_tokens'\),\s*\]/);
    expect(removeOwner).toContain("migrations.RemoveField(");
    const users = text("src/acme_api/core/migrations/revert_create_users.py");
    expect(users).toMatch(/TABLES = \[\s*"django_admin_log",\s*"django_session",\s*"login_failures",\s*"users",\s*\]/);
    // Kept on record: the app comes back as it was, and core makes its tables again.
    expect(users).toMatch(/FORGOTTEN: list\[str\] = \[\s*\]/);
    expect(users).toMatch(/dependencies = \[\s*\("core", "revert_create_refresh_tokens"\),\s*\]/);
    expect(text("src/acme_api/items/models.py")).not.toContain("owner");
    await commitAll(dir, "no auth");

    expect((await run(runUpdate, "--set", "auth=jwt")).code).toBe(EXIT.ok);
    expect(existsSync(join(dir, "src/acme_api/auth/migrations/0001_initial.py"))).toBe(true);
    expect(text("src/acme_api/core/migrations/reapply_create_users.py")).toMatch(/APPS = \[\s*"accounts",\s*"admin",\s*"sessions",\s*\]/);
    const owner = text("src/acme_api/items/migrations/0003_items_owner.py");
    // After its app's last migration, and after core has made the users' table again.
    expect(owner).toMatch(/\('items', '0002_remove_items_owner'\),\s*migrations.swappable_dependency\(settings.AUTH_USER_MODEL\),\s*\('core', 'reapply_create_refresh_tokens'\),/);
    expect(owner).toContain("def refuse(connection: BaseDatabaseWrapper) -> str | None:");
    expect(text("src/acme_api/items/models.py")).toContain("owner = models.ForeignKey(settings.AUTH_USER_MODEL");
    expect(manifest().answers).toMatchObject({ framework: "django", auth: "jwt" });
  });

  it("adds auth to a project made without it: the owner is the app's next migration", async () => {
    removeDir(dir);
    await start(defaultAnswers({ framework: "django", auth: "none", rbac: false, docker: false, ci: "none", tests: ["unit"] }));
    const added = await run(runAdd, "auth", "jwt");
    expect(added.code, added.out).toBe(EXIT.ok);
    expect(added.out).toMatch(/migrate --owner EMAIL/);
    expect(text("src/acme_api/items/migrations/0001_initial.py")).not.toContain("owner");
    const owner = text("src/acme_api/items/migrations/0002_items_owner.py");
    expect(owner).toMatch(/dependencies = \[\s*\('items', '0001_initial'\),\s*migrations.swappable_dependency\(settings.AUTH_USER_MODEL\),\s*\]/);
    expect(owner).toContain("migrations.RunPython(give_rows_to_owner, migrations.RunPython.noop),");
    expect(text("src/acme_api/cli.py")).toContain("add_user_commands");
    await commitAll(dir, "auth");
    await expect(run(runAdd, "auth", "jwt")).rejects.toThrow(/already has auth jwt; nothing to add\.$/);
    await expect(run(runAdd, "auth", "session")).rejects.toThrow(/already has auth jwt; change it to session with backend-starter update --set auth=session\.$/);
  });
});

describe("a project's own plop generators", () => {
  beforeEach(async () => {
    await start(defaultAnswers());
    mkdirSync(join(dir, "generators"));
    writeFileSync(join(dir, "generators", "service.py.hbs"), '"""The {{name}} service of {{project.pkg}}, on {{answers.db}}."""\n');
    writeFileSync(
      join(dir, "plopfile.mjs"),
      `export default function (plop) {
  plop.setGenerator("service", {
    description: "a service module",
    prompts: [{ type: "input", name: "name", message: "name" }],
    actions: [{ type: "add", path: "src/{{project.pkg}}/services/{{snakeCase name}}.py", templateFile: "generators/service.py.hbs" }],
  });
}
`,
    );
    await commitAll(dir, "plopfile");
  });

  it("lists them beside the built-in ones, and runs one with the project's names and answers", async () => {
    const listed = await run(runAdd, "--list");
    expect(listed.out).toMatch(/add resource NAME/);
    expect(listed.out).toMatch(/This project's generators \(plopfile\):\n\s+backend-starter add service\s+a service module/);

    await expect(run(runAdd, "service")).rejects.toThrow(/asks for 1 value\(s\) \(name\)/);
    const ran = await run(runAdd, "service", "Billing Report");
    expect(ran.code, ran.out).toBe(EXIT.ok);
    expect(readFileSync(join(dir, "src/acme_api/services/billing_report.py"), "utf8")).toBe('"""The Billing Report service of acme_api, on sqlite."""\n');
    expect(manifest().runs).toEqual([{ generator: "local:service", args: { name: "Billing Report" } }]);
  });
});
