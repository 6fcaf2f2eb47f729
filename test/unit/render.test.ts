import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectNames } from "../../src/names.js";
import { type Answers } from "../../src/options.js";
import { defaultAnswers } from "../../src/constraints.js";
import { readCatalog } from "../../src/render/layer.js";
import { outputPath } from "../../src/render/paths.js";
import { forgetTemplates, planProject } from "../../src/render/render.js";
import { seamProblems } from "../../src/render/seams.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { type MigrationRecord, newProjectSpec } from "../../src/spec.js";
import { removeDir, ROOT } from "../helpers.js";

const FIXTURE = join(ROOT, "test", "fixtures", "templates");
const answers: Answers = { ...defaultAnswers(), auth: "none", rbac: false, tests: ["unit"], docker: false, ci: "none" };

function render(a: Answers = answers, templatesDir = FIXTURE) {
  forgetTemplates(templatesDir);
  return planProject(newProjectSpec(projectNames("Acme API"), a), { templatesDir });
}

function text(plan: Map<string, Buffer>, path: string): string {
  const content = plan.get(path);
  if (!content) throw new Error(`${path} not rendered; have ${[...plan.keys()].join(", ")}`);
  return content.toString("utf8");
}

const copies: string[] = [];
afterAll(() => copies.forEach(removeDir));

/** A copy of the fixture to change in a test. */
function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "cbs-fixture-"));
  copies.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function writeIn(dir: string, path: string, content: string): void {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), content);
}

