import { describe, expect, it } from "vitest";
import { nameProblem, projectNames } from "../../src/names.js";

describe("project names", () => {
  it("derives distribution and package names as CONTRACT.md says", () => {
    expect(projectNames("Acme API")).toMatchObject({ dist: "acme-api", pkg: "acme_api", title: "Acme Api" });
    expect(projectNames("my_shop.v2")).toMatchObject({ dist: "my-shop-v2", pkg: "my_shop_v2" });
    expect(projectNames("  Orders  ")).toMatchObject({ name: "Orders", dist: "orders" });
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["class", /keyword/],
    ["Class", /keyword/],
    ["1abc", /start with a letter/],
    ["../escape", /path/],
    ["a/b", /path/],
    ["django", /shadow/],
    ["Flask", /shadow/],
    ["fastapi", /shadow/],
    ["sqlalchemy", /shadow/],
    ["test", /shadow/],
    ["json", /shadow/],
    ["---", /no letters/],
    ["x".repeat(65), /longer than 64/],
  ])("refuses %j", (raw, reason) => {
    expect(nameProblem(raw)).toMatch(reason);
  });

  it.each(["acme-api", "Acme API", "shop2", "django-api", "my_flask_app"])("accepts %j", (raw) => {
    expect(nameProblem(raw)).toBeNull();
  });
});
