import { mkdtempSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planProject } from "../../generators/index.js";
import { projectNames } from "../../src/names.js";
import { type Answers, defaultAnswers } from "../../src/options.js";
import { layersFor } from "../../src/render/layers.js";
import { outputPath } from "../../src/render/paths.js";
import { removeDir, ROOT } from "../helpers.js";

const FIXTURE = join(ROOT, "test", "fixtures", "templates");
const answers: Answers = { ...defaultAnswers(), auth: "none", rbac: false, tests: ["unit"], docker: false, ci: "none" };

async function render(a: Answers = answers, templatesDir = FIXTURE) {
  return planProject({ names: projectNames("Acme API"), answers: a, templatesDir });
}

function text(plan: Map<string, Buffer>, path: string): string {
  const content = plan.get(path);
  if (!content) throw new Error(`${path} not rendered; have ${[...plan.keys()].join(", ")}`);
  return content.toString("utf8");
}

describe("output paths", () => {
  it("maps stored names to project names", () => {
    const tokens = { pkg: "acme_api", resource: "items" };
    expect(outputPath("dot_gitignore", tokens)).toBe(".gitignore");
    expect(outputPath("dot_github/workflows/ci.yml.hbs", tokens)).toBe(".github/workflows/ci.yml");
    expect(outputPath("src/__pkg__/__init__.py", tokens)).toBe("src/acme_api/__init__.py");
    expect(outputPath("src/__pkg__/__main__.py.hbs", tokens)).toBe("src/acme_api/__main__.py");
    expect(outputPath("src/__pkg__/api/__resource__.py.hbs", tokens)).toBe("src/acme_api/api/items.py");
    expect(outputPath("src/__pkg__/__unknown__.py", tokens)).toBe("src/acme_api/__unknown__.py");
  });
});

describe("layers", () => {
  it("orders base, framework, ORM, database, then features", () => {
    expect(layersFor({ ...answers, tests: ["unit", "e2e"], docker: true, ci: "github" }).map((u) => u.layer)).toEqual([
      "base", "fastapi", "orm-sqlalchemy", "db-sqlite", "resource", "tests-unit", "tests-e2e", "docker", "ci-github",
    ]);
    expect(layersFor({ ...answers, db: "postgres", auth: "jwt", rbac: true }).map((u) => u.layer).slice(0, 7)).toEqual([
      "base", "fastapi", "orm-sqlalchemy", "db-postgres", "auth-jwt", "rbac", "resource",
    ]);
  });

  it("uses the resource layer once per resource, with its name as the path token", () => {
    const uses = layersFor({ ...answers, auth: "jwt", rbac: false }).filter((u) => u.layer === "resource");
    expect(uses.map((u) => u.tokens)).toEqual([{ resource: "items" }]);
    // With auth, the resource's migration follows the users table's.
    const params = uses[0]?.params as { resource: { migration: { downRevision: string | null } } };
    expect(params.resource.migration.downRevision).toBe("create_users");
  });
});

describe("rendering", () => {
  it("renders variables without HTML escaping and copies other files verbatim", async () => {
    const { plan } = await render();
    expect(text(plan, "src/acme_api/app.py")).toContain(`QUOTE = "it's <b>&</b>"`);
    expect(text(plan, "src/acme_api/app.py")).toContain("# Acme Api uses");
    expect(text(plan, "tests/test_unit.py")).toContain(`"{{" not in`);
    expect(text(plan, ".gitignore")).toBe(".env\n");
  });

  it("lets later layers override files and partials", async () => {
    const { plan } = await render();
    expect(text(plan, "replaced.txt")).toBe("from fastapi\n");
    expect(text(plan, "src/acme_api/app.py")).toContain("fastapi's seam");
  });

  it("merges, sorts and de-duplicates layer dependencies", async () => {
    const { plan, context } = await render();
    expect(context.deps.runtime).toEqual(["Alpha>=2", "beta>=3", "zeta>=1"]);
    expect(context.deps.dev).toEqual(["pytest>=8"]);
    expect(text(plan, "pyproject.toml")).toContain(`    "Alpha>=2",\n    "beta>=3",\n    "zeta>=1",\n]`);
  });

  it("leaves out files that render empty", async () => {
    expect((await render()).plan.has("src/acme_api/only_with_docker.py")).toBe(false);
    const withDocker = (await render({ ...answers, docker: true }, withExtraLayers(["docker"]))).plan;
    expect(text(withDocker, "src/acme_api/only_with_docker.py")).toContain("DOCKER = True");
  });

  it("fails on a misspelt variable instead of rendering an empty string", async () => {
    const dir = withExtraLayers([]);
    writeFileSync(join(dir, "base", "broken.txt.hbs"), "{{project.nmae}}\n");
    await expect(render(answers, dir)).rejects.toThrow(/broken\.txt\.hbs.*nmae/);
  });

  it("fails on a missing layer", async () => {
    await expect(render({ ...answers, ci: "github" })).rejects.toThrow(/layer ci-github is missing/);
  });
});

const copies: string[] = [];
afterAll(() => copies.forEach(removeDir));

/** A copy of the fixture with empty extra layers, for tests that change it. */
function withExtraLayers(layers: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "cbs-fixture-"));
  copies.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  for (const layer of layers) cpSync(join(FIXTURE, "db-sqlite"), join(dir, layer), { recursive: true });
  return dir;
}
