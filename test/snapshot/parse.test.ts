// Every file of every offered combination parses in its own language and
// holds no template leftovers: no stray `{{`, no HTML entities.
//
// The files are read back from the committed snapshot, which snapshot.test.ts
// holds equal to the render of every combination: so each combination is
// rendered once per test run, not twice. After a template change, run
// `npm run snapshots` and these checks see the new output.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { storedFolded, storedIndex } from "../../scripts/snapshots.js";
import { conditionHolds, unfold } from "../../scripts/variants.js";
import { combinationId, validCombinations } from "../../src/constraints.js";

interface RenderedFile {
  id: string;
  path: string;
  text: string;
}

function allFiles(): RenderedFile[] {
  const index = storedIndex();
  const seen = new Map<string, RenderedFile>();
  for (const answers of validCombinations()) {
    for (const [path, entry] of Object.entries(index)) {
      const folded = storedFolded(path);
      if (folded === undefined || !conditionHolds(entry.renderedWhen, answers)) continue;
      const text = unfold(folded, answers);
      // Identical files need checking once, however many combinations share them.
      const key = `${path}\0${text}`;
      if (!seen.has(key)) seen.set(key, { id: combinationId(answers), path, text });
    }
  }
  return [...seen.values()];
}

const COMPILE_ALL = `
import json, sys
failures = []
for name, source in json.load(sys.stdin):
    try:
        compile(source, name, "exec")
    except SyntaxError as error:
        failures.append(f"{name}: {error}")
print(json.dumps(failures))
`;

describe("rendered files", () => {
  const files = allFiles();

  it("cover every offered combination's paths", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files.map((f) => f.path)).size).toBe(Object.keys(storedIndex()).length);
  });

  it("hold no leftover placeholders or HTML entities", () => {
    for (const { id, path, text } of files) {
      // GitHub Actions expressions are the one legitimate `${{`.
      const leftover = path.startsWith(".github/") ? text.replaceAll("${{", "") : text;
      expect(leftover.includes("{{"), `${id}: ${path} has a leftover {{`).toBe(false);
      expect(text, `${id}: ${path} is HTML-escaped`).not.toMatch(/&(quot|amp|lt|gt|#x27|#39|#x3D|#x60);/);
    }
  });

  it("parse: Python compiles, TOML, YAML and JSON load", () => {
    const python = files.filter((f) => f.path.endsWith(".py")).map((f) => [`${f.id}/${f.path}`, f.text]);
    expect(python.length).toBeGreaterThan(0);
    const failures = JSON.parse(execFileSync("python3", ["-c", COMPILE_ALL], { input: JSON.stringify(python) }).toString()) as string[];
    expect(failures).toEqual([]);
    for (const { id, path, text } of files) {
      const where = `${id}: ${path}`;
      if (path.endsWith(".toml")) expect(() => parseToml(text), where).not.toThrow();
      if (/\.ya?ml$/.test(path)) expect(() => parseYaml(text), where).not.toThrow();
      if (path.endsWith(".json")) expect(() => JSON.parse(text), where).not.toThrow();
    }
  });

  it("end every text file with one newline", () => {
    for (const { id, path, text } of files) expect(text.endsWith("\n") && !text.endsWith("\n\n"), `${id}: ${path}`).toBe(true);
  });
});
