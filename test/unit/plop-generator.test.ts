// The plop generator kept for the future `add` subgenerators renders the same
// plan as the direct path that create, update, check and diff use.
import { describe, expect, it } from "vitest";
import { coveringMembers } from "../../src/covering-set.js";
import { projectNames } from "../../src/names.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { planProject } from "../../src/render/render.js";
import { newProjectSpec } from "../../src/spec.js";

describe("the project render as a plop generator", () => {
  const members = coveringMembers().slice(0, 3);

  it.each(members)("renders the same plan as the direct path ($id)", async ({ answers }) => {
    // Loaded the way `add` will load it: only when wanted.
    const { planWithPlop } = await import("../../generators/index.js");
    const spec = newProjectSpec(projectNames("Acme API"), answers);
    const direct = planProject(spec, { templatesDir: TEMPLATES_DIR }).plan;
    const viaPlop = await planWithPlop(spec, { templatesDir: TEMPLATES_DIR });
    expect([...viaPlop.keys()]).toEqual([...direct.keys()]);
    for (const [path, content] of direct) expect(viaPlop.get(path)?.equals(content), path).toBe(true);
  });

  it("reports a failing render as an error, not as an empty plan", async () => {
    const { planWithPlop } = await import("../../generators/index.js");
    const spec = newProjectSpec(projectNames("Acme API"), coveringMembers()[0]!.answers);
    await expect(planWithPlop(spec, { templatesDir: "/nonexistent-templates" })).rejects.toThrow(/rendering failed/);
  });
});
