import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { parseFields } from "../../src/fields.js";
import { pluralize, singularize } from "../../src/inflect.js";
import { defaultAnswers } from "../../src/constraints.js";
import { bracketed, LINE_LENGTH } from "../../src/python-code.js";
import { addResourceRun, removeResourceRun, resourcesOf } from "../../src/resource-runs.js";
import { ITEMS, resourceViews } from "../../src/resources.js";

describe("--fields", () => {
  it("parses every type, its parameters, modifiers and defaults", () => {
    const fields = parseFields("title:str(80),body:text:optional,price:decimal(10,2),done:bool=false,due:date,kind:enum(a|b),author:ref(users),code:str:unique:index,n:int=3");
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ["title", "str"], ["body", "text"], ["price", "decimal"], ["done", "bool"], ["due", "date"], ["kind", "enum"], ["author", "ref"], ["code", "str"], ["n", "int"],
    ]);
    expect(fields[0]).toMatchObject({ maxLength: 80, optional: false });
    expect(fields[1]).toMatchObject({ optional: true });
    expect(fields[2]).toMatchObject({ precision: 10, scale: 2 });
    expect(fields[3]).toMatchObject({ default: false });
    expect(fields[5]).toMatchObject({ values: ["a", "b"] });
    expect(fields[6]).toMatchObject({ target: "users" });
    expect(fields[7]).toMatchObject({ maxLength: 200, unique: true, index: true });
    expect(fields[8]).toMatchObject({ default: 3 });
  });

  it.each([
    ["", /empty/],
    ["title", /type is missing/],
    ["title:string", /unknown type "string"/],
    ["Title:str", /not a field name/],
    ["id:int", /set by the server/],
    ["owner:ref(users)", /set by the server/],
    ["a:str,a:int", /given twice/],
    ["a:ref(users),a_id:int", /given twice/],
    ["a:decimal", /needs its parameters/],
    ["a:decimal(2,3)", /decimal\(P,S\)/],
    ["a:str(0)", /length from 1/],
    ["a:int(3)", /takes no parameters/],
    ["a:enum(x|x)", /must differ/],
    ["a:enum(x y)", /enum values/],
    ["a:bool=maybe", /true or false/],
    ["a:int=1.5", /not an int/],
    ["a:enum(x|y)=z", /not one of x\|y/],
    ["a:date=2020-01-01", /takes no default/],
    ["a:str:sorted", /unknown modifier/],
    ["a:str:unique=x", /unique field cannot have a default/],
    ["a:text:unique", /cannot be unique/],
    ["a:bool:unique", /cannot be unique/],
    ["a:str:optional", /at least one field must be required/],
  ])("refuses %j with a one-line usage error", (text, reason) => {
    let error: unknown;
    try {
      parseFields(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).not.toContain("\n");
  });

  it("describes the sample resource exactly as its own spec", () => {
    expect(ITEMS.fields).toEqual([
      { name: "title", kind: "str", maxLength: 200, optional: false, unique: false, index: false },
      { name: "description", kind: "str", maxLength: 2000, optional: true, unique: false, index: false },
    ]);
  });
});

