import { describe, expect, it } from "vitest";
import { parseJsonText, syntaxErrorOffset } from "../../src/io/json-text.js";

describe("hand-edited JSON", () => {
  it("accepts a UTF-8 byte-order mark", () => {
    expect(parseJsonText('\uFEFF{"db": "sqlite"}')).toEqual({ ok: true, data: { db: "sqlite" } });
  });

  it.each([
    ['{\n  "db": "sqlite",\n}', "3:1"],
    ['{\n  "db": sqlite\n}', "2:9"],
    ['{"db": "sqlite"', "1:16"],
    ['{"a": 1}\n{"b": 2}', "2:1"],
    ['{"a": "tab\there"}', "1:11"],
    ['\uFEFF{\n "a": tru }', "2:7"],
  ])("places the error in %j at %s", (text, at) => {
    expect(parseJsonText(text)).toEqual({ ok: false, at });
  });

  it("finds no error in what JSON.parse accepts", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}', "[]", ' "x" ', "0"]) {
      expect(JSON.parse(text)).toBeDefined();
      expect(syntaxErrorOffset(text)).toBe(-1);
    }
  });
});
