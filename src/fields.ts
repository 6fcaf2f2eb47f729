// The `--fields` grammar of `add resource`: a comma-separated list of
// NAME:TYPE[:MODIFIER...][=DEFAULT], e.g.
//   title:str(80),body:text:optional,price:decimal(10,2),done:bool=false,
//   due:date,kind:enum(a|b),author:ref(users),code:str(12):unique:index
// Parsed into data the templates render; every mistake is a one-line UsageError.
import { UsageError } from "./errors.js";

export const FIELD_KINDS = ["str", "text", "int", "float", "decimal", "bool", "date", "datetime", "uuid", "email", "url", "enum", "ref"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const MODIFIERS = ["optional", "unique", "index"] as const;
/** Kinds whose values can be told apart row by row, so a unique one can always get a fresh value. */
const UNIQUE_KINDS: ReadonlySet<FieldKind> = new Set(["str", "int", "uuid", "email", "url"]);

/** A field a client may write; `id`, timestamps and the owner are server-owned. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** Optional fields may be left out or null, and are NULL in the table. */
  readonly optional: boolean;
  readonly unique: boolean;
  readonly index: boolean;
  /** str: 1..maxLength when required, 0..maxLength when optional. */
  readonly maxLength?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** enum: the allowed values. */
  readonly values?: readonly string[];
  /** ref: the resource (or `users`) pointed at. */
  readonly target?: string;
  /** The value a left-out field takes, as JSON would carry it. */
  readonly default?: string | number | boolean;
}

/** The table column (and body field) of a field: `author_id` for `author:ref(...)`. */
export function columnOf(f: Pick<FieldSpec, "name" | "kind">): string {
  return f.kind === "ref" ? `${f.name}_id` : f.name;
}

export const STR_DEFAULT_LENGTH = 200;
const STR_MAX_LENGTH = 10_000;
const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
/** Columns every resource already has, and what a ref field's column would collide with. */
const SERVER_OWNED = new Set(["id", "owner", "owner_id", "created_at", "updated_at"]);