describe("resource names", () => {
  it.each([
    ["post", "posts"], ["status", "statuses"], ["person", "people"], ["category", "categories"], ["box", "boxes"],
    ["blog_post", "blog_posts"], ["address", "addresses"], ["day", "days"], ["analysis", "analyses"],
  ])("%s <-> %s", (singular, plural) => {
    expect(pluralize(singular)).toBe(plural);
    expect(singularize(plural)).toBe(singular);
    expect(singularize(singular)).toBe(singular);
  });

  const answers = defaultAnswers();
  it.each([
    ["Post", "posts", "post"], ["posts", "posts", "post"], ["BlogPost", "blog_posts", "blog_post"], ["blog-posts", "blog_posts", "blog_post"], ["people", "people", "person"], ["Status", "statuses", "status"],
  ])("add resource %s is %s (%s)", (raw, name, singular) => {
    expect(addResourceRun(raw, {}, [ITEMS], answers).args).toMatchObject({ name, singular });
  });

  it.each([
    ["items", /already has a resource "items"/],
    ["Item", /already has a resource "items"/],
    ["users", /taken/],
    ["class", /taken/],
    ["news", /--singular/],
    ["1st", /not a resource name/],
    ["a__b", /not a resource name/],
    ["x".repeat(40), /longer than 30/],
  ])("refuses %j", (raw, reason) => {
    expect(() => addResourceRun(raw, {}, [ITEMS], answers)).toThrow(reason);
  });

  it("takes --singular for a word that reads the same both ways", () => {
    expect(addResourceRun("news", { singular: "news_story" }, [ITEMS], answers).args).toMatchObject({ name: "news", singular: "news_story" });
  });

  it("refs name users (with auth) or an earlier resource, never an unknown one", () => {
    expect(() => addResourceRun("posts", { fields: "title:str,author:ref(users)" }, [ITEMS], { ...answers, auth: "none", rbac: false })).toThrow(/no users/);
    expect(() => addResourceRun("posts", { fields: "title:str,tag:ref(tags)" }, [ITEMS], answers)).toThrow(/no such resource; a ref names one of users, items/);
    expect(addResourceRun("posts", { fields: "title:str,item:ref(items)" }, [ITEMS], answers).generator).toBe("resource");
  });

  it("refuses database identifiers past 63 characters", () => {
    expect(() => addResourceRun("long_resource_name_here", { fields: "title:str,a_rather_long_reference_to_it:ref(items)" }, [ITEMS], answers)).toThrow(/longer than 63/);
  });

  it("replays add and remove runs in order, and refuses removing what another resource refers to", () => {
    const posts = addResourceRun("posts", { fields: "title:str,item:ref(items)" }, [ITEMS], answers);
    const resources = resourcesOf([posts]);
    expect(resources.map((r) => r.name)).toEqual(["items", "posts"]);
    expect(() => removeResourceRun("items", resources)).toThrow(/posts refers to items/);
    expect(resourcesOf([posts, removeResourceRun("Post", resources)]).map((r) => r.name)).toEqual(["items"]);
    expect(() => removeResourceRun("tags", resources)).toThrow(/no resource "tags"; its resources are: items, posts/);
  });
});

describe("Python code as ruff format writes it", () => {
  it("keeps a short call on one line, else its arguments on one line, else one per line", () => {
    expect(bracketed(1, "x: int = Field(", ["ge=1"], "")).toBe("    x: int = Field(ge=1)");
    const medium = bracketed(1, `${"n".repeat(40)}: int = Field(`, ["ge=-9223372036854775808", "le=9223372036854775807"], "");
    expect(medium.split("\n")).toEqual([`    ${"n".repeat(40)}: int = Field(`, "        ge=-9223372036854775808, le=9223372036854775807", "    )"]);
    const long = bracketed(2, "sa.Column(", ["a".repeat(50), "b".repeat(50)], ",");
    expect(long.split("\n")).toEqual(["        sa.Column(", `            ${"a".repeat(50)},`, `            ${"b".repeat(50)},`, "        ),"]);
  });

  it("renders every line of every field type within the line length", () => {
    const fields = "t:str(80),body:text:optional,price:decimal(10,2):optional,done:bool=false,due:date,at:datetime:optional,key:uuid:unique,mail:email:index,site:url:optional,kind:enum(alpha|beta|gamma)=beta,count:int=0,ratio:float:optional,item:ref(items):optional,author:ref(users)";
    const [view] = resourceViews([{ name: "a_long_resource_name", singular: "a_long_resource_name_entry", fields: parseFields(fields) }], { users: true });
    const lines = view?.fields.flatMap((f) => [f.model, f.create, f.update, f.read, f.migration].flatMap((s) => s.split("\n"))) ?? [];
    expect(lines.length).toBeGreaterThan(14 * 5);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(LINE_LENGTH);
    expect(view?.modelImports.stdlib).toEqual(["from datetime import date, datetime", "from decimal import Decimal", "from typing import Literal", "from uuid import UUID"]);
    expect(view?.dependencies).toEqual(["email-validator>=2.2"]);
  });
});
