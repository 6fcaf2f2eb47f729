// Three-way merge of text with standard conflict markers, which editors and
// `git mergetool` recognise. git merge-file where git exists (the merge users
// know from git itself); node-diff3 otherwise, so git is not a requirement.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGit } from "../io/git-plumbing.js";
import { merge as diff3Merge } from "node-diff3";

export interface MergeResult {
  readonly text: string;
  readonly conflict: boolean;
}

export const LABELS = { ours: "yours", base: "base", theirs: "templates" } as const;

function lines(text: string): string[] {
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}

export function mergeWithDiff3(base: string, ours: string, theirs: string): MergeResult {
  const { conflict, result } = diff3Merge(lines(ours), lines(base), lines(theirs), {
    label: { a: LABELS.ours, b: LABELS.theirs },
  });
  const text = result.length === 0 ? "" : `${result.join("\n")}\n`;
  return { text, conflict };
}

let gitAvailable: boolean | undefined;

async function hasGit(): Promise<boolean> {
  gitAvailable ??= (await runGit(["--version"])).exitCode === 0;
  return gitAvailable;
}

export async function mergeWithGit(base: string, ours: string, theirs: string): Promise<MergeResult> {
  const dir = await mkdtemp(join(tmpdir(), "backend-starter-merge-"));
  try {
    const [o, b, t] = [join(dir, "ours"), join(dir, "base"), join(dir, "theirs")];
    await Promise.all([writeFile(o, ours), writeFile(b, base), writeFile(t, theirs)]);
    // Exit code: 0 clean, >0 the number of conflicts, <0 (255+) an error.
    const result = await runGit(["merge-file", "-L", LABELS.ours, "-L", LABELS.base, "-L", LABELS.theirs, o, b, t]);
    const code = result.exitCode;
    if (code < 0 || code >= 128) throw new Error(`git merge-file failed: ${result.stderr}`);
    return { text: await readFile(o, "utf8"), conflict: code > 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function merge3(base: string, ours: string, theirs: string): Promise<MergeResult> {
  return (await hasGit()) ? mergeWithGit(base, ours, theirs) : mergeWithDiff3(base, ours, theirs);
}
