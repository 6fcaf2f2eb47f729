import { describe, expect, it } from "vitest";
import { LINE_LENGTH, fromImport, literal, moduleOrder, sortImports } from "../../src/python-code.js";

describe("fromImport lays out an import as ruff's isort does", () => {
  it("keeps an import that fits on one line", () => {
    expect(fromImport("acme_api.auth.passwords", ["hash_password", "verify_password"])).toBe("from acme_api.auth.passwords import hash_password, verify_password");
  });

  it("puts one name per line, with a trailing comma, once the line would pass the limit", () => {
    const module = `${"p".repeat(40)}.auth.passwords`;
    const names = ["hash_password", "spend_verification_time", "verify_password"];
    expect(`from ${module} import ${names.join(", ")}`.length).toBeGreaterThan(LINE_LENGTH);
    expect(fromImport(module, names).split("\n")).toEqual([`from ${module} import (`, "    hash_password,", "    spend_verification_time,", "    verify_password,", ")"]);
  });
});

describe("literal lays out a list, tuple, dict or set as ruff format does", () => {
  it("keeps one that fits on one line", () => {
    expect(literal(1, "return {", ['"a": 1', '"b": 2'], "")).toBe('    return {"a": 1, "b": 2}');
  });

  it("puts one item per line, never all items on one indented line as a call's arguments may be", () => {
    const items = ['"item_id": Item', '"author_id": User', `"other_id": ${"A".repeat(50)}`];
    expect(`REFERENCES: dict[str, type[Base]] = {${items.join(", ")}}`.length).toBeGreaterThan(LINE_LENGTH);
    expect(literal(0, "REFERENCES: dict[str, type[Base]] = {", items, "").split("\n")).toEqual([
      "REFERENCES: dict[str, type[Base]] = {",
      '    "item_id": Item,',
      '    "author_id": User,',
      `    "other_id": ${"A".repeat(50)},`,
      "}",
    ]);
  });
});

describe("sortImports orders a block of from-imports as ruff's isort does", () => {
  it("puts a resource before or after the fixed modules by its name, keeping a parenthesized import whole", () => {
    const block = [
      "from acme_api.auth.models import User",
      "from acme_api.core.pagination import PageParams",
      "from acme_api.articles.schemas import (",
      "    ArticleCreate,",
      "    ArticleRead,",
      ")",
      "from acme_api.articles import routes",
      "",
    ].join("\n");
    expect(sortImports(block).split("\n")).toEqual([
      "from acme_api.articles import routes",
      "from acme_api.articles.schemas import (",
      "    ArticleCreate,",
      "    ArticleRead,",
      ")",
      "from acme_api.auth.models import User",
      "from acme_api.core.pagination import PageParams",
      "",
    ]);
  });

  it("compares runs of digits as numbers and ignores case, as natural order does", () => {
    expect(["v10_items.routes", "v2_items.routes", "items.routes", "auth_tokens.routes", "auth.routes"].sort(moduleOrder)).toEqual([
      "auth.routes",
      "auth_tokens.routes",
      "items.routes",
      "v2_items.routes",
      "v10_items.routes",
    ]);
  });
});
