// The test caches (uv, the shared venv, schemathesis) are built by one worker
// while the others wait, and a half-built one is never used.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { buildOnce } from "../support/build-once.js";
import { removeDir, tempDir } from "../helpers.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function cacheRoot(): string {
  const dir = tempDir("cbs-cache-");
  dirs.push(dir);
  return dir;
}

describe("buildOnce", () => {
  it("builds once while concurrent callers wait, and each sees the finished folder", async () => {
    const target = join(cacheRoot(), "venv");
    let builds = 0;
    const build = async (dir: string): Promise<void> => {
      builds++;
      mkdirSync(dir);
      writeFileSync(join(dir, "tool"), "half");
      await sleep(400);
      writeFileSync(join(dir, "tool"), "whole");
    };
    const seen = await Promise.all(
      [0, 1, 2, 3].map(async () => {
        await buildOnce(target, build);
        return readFileSync(join(target, "tool"), "utf8");
      }),
    );
    expect(builds).toBe(1);
    expect(seen).toEqual(["whole", "whole", "whole", "whole"]);
    expect(existsSync(`${target}.lock`)).toBe(false);
  });

  it("never trusts a folder whose build failed: the next call wipes and rebuilds it", async () => {
    const target = join(cacheRoot(), "tools");
    await expect(
      buildOnce(target, async (dir) => {
        mkdirSync(dir);
        writeFileSync(join(dir, "uv"), "half-written");
        throw new Error("network down");
      }),
    ).rejects.toThrow("network down");
    expect(existsSync(`${target}.lock`)).toBe(false);
    await buildOnce(target, async (dir) => {
      mkdirSync(dir);
      writeFileSync(join(dir, "uv"), "complete");
    });
    expect(readdirSync(target).sort()).toEqual([".complete", "uv"]);
    expect(readFileSync(join(target, "uv"), "utf8")).toBe("complete");
  });

  it("takes over the lock of a run that was killed", async () => {
    const root = cacheRoot();
    const target = join(root, "venv");
    mkdirSync(`${target}.lock`);
    writeFileSync(join(`${target}.lock`, "owner"), "2147483646"); // no such process
    let built = false;
    await buildOnce(target, async (dir) => {
      mkdirSync(dir);
      built = true;
    });
    expect(built).toBe(true);
    expect(readdirSync(root)).toEqual(["venv"]);
  });

  it("waits for a live owner instead of building beside it", async () => {
    const target = join(cacheRoot(), "venv");
    mkdirSync(`${target}.lock`);
    writeFileSync(join(`${target}.lock`, "owner"), String(process.pid));
    await expect(buildOnce(target, async () => {}, 600)).rejects.toThrow(/Timed out waiting/);
  });
});
