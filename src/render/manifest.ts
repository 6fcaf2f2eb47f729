// `layer.json`: what a template layer says about itself. A layer declares when
// it applies and contributes data (dependencies, settings, routers, commands,
// migrations); the planner merges contributions into the template context, so
// no template file name, module name or migration id lives in TypeScript.

/** A setting a layer adds: one declaration feeds settings.py, .env.example, the README and the tests. */
export interface SettingDecl {
  /** The environment variable, e.g. `ACCESS_TOKEN_TTL_SECONDS`; the field is its lower-case name. */
  readonly env: string;
  /** The Python annotation of the field, e.g. `int`. */
  readonly type: string;
  /** The default, as a Python expression and as written in `.env`; `None` for a setting that may stay unset. */
  readonly default: string;
  /** pydantic `Field` constraints beyond the default, e.g. `ge=1`. */
  readonly constraints?: string;
  /** One line for `.env.example` and the README's table. */
  readonly doc: string;
  /** A ruff rule its settings line breaks on purpose, and why: `S105 - an endpoint, not a secret`. */
  readonly noqa?: string;
}

/** A `python -m PKG` command a layer adds: `from .MODULE import REGISTER`, then `REGISTER(commands)`. */
export interface CommandDecl {
  readonly module: string;
  readonly register: string;
}

/** A schema migration a layer contributes; which revision it follows is history, not layer data. */
export interface MigrationDecl {
  readonly revision: string;
  /** The layer file that renders it (its slice decides whether it applies). */
  readonly template: string;
  /**
   * The revision that did this one's work before a layer was split: a project
   * that applied `formerlyIn` while this layer applied has it already (see history.ts).
   */
  readonly formerlyIn?: string;
  /** Django: the app label whose migrations folder holds the file (`__resource__` is the resource's). */
  readonly app?: string;
  /**
   * Django: the revision whose table this one changes (a resource's owner column). Written
   * inside that revision's file when both are new together; otherwise a migration of the
   * same app, as its revert and its re-apply are (the app stays when it is reverted).
   */
  readonly within?: string;
  /** Django: the tables its revert drops, in order (default: the app's one table, named after it). */
  readonly tables?: readonly string[];
  /**
   * Django: apps that come back as they were (users): its revert keeps their migrations
   * on record, and its re-apply makes their tables again from them. By default the
   * revert forgets the app's migrations, and the app's own files run again.
   */
  readonly apps?: readonly string[];
}

export interface LayerManifest {
  /** One line: what the layer is for. */
  readonly description: string;
  /** Position among layers; later layers override earlier layers' files. */
  readonly order: number;
  /** Tags that must all hold for the layer to apply (see tags.ts); none = always. */
  readonly when: readonly string[];
  /** Members of a family (one `db`, one `framework` ...) fill every seam declared for it. */
  readonly family: string | null;
  /** `resources`: the layer is used once per resource of the project. */
  readonly each: "resources" | null;
  readonly dependencies: readonly string[];
  readonly devDependencies: readonly string[];
  readonly settings: readonly SettingDecl[];
  /** Feature packages (dotted) whose `routes` module has a router to mount; `__resource__` is the resource's. */
  readonly routers: readonly string[];
  readonly commands: readonly CommandDecl[];
  readonly migrations: readonly MigrationDecl[];
  /** Seams this layer's templates consume: family -> seam names (`{{> name}}`). */
  readonly seams: Readonly<Record<string, readonly string[]>>;
  /** Section lists this layer's templates iterate (`{{#each sections.NAME}}`). */
  readonly sections: readonly string[];
  /** The template that re-applies or reverts another revision (the ORM layer's), if any. */
  readonly revisionDelegate: string | null;
}

type Json = Record<string, unknown>;

const KEYS = new Set([
  "description", "order", "when", "family", "each", "dependencies", "devDependencies", "settings",
  "routers", "commands", "migrations", "seams", "sections", "revisionDelegate",
]);

