// Reading one template layer from disk: its files, its partials and layer.json.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface LayerMeta {
  /** Runtime requirements, PEP 508 strings. */
  readonly dependencies: readonly string[];
  /** Requirements of the PEP 735 `dev` group. */
  readonly devDependencies: readonly string[];
}

export interface LayerFile {
  /** Path inside the layer, "/"-separated, as stored (with .hbs and dot_ names). */
  readonly source: string;
  readonly content: Buffer;
}

export interface Layer {
  readonly name: string;
  readonly meta: LayerMeta;
  readonly files: readonly LayerFile[];
  readonly partials: ReadonlyMap<string, string>;
}

const META_FILE = "layer.json";
const PARTIALS_DIR = "_partials";
const META_KEYS = new Set(["dependencies", "devDependencies"]);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new Error(`${where} must be a list of strings`);
  }
  return value as string[];
}

function readMeta(dir: string, name: string): LayerMeta {
  const file = join(dir, META_FILE);
  if (!existsSync(file)) return { dependencies: [], devDependencies: [] };
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error(`${name}/${META_FILE} must hold an object`);
  const record = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((k) => !META_KEYS.has(k));
  if (unknownKeys.length > 0) throw new Error(`${name}/${META_FILE} has unknown keys: ${unknownKeys.join(", ")}`);
  return {
    dependencies: stringList(record.dependencies, `${name}/${META_FILE} dependencies`),
    devDependencies: stringList(record.devDependencies, `${name}/${META_FILE} devDependencies`),
  };
}

export function readLayer(templatesDir: string, name: string): Layer {
  const dir = join(templatesDir, name);
  if (!existsSync(dir)) throw new Error(`template layer ${name} is missing from ${templatesDir}`);
  const files: LayerFile[] = [];
  const partials = new Map<string, string>();
  for (const full of walk(dir).sort()) {
    const source = relative(dir, full).split(sep).join("/");
    if (source === META_FILE) continue;
    if (source.startsWith(`${PARTIALS_DIR}/`)) {
      partials.set(source.slice(PARTIALS_DIR.length + 1).replace(/\.hbs$/, ""), readFileSync(full, "utf8"));
      continue;
    }
    files.push({ source, content: readFileSync(full) });
  }
  return { name, meta: readMeta(dir, name), files, partials };
}