/** Splits on commas outside parentheses, so `decimal(10,2)` stays whole. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

function fail(field: string, why: string): never {
  throw new UsageError(`--fields ${field}: ${why}; write NAME:TYPE[:optional][:unique][:index][=DEFAULT] with TYPE one of ${FIELD_KINDS.join(", ")} (str(N), decimal(P,S), enum(a|b), ref(RESOURCE)).`);
}

type TypeParts = Pick<FieldSpec, "kind" | "maxLength" | "precision" | "scale" | "values" | "target">;

function parseType(field: string, text: string): TypeParts {
  const match = /^([a-z]+)(?:\((.*)\))?$/.exec(text);
  if (!match) fail(field, `"${text}" is not a type`);
  const [, kind = "", arg] = match;
  if (!(FIELD_KINDS as readonly string[]).includes(kind)) fail(field, `unknown type "${kind}"`);
  const needsArg = kind === "decimal" || kind === "enum" || kind === "ref";
  if (needsArg && arg === undefined) fail(field, `${kind} needs its parameters in parentheses`);
  if (!needsArg && kind !== "str" && arg !== undefined) fail(field, `${kind} takes no parameters`);
  switch (kind) {
    case "str": {
      const length = arg === undefined ? STR_DEFAULT_LENGTH : Number(arg);
      if (!Number.isInteger(length) || length < 1 || length > STR_MAX_LENGTH) fail(field, `str(N) takes a length from 1 to ${STR_MAX_LENGTH}`);
      return { kind, maxLength: length };
    }
    case "decimal": {
      const m = /^(\d+)\s*,\s*(\d+)$/.exec(arg ?? "");
      const [precision, scale] = [Number(m?.[1]), Number(m?.[2])];
      if (!m || precision < 1 || precision > 38 || scale > precision) fail(field, "decimal(P,S) takes 1 <= P <= 38 digits and 0 <= S <= P decimals");
      return { kind, precision, scale };
    }
    case "enum": {
      const values = (arg ?? "").split("|").map((v) => v.trim());
      if (values.some((v) => !/^[A-Za-z0-9_.-]{1,50}$/.test(v))) fail(field, "enum values are 1 to 50 of A-Z a-z 0-9 _ . -, separated by |");
      if (new Set(values).size !== values.length) fail(field, "enum values must differ");
      return { kind, values };
    }
    case "ref": {
      const target = (arg ?? "").trim();
      if (!IDENTIFIER.test(target)) fail(field, `ref(${target}) must name a resource of the project, or users`);
      return { kind, target };
    }
    default:
      return { kind: kind as FieldKind };
  }
}

function parseDefault(field: string, type: TypeParts, raw: string): string | number | boolean {
  switch (type.kind) {
    case "bool":
      if (raw === "true" || raw === "false") return raw === "true";
      return fail(field, "a bool default is true or false");
    case "int":
      if (/^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
      return fail(field, `"${raw}" is not an int`);
    case "float":
      if (Number.isFinite(Number(raw)) && raw.trim() !== "") return Number(raw);
      return fail(field, `"${raw}" is not a number`);
    case "decimal":
      if (/^-?\d+(\.\d+)?$/.test(raw)) return raw;
      return fail(field, `"${raw}" is not a decimal`);
    case "enum":
      if (type.values?.includes(raw)) return raw;
      return fail(field, `the default "${raw}" is not one of ${type.values?.join("|")}`);
    case "str":
    case "text":
      if (raw.length > (type.maxLength ?? STR_MAX_LENGTH)) fail(field, "the default is longer than the field");
      return raw;
    default:
      return fail(field, `a ${type.kind} field takes no default`);
  }
}

function parseField(text: string): FieldSpec {
  const eq = text.indexOf("=");
  const head = eq === -1 ? text : text.slice(0, eq);
  const [name = "", typeText, ...mods] = head.split(":").map((s) => s.trim());
  if (!IDENTIFIER.test(name)) fail(text, `"${name}" is not a field name (lower-case letters, digits and _, starting with a letter)`);
  if (SERVER_OWNED.has(name)) fail(text, `"${name}" is set by the server`);
  if (typeText === undefined || typeText === "") fail(text, "the type is missing");
  const type = parseType(text, typeText);
  for (const mod of mods) if (!(MODIFIERS as readonly string[]).includes(mod)) fail(text, `unknown modifier "${mod}"`);
  if (new Set(mods).size !== mods.length) fail(text, "a modifier is given twice");
  const field: FieldSpec = { name, ...type, optional: mods.includes("optional"), unique: mods.includes("unique"), index: mods.includes("index") };
  if (field.unique && !UNIQUE_KINDS.has(field.kind)) fail(text, `a ${field.kind} field cannot be unique (str, int, uuid, email and url can)`);
  if (eq === -1) return field;
  if (field.unique) fail(text, "a unique field cannot have a default");
  return { ...field, default: parseDefault(text, type, text.slice(eq + 1)) };
}

export function parseFields(text: string): FieldSpec[] {
  if (text.trim() === "") throw new UsageError("--fields is empty; give at least one NAME:TYPE, e.g. --fields title:str,done:bool.");
  const fields = splitTopLevel(text).map(parseField);
  const seen = new Set<string>();
  for (const f of fields) {
    const column = columnOf(f);
    if (seen.has(f.name) || seen.has(column)) throw new UsageError(`--fields: "${f.name}" is given twice; each field needs its own name.`);
    seen.add(f.name).add(column);
    if (f.kind === "ref" && SERVER_OWNED.has(column)) fail(f.name, `its column ${column} is set by the server`);
  }
  if (!fields.some((f) => !f.optional && f.default === undefined)) {
    throw new UsageError("--fields: at least one field must be required (not :optional and without a default), so a body can be told from an empty one.");
  }
  return fields;
}
