// Property: whatever a user adds to whatever files, an update with changed
// answers, an `add resource` or a `remove resource` keeps every added line, in
// place or inside conflict markers, and reports every file left with markers.
// Seeded, so a failure names the case that reproduces it.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runAdd, runRemove } from "../../src/commands/add.js";
import { DEFAULT_SOURCE, runUpdate } from "../../src/commands/project-commands.js";
import { Cleanup } from "../../src/context.js";
import { UserError } from "../../src/errors.js";
import { type Answers } from "../../src/options.js";
import { validCombinations } from "../../src/constraints.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { removeDir, tempDir } from "../helpers.js";
import { generateProject, recordingIo } from "../support/project.js";

const CASES = Number(process.env.PROPERTY_CASES ?? 200);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261128);

/** mulberry32: small, seedable, good enough to pick edits. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function textFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (!entry.startsWith(".backend-starter") && !relative(dir, full).startsWith(".backend-starter/")) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

function setArgs(from: Answers, to: Answers): string[] {
  const args: string[] = [];
  for (const key of Object.keys(to) as (keyof Answers)[]) {
    const [a, b] = [from[key], to[key]];
    if (JSON.stringify(a) !== JSON.stringify(b)) args.push("--set", `${key}=${Array.isArray(b) ? b.join(",") : String(b)}`);
  }
  // Consent to reverting revisions: this property is about the user's lines, not their data.
  return [...args, "--allow-data-loss"];
}

describe("update keeps every line a user added", () => {
  it(`holds for ${CASES} seeded cases (seed ${SEED})`, async () => {
    const combos = validCombinations();
    const rand = random(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    let checked = 0;
    let refused = 0;
    for (let n = 0; n < CASES; n++) {
      const from = pick(combos);
      // A project's framework and ORM are fixed once generated (update refuses to change them),
      // so the answers it moves to keep both.
      const sameStack = combos.filter((c) => c !== from && c.framework === from.framework && c.orm === from.orm);
      const to = pick(sameStack);
      const dir = tempDir("cbs-prop-");
      await generateProject(dir, TEMPLATES_DIR, from, DEFAULT_SOURCE.version);
      const added = new Map<string, string[]>();
      const files = textFiles(dir);
      const edits = 1 + Math.floor(rand() * 5);
      for (let e = 0; e < edits; e++) {
        const file = pick(files);
        const lines = readFileSync(join(dir, file), "utf8").split("\n");
        const marker = `user line ${n}.${e}`;
        const at = Math.floor(rand() * lines.length);
        const kind = rand();
        if (kind < 0.5) lines.splice(at, 0, marker);
        else if (kind < 0.8) lines[at] = marker;
        else {
          lines.splice(at, 1);
          continue;
        }
        writeFileSync(join(dir, file), lines.join("\n"));
        added.set(file, [...(added.get(file) ?? []), marker]);
      }
      // The user's later edits may overwrite their own earlier lines: what counts is what stands before the update.
      const expected = new Map([...added].map(([file, markers]) => {
        const before = readFileSync(join(dir, file), "utf8").split("\n");
        return [file, markers.filter((m) => before.includes(m))] as const;
      }));
      // Interleaved: an answer change, a resource added, or the sample resource removed.
      const op = rand();
      const rec = recordingIo(dir);
      const [command, args, label] =
        op < 0.5
          ? [runUpdate, setArgs(from, to), JSON.stringify(to)]
          : op < 0.8
            ? [runAdd, ["resource", `things_${n}`, "--fields", "name:str(40),count:int=0,note:text:optional"], `add resource things_${n}`]
            : [runRemove, ["resource", "items", "--allow-data-loss"], "remove resource items"];
      const where = `case ${n} (PROPERTY_SEED=${SEED}): ${JSON.stringify(from)} -> ${label}`;
      const before = new Map(textFiles(dir).map((file) => [file, readFileSync(join(dir, file), "utf8")] as const));
      let code: number;
      try {
        code = await command(rec.io, args, new Cleanup());
      } catch (error) {
        // An edit can break the project itself (a revision's down_revision overwritten gives two heads):
        // then the command must refuse in one line and leave every file as it was.
        if (!(error instanceof UserError)) throw error;
        expect(error.message, where).not.toContain("\n");
        const after = new Map(textFiles(dir).map((file) => [file, readFileSync(join(dir, file), "utf8")] as const));
        expect(after, `${where}: refused with "${error.message}" but changed files`).toEqual(before);
        refused++;
        removeDir(dir);
        continue;
      }
      expect([0, 3], where).toContain(code);
      const marked = textFiles(dir).filter((file) => readFileSync(join(dir, file), "utf8").includes("<<<<<<< "));
      for (const file of marked) expect(rec.stdout(), `${where}: ${file} has markers the report does not name`).toMatch(new RegExp(`CONFLICT\\s+${file.replaceAll(".", "\\.")}`));
      if (code === 0) expect(marked, where).toEqual([]);
      for (const [file, markers] of expected) {
        const text = existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : "";
        const lost = markers.filter((m) => !text.includes(m));
        expect(lost, `${where}: ${file}`).toEqual([]);
      }
      checked += [...expected.values()].flat().length;
      removeDir(dir);
    }
    // The property must have had lines to check, or it proved nothing.
    expect(checked).toBeGreaterThan(CASES);
    // Refusals prove only that nothing moved; most cases must reach the merge.
    expect(refused).toBeLessThan(CASES / 10);
  }, 600_000);
});
