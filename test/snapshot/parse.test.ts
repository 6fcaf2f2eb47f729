// Every file of every offered combination parses in its own language and
// holds no template leftovers: no stray `{{`, no HTML entities.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { renderCombination } from "../../scripts/snapshots.js";
import { combinationId, validCombinations } from "../../src/options.js";

interface RenderedFile {
  id: string;
  path: string;
  text: string;
}

async function allFiles(): Promise<RenderedFile[]> {
  const seen = new Map<string, RenderedFile>();
  for (const answers of validCombinations()) {
    for (const [path, content] of await renderCombination(answers)) {
      // The gzipped clean base is the one binary file; its contents are the other files, checked here.
      if (content.includes(0)) continue;
      const text = content.toString("utf8");
      // Identical files need checking once, however many combinations share them.
      seen.set(`${path}\0${text}`, { id: combinationId(answers), path, text });
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

describe("rendered files", async () => {
  const files = await allFiles();

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