function editManifest(dir: string, layer: string, change: (m: Record<string, unknown>) => void): void {
  const file = join(dir, layer, "layer.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}

describe("output paths", () => {
  it("maps stored names to project names", () => {
    const tokens = { pkg: "acme_api", resource: "items" };
    expect(outputPath("dot_gitignore", tokens)).toBe(".gitignore");
    expect(outputPath("dot_github/workflows/ci.yml.hbs", tokens)).toBe(".github/workflows/ci.yml");
    expect(outputPath("src/__pkg__/__init__.py", tokens)).toBe("src/acme_api/__init__.py");
    expect(outputPath("src/__pkg__/api/__resource__.py.hbs", tokens)).toBe("src/acme_api/api/items.py");
    expect(outputPath("src/__pkg__/__unknown__.py", tokens)).toBe("src/acme_api/__unknown__.py");
  });
});

describe("rendering", () => {
  it("renders variables without HTML escaping and copies other files verbatim", () => {
    const { plan } = render();
    expect(text(plan, "src/acme_api/app.py")).toContain(`QUOTE = "it's <b>&</b>"`);
    expect(text(plan, "src/acme_api/app.py")).toContain("# Acme API uses");
    expect(text(plan, "tests/test_unit.py")).toContain(`"{{" not in`);
    expect(text(plan, ".gitignore")).toBe(".env\n");
  });

  it("lets later layers override files, and the family member fill its seam", () => {
    const { plan } = render();
    expect(text(plan, "replaced.txt")).toBe("from fastapi\n");
    expect(text(plan, "src/acme_api/app.py")).toContain("fastapi's seam");
  });

  it("merges, sorts and de-duplicates layer dependencies", () => {
    const { plan, context } = render();
    expect(context.deps.runtime).toEqual(["Alpha>=2", "beta>=3", "zeta>=1"]);
    expect(context.deps.dev).toEqual(["pytest>=8"]);
    expect(text(plan, "pyproject.toml")).toContain(`    "Alpha>=2",\n    "beta>=3",\n    "zeta>=1",\n]`);
  });

  it("leaves out files that render empty", () => {
    expect(render().plan.has("src/acme_api/only_with_docker.py")).toBe(false);
    expect(text(render({ ...answers, docker: true }).plan, "src/acme_api/only_with_docker.py")).toContain("DOCKER = True");
  });

  it("fails on a misspelt variable instead of rendering an empty string", () => {
    const dir = fixtureCopy();
    writeIn(dir, "base/common/broken.txt.hbs", "{{project.nmae}}\n");
    expect(() => render(answers, dir)).toThrow(/broken\.txt\.hbs.*nmae/);
  });
});

describe("layers and slices", () => {
  it("uses a layer only when its tags hold, and a slice only when its own tags hold too", () => {
    const dir = fixtureCopy();
    writeIn(dir, "docker/layer.json", JSON.stringify({ description: "d", order: 80, when: ["docker"] }));
    writeIn(dir, "docker/common/Dockerfile", "FROM python\n");
    writeIn(dir, "docker/postgres/compose.yaml", "services: {}\n");
    writeIn(dir, "base/unit+docker/tests/test_image.py", "X = 1\n");
    expect(render(answers, dir).plan.has("Dockerfile")).toBe(false);
    const withDocker = render({ ...answers, docker: true }, dir).plan;
    expect(withDocker.has("Dockerfile")).toBe(true);
    expect(withDocker.has("compose.yaml")).toBe(false);
    expect(withDocker.has("tests/test_image.py")).toBe(true);
    expect(render({ ...answers, docker: true, db: "postgres" }, dir).plan.has("compose.yaml")).toBe(true);
  });

  it("refuses a slice or a `when` naming a tag that no answer produces", () => {
    const dir = fixtureCopy();
    writeIn(dir, "base/fastap/x.txt", "typo\n");
    expect(() => render(answers, dir)).toThrow(/base\/fastap: unknown tags in a slice name: fastap/);
    const other = fixtureCopy();
    editManifest(other, "fastapi", (m) => (m.when = ["fast-api"]));
    expect(() => render(answers, other)).toThrow(/fastapi\/layer.json: unknown tags in when: fast-api/);
  });

  it("refuses unknown keys in layer.json", () => {
    const dir = fixtureCopy();
    editManifest(dir, "base", (m) => (m.dependency = ["x"]));
    expect(() => render(answers, dir)).toThrow(/base\/layer.json: unknown keys: dependency/);
  });

  it("merges settings, commands and routers into the context, with resource tokens filled in", () => {
    const dir = fixtureCopy();
    editManifest(dir, "fastapi", (m) => {
      m.settings = [
        { env: "TTL_SECONDS", type: "int", default: "900", constraints: "ge=1", doc: "a lifetime" },
        { env: "CLIENT_ID", type: "str | None", default: "None", doc: "an optional credential" },
        { env: "API_URL", type: "str", default: '"https://api.example.com"', doc: "an endpoint", noqa: "S105 - an endpoint" },
      ];
      m.commands = [{ module: "admin.commands", register: "add_admin" }];
      m.routers = ["core"];
    });
    editManifest(dir, "resource", (m) => (m.routers = ["__resource__"]));
    const { context } = render(answers, dir);
    expect(context.settings).toEqual([
      expect.objectContaining({ env: "TTL_SECONDS", field: "ttl_seconds", value: "Field(default=900, ge=1)", envLine: "TTL_SECONDS=900", shownDefault: "`900`" }),
      // Unset by default: commented out in .env.example, so the app reads None, not "None".
      expect.objectContaining({ env: "CLIENT_ID", field: "client_id", value: "None", envLine: "# CLIENT_ID=", shownDefault: "unset" }),
      // A string: its literal in Python and .env, its value in the README; the noqa rides on the field's line.
      expect.objectContaining({ env: "API_URL", value: '"https://api.example.com"  # noqa: S105 - an endpoint', envLine: 'API_URL="https://api.example.com"', shownDefault: "`https://api.example.com`" }),
    ]);
    expect(context.commands).toEqual([{ module: "admin.commands", register: "add_admin" }]);
    expect(context.routers).toEqual([
      { package: "core", alias: "core_router" },
      { package: "items", alias: "items_router" },
    ]);
  });

  it("appends each layer's section to the list another layer declares, in layer order", () => {
    const dir = fixtureCopy();
    editManifest(dir, "base", (m) => (m.sections = ["readme_extras"]));
    writeIn(dir, "base/common/README.md.hbs", "# readme\n{{#each sections.readme_extras}}\n{{this}}\n{{/each}}\n");
    writeIn(dir, "tests-unit/_sections/readme_extras.hbs", "unit for {{project.pkg}}\n");
    writeIn(dir, "fastapi/_sections/readme_extras.hbs", "fastapi\n");
    expect(text(render(answers, dir).plan, "README.md")).toBe("# readme\nfastapi\nunit for acme_api\n");
    writeIn(dir, "fastapi/_sections/undeclared.hbs", "x\n");
    expect(() => render(answers, dir)).toThrow(/no layer declares a section list "undeclared"/);
  });
});

describe("seams", () => {
  it("holds in the real templates: every member of a family fills every seam of it, nothing else", () => {
    expect(seamProblems(readCatalog(join(ROOT, "templates")))).toEqual([]);
  });

  it("names a family member that misses a seam, and a seam filled outside any family", () => {
    const dir = fixtureCopy();
    editManifest(dir, "base", (m) => (m.seams = { framework: ["seam"], db: ["db_url"] }));
    writeIn(dir, "tests-unit/_seams/seam.hbs", "not a framework\n");
    expect(seamProblems(readCatalog(dir))).toEqual([
      "db-sqlite (family db) does not fill db_url",
      "tests-unit fills seams (seam) but belongs to no family",
    ]);
    expect(() => render(answers, dir)).toThrow(/template seams: db-sqlite \(family db\) does not fill db_url/);
  });

  it("every partial a real template uses is a seam its layer declares", () => {
    for (const layer of readCatalog(join(ROOT, "templates"))) {
      const declared = new Set(Object.values(layer.manifest.seams).flat());
      const sources = [...layer.files.map((f) => f.content.toString("utf8")), ...layer.sections.values(), ...layer.seams.values()];
      for (const source of sources) {
        for (const [, name] of source.matchAll(/\{\{>\s*([A-Za-z_]+)/g)) {
          expect(declared.has(name as string), `${layer.name} uses {{> ${name}}} without declaring it`).toBe(true);
        }
      }
    }
  });
});

describe("migration history across a layer split", () => {
  const jwt: Answers = { ...defaultAnswers(), auth: "jwt", rbac: true };
  const apply = (revision: string, down: string | null): MigrationRecord => ({ revision, down, kind: "apply" });
  // As a project generated before users were split from auth-jwt records it:
  // its create_users made the refresh_tokens table too.
  const before = [
    apply("create_users", null),
    apply("create_login_failures", "create_users"),
    apply("create_items", "create_login_failures"),
    apply("add_items_owner", "create_items"),
  ];
  const plan = (history: MigrationRecord[], previousAnswers: Answers) => {
    forgetTemplates(TEMPLATES_DIR);
    const spec = { ...newProjectSpec(projectNames("Acme API"), jwt), history };
    return planProject(spec, { templatesDir: TEMPLATES_DIR, migrationHead: history.at(-1)?.revision ?? null, previousAnswers });
  };
  const refreshTokens = "src/acme_api/migrations/versions/create_refresh_tokens.py";

  it("counts the moved revision as applied by the old one, and writes no file for it", () => {
    const planned = plan(before, jwt);
    expect(planned.history).toEqual([{ ...apply("create_users", null), also: ["create_refresh_tokens"] }, ...before.slice(1)]);
    expect(planned.plan.has(refreshTokens)).toBe(false);
  });

  it("applies it from its own file where the old revision was written without it", () => {
    const planned = plan([apply("create_items", null)], { ...jwt, auth: "none", rbac: false });
    expect(planned.history.map((r) => r.revision)).toEqual(["create_items", "create_users", "create_login_failures", "create_refresh_tokens", "add_items_owner"]);
    expect(planned.plan.has(refreshTokens)).toBe(true);
  });
});
