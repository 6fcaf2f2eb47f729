// What each command loads, recorded by a resolve hook in the real bin: the
// generator engine (node-plop) is for the future `add`, not for create, update,
// check or diff, the Handlebars compiler is for templates the build did not
// precompile, and --help, --version and usage errors load no dependency.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, tempDir } from "../helpers.js";

const RECORDER = join(ROOT, "test", "support", "load-recorder.mjs");
const work = tempDir("cbs-load-");
afterAll(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** The npm packages a run of the bin loaded, and its exit code. */
function packagesLoaded(args: string[], cwd = work): { packages: string[]; status: number | null; urls: string[] } {
  const record = join(work, `load-${runs++}.txt`);
  const run = spawnSync(process.execPath, ["--import", RECORDER, BIN, ...args], { cwd, env: { ...process.env, LOAD_RECORD: record, CI: "true" }, encoding: "utf8" });
  const urls = readFileSync(record, "utf8").split("\n");
  const packages = new Set(urls.flatMap((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
  return { packages: [...packages].sort(), status: run.status, urls };
}

describe("modules loaded per command", () => {
  const light = [["--help"], ["--version"], ["--db", "sqllite"], ["update", "--help"]].map((args) => ({ args, shown: args.join(" ") }));
  it.each(light)("`$shown` loads no dependency at all", ({ args }) => {
    const { packages, status } = packagesLoaded(args);
    expect(status).not.toBeNull();
    expect(packages).toEqual([]);
  });

  it("creating a project loads Handlebars' runtime, not its compiler, nor node-plop, execa, clack or diff", () => {
    const { packages, status, urls } = packagesLoaded(["acme", "--yes", "--no-install", "--no-git", "--dry-run"]);
    expect(status).toBe(0);
    // The templates come precompiled from the build (src/render/built.ts): nothing compiles them.
    expect(urls.filter((url) => /handlebars\/(lib\/index\.js|dist\/cjs\/handlebars\/compiler\/)/.test(url))).toEqual([]);
    for (const unused of ["node-plop", "execa", "@clack/prompts", "diff", "inquirer", "rxjs"]) expect(packages).not.toContain(unused);
  });

  it("`check` inside a generated project does not load node-plop", () => {
    expect(packagesLoaded(["shop", "--yes", "--no-install", "--no-git"]).status).toBe(0);
    const { packages, status } = packagesLoaded(["check"], join(work, "shop"));
    expect(status).toBe(0);
    expect(packages).not.toContain("node-plop");
  });
});
