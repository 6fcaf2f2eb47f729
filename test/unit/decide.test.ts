import { describe, expect, it } from "vitest";
import { decide } from "../../src/update/decide.js";
import { mergeWithDiff3, mergeWithGit } from "../../src/update/merge.js";

const B = Buffer.from("base\n");
const O = Buffer.from("yours\n");
const T = Buffer.from("templates\n");

describe("decide", () => {
  it("merge policy: the table of issue 4", () => {
    expect(decide(B, B, T, "merge")).toEqual({ kind: "write", report: "updated" });
    expect(decide(B, O, B, "merge")).toEqual({ kind: "keep" });
    expect(decide(B, O, O, "merge")).toEqual({ kind: "keep" });
    expect(decide(B, O, T, "merge")).toEqual({ kind: "merge" });
    expect(decide(null, O, T, "merge")).toEqual({ kind: "merge" });
    expect(decide(null, null, T, "merge")).toEqual({ kind: "write", report: "added" });
    expect(decide(B, null, T, "merge")).toEqual({ kind: "keep", report: "user-deleted" });
    expect(decide(B, B, null, "merge")).toEqual({ kind: "delete" });
    expect(decide(B, O, null, "merge")).toEqual({ kind: "keep", report: "edited-dropped" });
    expect(decide(B, Buffer.from("a\0b"), T, "merge")).toEqual({ kind: "binary-conflict" });
  });

  it("once: created if it never existed, then the user's", () => {
    expect(decide(null, null, T, "once")).toEqual({ kind: "write", report: "added" });
    expect(decide(B, O, T, "once")).toEqual({ kind: "keep" });
    expect(decide(B, null, T, "once")).toEqual({ kind: "keep" });
  });

  it("managed: always the new render", () => {
    expect(decide(B, O, T, "managed")).toEqual({ kind: "write", report: "updated" });
    expect(decide(B, null, T, "managed")).toEqual({ kind: "write", report: "added" });
    expect(decide(B, O, null, "managed")).toEqual({ kind: "delete" });
    expect(decide(B, T, T, "managed")).toEqual({ kind: "keep" });
  });
});

describe("three-way merge, git and the fallback alike", () => {
  const base = "a\nb\nc\nd\ne\n";
  const ours = "a\nB by you\nc\nd\ne\n";
  const theirs = "a\nb\nc\nd\nE by templates\n";
  it.each([
    ["git merge-file", mergeWithGit],
    ["node-diff3", async (b: string, o: string, t: string) => mergeWithDiff3(b, o, t)],
  ])("%s merges separate changes and marks overlapping ones", async (_name, merge) => {
    expect(await merge(base, ours, theirs)).toEqual({ text: "a\nB by you\nc\nd\nE by templates\n", conflict: false });
    const clash = await merge(base, "a\nmine\nc\nd\ne\n", "a\ntheirs\nc\nd\ne\n");
    expect(clash.conflict).toBe(true);
    expect(clash.text).toMatch(/<<<<<<< yours\nmine\n(\|\|\|\|\|\|\| base\nb\n)?=======\ntheirs\n>>>>>>> templates\n/);
  });
});
