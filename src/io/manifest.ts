// `.backend-starter.json`: what was generated, from which answers and
// templates, and each file's hash, so `update` can tell user edits from
// template changes. The exact clean render is stored beside it (base.ts).
import type { Answers } from "../options.js";
import type { ProjectNames } from "../names.js";
import { GENERATOR } from "../version.js";
import { type FilePolicy, type Plan, sortedPlan } from "../plan.js";
import { BASE_FILE, encodeBase } from "./base.js";
import { sha256 } from "./hash.js";
import type { MigrationRecord, SubgeneratorRun } from "../spec.js";

export const MANIFEST_FILE = ".backend-starter.json";
/** 2: the migration history is recorded (`migrations`), and revisions are `once` files. */
export const MANIFEST_SCHEMA = 2;

export interface ManifestFile {
  sha256: string;
  policy: FilePolicy;
}

export type { SubgeneratorRun } from "../spec.js";

export interface Manifest {
  schema: number;
  generator: { name: string; version: string };
  name: string;
  answers: Answers;
  runs: SubgeneratorRun[];
  /** The revisions written into the project, oldest first: migrations are history. */
  migrations: MigrationRecord[];
  files: Record<string, ManifestFile>;
}

export interface ManifestInput {
  names: ProjectNames;
  answers: Answers;
  runs?: readonly SubgeneratorRun[];
  history?: readonly MigrationRecord[];
  /** Files that are not plain three-way merges (revisions are `once`). */
  policies?: ReadonlyMap<string, FilePolicy>;
  /** The generator version to record; tests of `update` pass fixture versions. */
  version?: string;
}

export function buildManifest(input: ManifestInput, plan: Plan): Manifest {
  const files: Record<string, ManifestFile> = {};
  for (const [path, content] of plan) files[path] = { sha256: sha256(content), policy: input.policies?.get(path) ?? "merge" };
  return {
    schema: MANIFEST_SCHEMA,
    generator: { name: GENERATOR.name, version: input.version ?? GENERATOR.version },
    name: input.names.name,
    answers: input.answers,
    runs: [...(input.runs ?? [])],
    migrations: [...(input.history ?? [])],
    files,
  };
}

export function serializeManifest(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The manifest and the clean base that go with a clean render. The base may
 * hold more than the render: the template version of files the user kept
 * after the templates dropped them, so that their edits still merge if the
 * file comes back.
 */
export function metadataFiles(input: ManifestInput, plan: Plan, base: Plan = plan): Plan {
  return new Map([
    [MANIFEST_FILE, serializeManifest(buildManifest(input, plan))],
    [BASE_FILE, encodeBase(base)],
  ]);
}

/** The plan plus its manifest and clean base: exactly what a new project holds. */
export function withManifest(input: ManifestInput, plan: Plan): Plan {
  return sortedPlan(new Map([...plan, ...metadataFiles(input, plan)]));
}