class ManifestReader {
  constructor(
    private readonly raw: Json,
    private readonly where: string,
  ) {}

  fail(message: string): never {
    throw new Error(`${this.where}: ${message}`);
  }

  string(key: string, value: unknown = this.raw[key]): string {
    if (typeof value !== "string" || value === "") this.fail(`${key} must be a non-empty string`);
    return value;
  }

  optionalString(key: string): string | null {
    return this.raw[key] === undefined ? null : this.string(key);
  }

  strings(key: string, value: unknown = this.raw[key]): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) this.fail(`${key} must be a list of strings`);
    return value as string[];
  }

  records<T>(key: string, fields: Record<string, "required" | "optional" | "strings">, build: (r: Json) => T): T[] {
    const value = this.raw[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(`${key} must be a list of objects`);
    return value.map((entry: unknown, i) => {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) this.fail(`${key}[${i}] must be an object`);
      const record = entry as Json;
      for (const k of Object.keys(record)) if (!(k in fields)) this.fail(`${key}[${i}] has an unknown key ${k}`);
      for (const [k, need] of Object.entries(fields)) {
        if (need === "strings") this.strings(`${key}[${i}].${k}`, record[k]);
        else if (need === "required" || record[k] !== undefined) this.string(`${key}[${i}].${k}`, record[k]);
      }
      return build(record);
    });
  }
}

export function parseLayerManifest(raw: unknown, where: string): LayerManifest {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error(`${where} must hold an object`);
  const r = new ManifestReader(raw as Json, where);
  const record = raw as Json;
  const unknownKeys = Object.keys(record).filter((k) => !KEYS.has(k));
  if (unknownKeys.length > 0) r.fail(`unknown keys: ${unknownKeys.join(", ")}`);
  const order = typeof record.order === "number" ? record.order : r.fail("order must be a number");
  const eachValue = r.optionalString("each");
  if (eachValue !== null && eachValue !== "resources") r.fail(`each must be "resources", not ${eachValue}`);
  const each = eachValue === "resources" ? "resources" : null;
  const seams: Record<string, string[]> = {};
  const rawSeams = record.seams ?? {};
  if (typeof rawSeams !== "object" || rawSeams === null || Array.isArray(rawSeams)) r.fail("seams must map a family to seam names");
  for (const [family, names] of Object.entries(rawSeams as Json)) seams[family] = r.strings(`seams.${family}`, names);
  return {
    description: r.string("description"),
    order,
    when: r.strings("when"),
    family: r.optionalString("family"),
    each,
    dependencies: r.strings("dependencies"),
    devDependencies: r.strings("devDependencies"),
    settings: r.records("settings", { env: "required", type: "required", default: "required", constraints: "optional", doc: "required", noqa: "optional" }, (s) => ({
      env: s.env as string,
      type: s.type as string,
      default: s.default as string,
      ...(s.constraints === undefined ? {} : { constraints: s.constraints as string }),
      doc: s.doc as string,
      ...(s.noqa === undefined ? {} : { noqa: s.noqa as string }),
    })),
    routers: r.strings("routers"),
    commands: r.records("commands", { module: "required", register: "required" }, (c) => ({ module: c.module as string, register: c.register as string })),
    migrations: r.records(
      "migrations",
      { revision: "required", template: "required", formerlyIn: "optional", app: "optional", within: "optional", tables: "strings", apps: "strings" },
      (m) => ({
        revision: m.revision as string,
        template: m.template as string,
        ...(m.formerlyIn === undefined ? {} : { formerlyIn: m.formerlyIn as string }),
        ...(m.app === undefined ? {} : { app: m.app as string }),
        ...(m.within === undefined ? {} : { within: m.within as string }),
        ...(m.tables === undefined ? {} : { tables: m.tables as string[] }),
        ...(m.apps === undefined ? {} : { apps: m.apps as string[] }),
      }),
    ),
    seams,
    sections: r.strings("sections"),
    revisionDelegate: r.optionalString("revisionDelegate"),
  };
}
