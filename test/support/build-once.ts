// A cache entry built by exactly one of the test processes that want it at the
// same time, and never trusted half-built. vitest runs test files in parallel
// workers: without the lock two of them install into one folder at once
// (ENOTEMPTY), and one runs a tool the other is still writing (EACCES).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const POLL_MS = 250;

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeFileSync(join(lock, "owner"), String(process.pid));
  return true;
}

function ownerIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "owner"), "utf8"));
  } catch {
    return false; // just created: its owner is writing the pid
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** A lock left by a killed run: renamed away first, so only one waiter takes it over. */
function breakStaleLock(lock: string): void {
  const moved = `${lock}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lock, moved);
  } catch {
    return;
  }
  rmSync(moved, { recursive: true, force: true });
}

/**
 * Makes `dir` by `build(dir)` unless it is complete already. The folder counts
 * as complete only once `build` has returned and the marker is written, so a
 * run killed half-way leaves a folder the next run wipes and rebuilds.
 */
export async function buildOnce(dir: string, build: (dir: string) => Promise<void>, timeoutMs = 20 * 60_000): Promise<void> {
  const marker = join(dir, ".complete");
  const lock = `${dir}.lock`;
  const deadline = Date.now() + timeoutMs;
  mkdirSync(dirname(dir), { recursive: true });
  while (!existsSync(marker)) {
    if (tryLock(lock)) {
      try {
        if (existsSync(marker)) return;
        rmSync(dir, { recursive: true, force: true });
        await build(dir);
        writeFileSync(marker, `${new Date().toISOString()}\n`);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return;
    }
    if (ownerIsGone(lock)) breakStaleLock(lock);
    else if (Date.now() > deadline) throw new Error(`Timed out waiting for another test process to build ${dir} (lock ${lock}).`);
    else await sleep(POLL_MS);
  }
}
