// The folding behind the snapshot, on a made-up option table: it must give
// back every combination's files exactly, whatever the answer keys are.
import { describe, expect, it } from "vitest";
import { buildVariants, conditionHolds, unfold, type RenderedCombination } from "../../scripts/variants.js";

function combo(answers: object, files: Record<string, string>): RenderedCombination {
  return { answers, files: new Map(Object.entries(files).map(([path, text]) => [path, Buffer.from(text)])) };
}

const COMBOS: RenderedCombination[] = [];
for (const shape of ["round", "square"])
  for (const size of ["s m", "l"])
    for (const extras of [[], ["x"], ["x", "y"]]) {
      const files: Record<string, string> = {
        "same.txt": "everywhere\n",
        "shape.py": `# header\n${shape === "round" ? "r = 1\n" : "side = 2\n"}# size ${size.length > 1 ? "small" : "large"}\n# footer\n`,
        // Content lines that look like markers must survive.
        "tricky.md": `%%% if shape=round\n%%%% ${extras.join(",")}\n\n`,
        "no-final-newline": size,
      };
      if (extras.includes("y")) files["only-y.txt"] = `y with ${shape}\n`;
      COMBOS.push(combo({ shape, size, extras }, files));
    }

describe("buildVariants", () => {
  const { index, files } = buildVariants(COMBOS);

  it("gives every combination back exactly its paths and contents", () => {
    for (const { answers, files: rendered } of COMBOS) {
      const paths = Object.keys(index).filter((path) => conditionHolds(index[path]?.renderedWhen ?? "", answers));
      expect(paths.sort()).toEqual([...rendered.keys()].sort());
      for (const [path, content] of rendered) expect(unfold(files.get(path) ?? "", answers)).toBe(content.toString());
    }
  });

  it("names only the answers that decide a path", () => {
    expect(index["same.txt"]).toEqual({ renderedWhen: "*", contentDependsOn: [], variants: 1 });
    expect(index["shape.py"]?.contentDependsOn).toEqual(["shape", "size"]);
    expect(index["only-y.txt"]?.renderedWhen).toBe("extras=x+y");
    // A value with a space is encoded, so it cannot split a condition.
    expect(index["no-final-newline"]?.contentDependsOn).toEqual(["size"]);
  });

  it("writes shared lines once and the rest in blocks that name their answers", () => {
    expect(files.get("shape.py")).toBe(
      ["# header", "%%% if shape=round", "r = 1", "%%% end", "%%% if shape=square", "side = 2", "%%% end",
        "%%% if size=s%20m", "# size small", "%%% end", "%%% if size=l", "# size large", "%%% end", "# footer", ""].join("\n"),
    );
  });
});
