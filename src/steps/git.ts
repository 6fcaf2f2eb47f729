// `git init` and a first commit holding exactly the clean render, which the
// private ref refs/backend-starter/base keeps for `update`'s three-way merge.
import { execa } from "execa";
import { BASE_REF } from "../io/manifest.js";

export type GitResult = { readonly status: "committed" } | { readonly status: "skipped"; readonly reason: string };

async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await execa("git", args, { cwd: dir });
  return stdout.trim();
}

async function insideWorkTree(dir: string): Promise<boolean> {
  try {
    return (await git(dir, ["rev-parse", "--is-inside-work-tree"])) === "true";
  } catch {
    return false;
  }
}

async function identityArgs(dir: string): Promise<string[]> {
  const email = await git(dir, ["config", "user.email"]).catch(() => "");
  // A machine without a git identity still gets its first commit.
  return email === "" ? ["-c", "user.name=create-backend-starter", "-c", "user.email=create-backend-starter@users.noreply.github.com"] : [];
}

export async function initGit(dir: string): Promise<GitResult> {
  try {
    await execa("git", ["--version"]);
  } catch {
    return { status: "skipped", reason: "git is not installed" };
  }
  if (await insideWorkTree(dir)) return { status: "skipped", reason: "the folder is already inside a git repository" };
  await git(dir, ["init", "--quiet"]);
  await git(dir, ["add", "--all"]);
  await git(dir, [...(await identityArgs(dir)), "commit", "--quiet", "--no-verify", "-m", "Initial commit from create-backend-starter"]);
  await git(dir, ["update-ref", BASE_REF, "HEAD"]);
  return { status: "committed" };
}

/** After install: commit the lock file uv wrote, so the tree starts clean. */
export async function commitLockFile(dir: string): Promise<void> {
  const status = await git(dir, ["status", "--porcelain", "--", "uv.lock"]);
  if (status === "") return;
  await git(dir, ["add", "uv.lock"]);
  await git(dir, [...(await identityArgs(dir)), "commit", "--quiet", "--no-verify", "-m", "Lock dependencies (uv.lock)"]);
}
