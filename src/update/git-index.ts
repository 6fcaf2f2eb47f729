// Marks conflicted files unmerged in git's index (stages 1-3), as a real
// `git merge` would, so `git status` says "both modified" and `git mergetool`
// and editors' merge views work.
import { gitOutput as git, gitStdout } from "../io/git-plumbing.js";
import type { Conflict } from "./plan.js";

export async function gitWorkTree(dir: string): Promise<boolean> {
  return git(dir, ["rev-parse", "--is-inside-work-tree"]).then(
    (out) => out === "true",
    () => false,
  );
}

/** Tracked files with uncommitted changes (untracked files are never touched by update). */
export async function dirtyFiles(dir: string): Promise<string[]> {
  if (!(await gitWorkTree(dir))) return [];
  // Not trimmed: each porcelain line starts with a two-column status that may be a space.
  const stdout = await gitStdout(dir, ["status", "--porcelain", "--untracked-files=no", "--", "."]);
  return stdout.split("\n").filter((line) => line.length > 3).map((line) => line.slice(3));
}

export async function markUnmerged(dir: string, conflicts: readonly Conflict[]): Promise<void> {
  if (conflicts.length === 0 || !(await gitWorkTree(dir))) return;
  const prefix = await git(dir, ["rev-parse", "--show-prefix"]);
  const lines: string[] = [];
  for (const c of conflicts) {
    const path = `${prefix}${c.path}`;
    const blob = (content: Buffer) => git(dir, ["hash-object", "-w", "--stdin"], content);
    lines.push(`0 ${"0".repeat(40)}\t${path}`);
    if (c.base !== null) lines.push(`100644 ${await blob(c.base)} 1\t${path}`);
    lines.push(`100644 ${await blob(c.ours)} 2\t${path}`);
    lines.push(`100644 ${await blob(c.theirs)} 3\t${path}`);
  }
  await git(dir, ["update-index", "--index-info"], `${lines.join("\n")}\n`);
}
