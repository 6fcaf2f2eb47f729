// `git init` and a first commit holding exactly the clean render.
import { existsSync, realpathSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { loadExeca } from "../io/processes.js";
import type { Cleanup } from "../context.js";
import { STAGING_PREFIX } from "../io/transaction.js";
import { GENERATOR } from "../version.js";

export type GitResult = { readonly status: "committed" } | { readonly status: "skipped"; readonly reason: string };

async function git(dir: string, args: string[]): Promise<string> {
  const execa = await loadExeca();
  const { stdout } = await execa("git", args, { cwd: dir });
  return stdout.trim();
}

/** A repository of the folder's own (not an enclosing one: a project may live inside a monorepo checkout). */
async function isRepositoryRoot(dir: string): Promise<boolean> {
  try {
    return realpathSync(await git(dir, ["rev-parse", "--show-toplevel"])) === realpathSync(dir);
  } catch {
    return false;
  }
}

async function identityArgs(dir: string): Promise<string[]> {
  const email = await git(dir, ["config", "user.email"]).catch(() => "");
  // A machine without a git identity still gets its first commit.
  return email === "" ? ["-c", `user.name=${GENERATOR.name}`, "-c", "user.email=create-backend-starter@users.noreply.github.com"] : [];
}

export async function initGit(dir: string, cleanup: Cleanup): Promise<GitResult> {
  try {
    const execa = await loadExeca();
    await execa("git", ["--version"]);
  } catch {
    return { status: "skipped", reason: "git is not installed" };
  }
  if (await isRepositoryRoot(dir)) return { status: "skipped", reason: "the folder is already a git repository" };
  // With --force the folder outlives a failed run: the repository made here must not.
  if (!existsSync(join(dir, ".git"))) cleanup.add(() => rm(join(dir, ".git"), { recursive: true, force: true }));
  await git(dir, ["init", "--quiet"]);
  // --force stages (and keeps backups) inside the folder until the run succeeds: never commit those.
  await git(dir, ["add", "--all", "--", ".", `:(exclude)${STAGING_PREFIX}*`]);
  await git(dir, [...(await identityArgs(dir)), "commit", "--quiet", "--no-verify", "-m", `Initial commit from ${GENERATOR.name}`]);
  return { status: "committed" };
}

/** After install: commit the lock file uv wrote, so the tree starts clean. */
export async function commitLockFile(dir: string): Promise<void> {
  const status = await git(dir, ["status", "--porcelain", "--", "uv.lock"]);
  if (status === "") return;
  await git(dir, ["add", "uv.lock"]);
  await git(dir, [...(await identityArgs(dir)), "commit", "--quiet", "--no-verify", "-m", "Lock dependencies (uv.lock)"]);
}
