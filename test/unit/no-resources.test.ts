// CLI.md: `remove resource NAME` leaves the project passing its own tests, and the
// sample resource (`items`) can be removed like any added one. So only a
// resource's own files may name it; tests that need rows of some resource live in
// the resource layer, once per resource. Rendered with no resources at all, no
// covering member's file may still name the sample's route, admin page or model.
import { describe, expect, it } from "vitest";
import { coveringMembers } from "../../src/covering-set.js";
import { projectNames } from "../../src/names.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { planProject } from "../../src/render/render.js";
import { newProjectSpec } from "../../src/spec.js";
import { ITEMS } from "../../src/resources.js";

const SAMPLE = new RegExp([`/api/v1/${ITEMS.name}\\b`, `/admin/${ITEMS.name}/`, `"${ITEMS.name}\\.\\w+"`].join("|"));

describe("a project whose every resource is removed", () => {
  it("is the sample's name a pattern can find", () => {
    expect(SAMPLE.test('client.get("/api/v1/items/1")')).toBe(true);
    expect(SAMPLE.test('user.has_perm("items.view_item")')).toBe(true);
    expect(SAMPLE.test('page["items"]')).toBe(false);
  });

  for (const { id, answers } of coveringMembers()) {
    it(`names no resource anywhere: ${id}`, () => {
      const spec = { ...newProjectSpec(projectNames("Acme API"), answers), resources: [] };
      const { plan } = planProject(spec, { templatesDir: TEMPLATES_DIR });
      const naming = [...plan].filter(([, text]) => SAMPLE.test(text.toString("utf8"))).map(([path]) => path);
      expect(naming).toEqual([]);
    });
  }
});
