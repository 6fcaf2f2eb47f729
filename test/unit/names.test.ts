import { describe, expect, it } from "vitest";
import { nameProblem, projectNames } from "../../src/names.js";

describe("project names", () => {
  it("derives distribution and package names as CONTRACT.md says", () => {
    expect(projectNames("Acme API")).toMatchObject({ dist: "acme-api", pkg: "acme_api", title: "Acme API" });
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
    ["x".repeat(41), /longer than 40/],
  ])("refuses %j", (raw, reason) => {
    expect(nameProblem(raw)).toMatch(reason);
  });

  it.each(["acme-api", "Acme API", "shop2", "django-api", "my_flask_app"])("accepts %j", (raw) => {
    expect(nameProblem(raw)).toBeNull();
  });
});

describe("names a new user types", () => {
  it("transliterates accents instead of dropping the letter", () => {
    expect(projectNames("café")).toMatchObject({ dist: "cafe", pkg: "cafe" });
    expect(projectNames("Crème Brûlée")).toMatchObject({ dist: "creme-brulee", pkg: "creme_brulee" });
    expect(nameProblem("café")).toBeNull();
  });

  it("asks for an ASCII name, or --name, when a name has no Latin letters", () => {
    expect(nameProblem("项目")).toMatch(/no Latin letters.*ASCII name.*--name/);
  });

  it("keeps acronyms in the heading, and a name typed for people as typed", () => {
    expect(projectNames("my-api").title).toBe("My API");
    expect(projectNames("acme-http-gateway").title).toBe("Acme HTTP Gateway");
    expect(projectNames("Acme REST Shop").title).toBe("Acme REST Shop");
    expect(projectNames("shop").title).toBe("Shop");
  });

  it("never puts a quote or backslash from the typed name into the heading", () => {
    expect(projectNames('Say "Hi" API').title).toBe("Say Hi API");
  });
});
