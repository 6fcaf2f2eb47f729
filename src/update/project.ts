// Finds a generated project and reads what it recorded: the manifest (checked,
// since a hand-edited one must not drive an update) and the clean base.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseAnswerRecord } from "../answer-values.js";
import { UserError } from "../errors.js";
import { BASE_FILE, decodeBase } from "../io/base.js";
import { type Manifest, MANIFEST_FILE, MANIFEST_SCHEMA } from "../io/manifest.js";
import { type Answers, ANSWER_KEYS } from "../options.js";
import type { Plan } from "../plan.js";

export interface LoadedProject {
  readonly root: string;
  readonly manifest: Manifest;
  readonly base: Plan;
}

function findRoot(cwd: string): string {
  let dir = cwd;
  while (!existsSync(join(dir, MANIFEST_FILE))) {
    const parent = dirname(dir);
    if (parent === dir) throw new UserError(`No ${MANIFEST_FILE} here or above ${cwd}; run this inside a project made by create-backend-starter.`);
    dir = parent;
  }
  return dir;
}

function checkManifest(data: unknown): Manifest {
  const bad = (what: string): never => {
    throw new UserError(`${MANIFEST_FILE} is damaged (${what}); restore it from git, it is not meant to be edited.`);
  };
  if (typeof data !== "object" || data === null) return bad("not an object");
  const m = data as Record<string, unknown>;
  if (m.schema !== MANIFEST_SCHEMA) return bad(`schema ${String(m.schema)}, expected ${MANIFEST_SCHEMA}`);
  const generator = m.generator as Record<string, unknown> | undefined;
  if (typeof generator?.version !== "string") return bad("no generator version");
  if (typeof m.name !== "string") return bad("no project name");
  if (!Array.isArray(m.runs)) return bad("no runs list");
  if (typeof m.files !== "object" || m.files === null) return bad("no file list");
  const answers = parseAnswerRecord((m.answers ?? {}) as Record<string, unknown>, MANIFEST_FILE);
  const missing = ANSWER_KEYS.filter((k) => answers[k] === undefined);
  if (missing.length > 0) return bad(`answers missing: ${missing.join(", ")}`);
  return { ...(m as unknown as Manifest), answers: answers as Answers };
}

export async function loadProject(cwd: string): Promise<LoadedProject> {
  const root = findRoot(cwd);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(join(root, MANIFEST_FILE), "utf8"));
  } catch {
    throw new UserError(`${MANIFEST_FILE} is not valid JSON; restore it from git, it is not meant to be edited.`);
  }
  const manifest = checkManifest(data);
  let base: Plan;
  try {
    base = decodeBase(await readFile(join(root, BASE_FILE)));
  } catch {
    throw new UserError(`${BASE_FILE} is missing or damaged, so your edits cannot be told from template changes; restore it from git.`);
  }
  return { root, manifest, base };
}
