// Resources: the specs that the `resource` template set renders, one use per
// resource. `items` is the first; `backend-starter add resource NAME --fields`
// adds to the list, so nothing in the templates knows the word "items". Every
// per-type decision (Python type, column, validation, migration column, test
// values) is made here as data; the templates only place it.
import { columnOf, type FieldKind, type FieldSpec, parseFields } from "./fields.js";
import { bracketed, LINE_LENGTH, literal, moduleOrder, pyLiteral, pyString } from "./python-code.js";

export type { FieldSpec } from "./fields.js";

export interface ResourceSpec {
  /** Plural, snake_case: the table, the module and the URL segment. */
  readonly name: string;
  /** Singular, snake_case: variables; its CamelCase is the class. */
  readonly singular: string;
  readonly fields: readonly FieldSpec[];
}

export const ITEMS: ResourceSpec = {
  name: "items",
  singular: "item",
  fields: parseFields("title:str(200),description:str(2000):optional"),
};

/** Longest text a `text` field takes: well inside MySQL's 64 KiB TEXT at 4 bytes a character. */
export const TEXT_MAX_LENGTH = 10_000;
const INT64 = { min: "-9223372036854775808", max: "9223372036854775807" };

/** What a template needs of one field, worked out here rather than in Handlebars. */
export interface FieldView {
  readonly name: string;
  readonly kind: FieldKind;
  /** The table column: `author_id` for `author:ref(...)`, else the name. */
  readonly column: string;
  /** NULL allowed in the table (and null in bodies). */
  readonly nullable: boolean;
  /** Must be in a create body: neither optional nor defaulted. */
  readonly required: boolean;
  /** Free text, where a NUL character must be refused. */
  readonly text: boolean;
  readonly unique: boolean;
  readonly model: string;
  readonly create: string;
  readonly update: string;
  readonly read: string;
  readonly migration: string;
  /** Python literals for tests: a valid value, another valid value, one that is a 422. */
  readonly sample: string;
  readonly changed: string;
  readonly invalid: string;
  /** ref: the resource pointed at (`users` or another resource's plural name). */
  readonly target: string | null;
  /** The sample as tests send it: a fresh value per row for a unique field. */
  readonly testValue: string;
  /** The Django model field, `models.CharField(max_length=200)`: keyword arguments sorted, as Django's migration writer sorts them, so a model line and its migration line are the same text. */
  readonly djangoField: string;
  /** The model's line for it, `    title = models.CharField(max_length=200)`, wrapped as ruff format wraps it. */
  readonly djangoModel: string;
}

export interface ResourceView {
  readonly name: string;
  /** `item`, `Item`: for variables and classes. */
  readonly singular: string;
  readonly className: string;
  /** Django: the model as migrations name it (`item`, `orderline`). */
  readonly modelName: string;
  /** `/api/v1/order-lines`: hyphens where the name has underscores. */
  readonly path: string;
  /** The path as Django's URL patterns write it: without the leading slash. */
  readonly route: string;
  readonly fields: readonly FieldView[];
  /** The first required field: what tests leave out or change. */
  readonly titleField: FieldView;
  /** The first free-text field, if any: where tests send a NUL. */
  readonly textField: FieldView | null;
  /** The first unique field, if any: where tests send a taken value. */
  readonly uniqueField: FieldView | null;
  /** The ref fields, whose targets must exist and be the caller's. */
  readonly refs: readonly FieldView[];
  /** The Update schema's validator decorator, over the fields that may be left out but never set to null. */
  readonly notNullValidator: string;
  /** The migration's table constraints (foreign keys, unique) and the indexes created after the table. */
  readonly tableConstraints: readonly string[];
  readonly indexes: readonly string[];
  /** The models the ref fields point at, one import each, sorted. */
  readonly refImports: readonly string[];
  /** Body field -> the model it refers to, as a Python dict. */
  readonly referenceModels: string;
  /** Tests: a function body returning a valid body, and the registry entry of that function with the refs' targets. */
  readonly testBody: string;
  readonly testEntry: string;
  /** Import lines the model and schema modules need beyond what they always import. */
  readonly modelImports: ImportLines;
  readonly schemaImports: ImportLines;
  /** Runtime dependencies the fields need (email validation). */
  readonly dependencies: readonly string[];
  /** Django: each ref's body field, the model it names (imported from `module`), and whether that model's rows have owners. */
  readonly djangoRefs: readonly { readonly column: string; readonly module: string; readonly model: string; readonly owned: boolean }[];
  /** Django: the ref targets' models, one each, and the other resources' apps the migration depends on. */
  readonly djangoRefModels: readonly { readonly module: string; readonly model: string }[];
  readonly djangoRefApps: readonly string[];
  /** Django: some ref names a users row, or some names an owned row (which only its owner may name). */
  readonly djangoRefsUsers: boolean;
  readonly djangoRefsOwned: boolean;
  /** Django: `REFERENCES` (body field -> model) and `OWNED` (the fields naming owned rows), as Python. */
  readonly djangoReferenceModels: string;
  readonly djangoOwnedFields: string;
}

export interface ImportLines {
  readonly stdlib: readonly string[];
  readonly thirdParty: readonly string[];
}

interface KindRules {
  /** Python type of the value, in the model and in responses. */
  readonly py: (f: FieldSpec) => string;
  /** Type accepted in bodies, when it differs from `py`. */
  readonly input?: (f: FieldSpec) => string;
  /** The mapped_column type and the Alembic column type. */
  readonly column: (f: FieldSpec) => string;
  readonly sa: (f: FieldSpec) => string;
  /** pydantic Field constraints. */
  readonly constraints: (f: FieldSpec) => string[];
  readonly sample: (f: FieldSpec) => string | number | boolean;
  readonly changed: (f: FieldSpec) => string | number | boolean;
  /** A Python expression that must be refused. */
  readonly invalid: (f: FieldSpec) => string;
  readonly imports: { stdlib?: Record<string, string>; sqlalchemy?: string; pydantic?: string; typing?: string };
}

const length = (f: FieldSpec): number => f.maxLength ?? 200;
const enumLength = (f: FieldSpec): number => Math.max(...(f.values ?? [""]).map((v) => v.length));

const RULES: Record<FieldKind, KindRules> = {
  str: {
    py: () => "str",
    column: (f) => `String(${length(f)})`,
    sa: (f) => `sa.String(length=${length(f)})`,
    constraints: (f) => [...(f.optional || f.default !== undefined ? [] : ["min_length=1"]), `max_length=${length(f)}`],
    sample: (f) => `a ${f.name}`.slice(0, length(f)),
    changed: () => "changed",
    invalid: (f) => `"x" * ${length(f) + 1}`,
    imports: { sqlalchemy: "String" },
  },
  text: {
    py: () => "str",
    column: () => "Text",
    sa: () => "sa.Text()",
    constraints: () => [`max_length=${TEXT_MAX_LENGTH}`],
    sample: (f) => `Some ${f.name}.`,
    changed: () => "Changed.",
    invalid: () => `"x" * ${TEXT_MAX_LENGTH + 1}`,
    imports: { sqlalchemy: "Text" },
  },
  int: {
    py: () => "int",
    column: () => "BigInteger",
    sa: () => "sa.BigInteger()",
    constraints: () => [`ge=${INT64.min}`, `le=${INT64.max}`],
    sample: () => 42,
    changed: () => 7,
    invalid: () => "2**63",
    imports: { sqlalchemy: "BigInteger" },
  },
  float: {
    py: () => "float",
    column: () => "Double",
    sa: () => "sa.Double()",
    constraints: () => ["allow_inf_nan=False"],
    sample: () => 1.5,
    changed: () => 2.25,
    invalid: () => '"not a number"',
    imports: { sqlalchemy: "Double" },
  },
  decimal: {
    py: () => "Decimal",
    column: (f) => `Numeric(${f.precision}, ${f.scale})`,
    sa: (f) => `sa.Numeric(precision=${f.precision}, scale=${f.scale})`,
    constraints: (f) => [`max_digits=${f.precision}`, `decimal_places=${f.scale}`],
    sample: (f) => decimalSample(f, 1),
    changed: (f) => decimalSample(f, 2),
    invalid: (f) => pyString(`1${"0".repeat(f.precision ?? 1)}`),
    imports: { stdlib: { decimal: "Decimal" }, sqlalchemy: "Numeric" },
  },
  bool: {
    py: () => "bool",
    column: () => "Boolean",
    sa: () => "sa.Boolean()",
    constraints: () => [],
    sample: () => true,
    changed: () => false,
    invalid: () => '"maybe"',
    imports: { sqlalchemy: "Boolean" },
  },
  date: {
    py: () => "date",
    column: () => "Date",
    sa: () => "sa.Date()",
    constraints: () => [],
    sample: () => "2030-01-31",
    changed: () => "2031-12-01",
    invalid: () => '"2030-02-30"',
    imports: { stdlib: { datetime: "date" }, sqlalchemy: "Date" },
  },
  datetime: {
    py: () => "datetime",
    input: () => "AwareDatetime",
    column: () => "UtcDateTime",
    sa: () => "TIMESTAMP",
    constraints: () => [],
    sample: () => "2030-01-31T12:30:00Z",
    changed: () => "2031-12-01T08:00:00Z",
    // Without a zone: a naive time is ambiguous, so it is refused.
    invalid: () => '"2030-01-31T12:30:00"',
    imports: { pydantic: "AwareDatetime" },
  },
  uuid: {
    py: () => "UUID",
    column: () => "Uuid",
    sa: () => "sa.Uuid()",
    constraints: () => [],
    sample: () => "0b6f3a52-5a43-4e8e-9f1c-2f8e4c9d7a10",
    changed: () => "5d1c9e0a-7b2f-4c3e-8a6d-1e2f3a4b5c6d",
    invalid: () => '"not-a-uuid"',
    imports: { stdlib: { uuid: "UUID" }, sqlalchemy: "Uuid" },
  },
  email: {
    py: () => "str",
    input: () => "EmailStr",
    column: () => "String(320)",
    sa: () => "sa.String(length=320)",
    constraints: () => [],
    sample: () => "someone@example.com",
    changed: () => "someone.else@example.com",
    invalid: () => '"not-an-email"',
    imports: { sqlalchemy: "String", pydantic: "EmailStr" },
  },
  url: {
    py: () => "str",
    column: () => "String(2048)",
    sa: () => "sa.String(length=2048)",
    constraints: () => ["max_length=2048", `pattern=${pyString("^https?://[^\\s/?#]+\\S*$")}`],
    sample: () => "https://example.com/a/page",
    changed: () => "https://example.org/",
    invalid: () => '"example.com/no-scheme"',
    imports: { sqlalchemy: "String" },
  },
  enum: {
    py: (f) => `Literal[${(f.values ?? []).map(pyString).join(", ")}]`,
    column: (f) => `String(${enumLength(f)})`,
    sa: (f) => `sa.String(length=${enumLength(f)})`,
    constraints: () => [],
    sample: (f) => (f.values ?? [""])[0] as string,
    changed: (f) => (f.values ?? [""]).at(-1) as string,
    invalid: () => '"not-one-of-them"',
    imports: { sqlalchemy: "String", typing: "Literal" },
  },
  ref: {
    py: () => "int",
    column: (f) => `ID, ForeignKey(${pyString(`${f.target}.id`)}, ondelete=${f.optional ? '"SET NULL"' : '"CASCADE"'})`,
    sa: () => "ID",
    constraints: () => ["ge=1", `le=${INT64.max}`],
    // Tests fill in a real target's id; these only have the right type.
    sample: () => 1,
    changed: () => 1,
    // No row has it: an unknown target is a 422, as a foreign-owned one is.
    invalid: () => `${INT64.max}`,
    imports: { sqlalchemy: "ForeignKey" },
  },
};

function decimalSample(f: FieldSpec, n: number): string {
  const scale = f.scale ?? 0;
  const whole = Math.min(n * 12, 10 ** Math.max(0, (f.precision ?? 1) - scale) - 1);
  return scale > 0 ? `${whole}.${"5".padEnd(scale, "0")}` : String(whole);
}

function defaultLiteral(f: FieldSpec): string {
  return f.default === undefined ? "None" : pyLiteral(f.default);
}

/** The model line or the migration line of a Django field. */
type DjangoWhere = "model" | "migration";

/** The Django field class and its own arguments, per kind (null, unique, default and index are added for every kind). */
function djangoFieldOf(f: FieldSpec, where: DjangoWhere, target: { className: string }): { type: string; args: Record<string, string> } {
  switch (f.kind) {
    case "str":
      return { type: "CharField", args: { max_length: String(length(f)) } };
    case "text":
      return { type: "TextField", args: { max_length: String(TEXT_MAX_LENGTH) } };
    case "int":
      return { type: "BigIntegerField", args: {} };
    case "float":
      return { type: "FloatField", args: {} };
    case "decimal":
      return { type: "DecimalField", args: { decimal_places: String(f.scale), max_digits: String(f.precision) } };
    case "bool":
      return { type: "BooleanField", args: {} };
    case "date":
      return { type: "DateField", args: {} };
    case "datetime":
      return { type: "DateTimeField", args: {} };
    case "uuid":
      return { type: "UUIDField", args: {} };
    case "email":
      return { type: "EmailField", args: { max_length: "320" } };
    case "url":
      return { type: "URLField", args: { max_length: "2048" } };
    case "enum":
      return { type: "CharField", args: { choices: `[${(f.values ?? []).map((v) => `(${pyString(v)}, ${pyString(v)})`).join(", ")}]`, max_length: String(enumLength(f)) } };
    case "ref": {
      // As the SQLAlchemy stack's foreign keys: a required reference goes with its
      // target, an optional one is emptied. No reverse accessor: the target's model
      // is another feature's, and two refs to one model would clash on it.
      const onDelete = f.optional ? "SET_NULL" : "CASCADE";
      const to = f.target === "users" ? "settings.AUTH_USER_MODEL" : pyString(`${f.target}.${target.className}`);
      return { type: "ForeignKey", args: { on_delete: where === "model" ? `models.${onDelete}` : `django.db.models.deletion.${onDelete}`, related_name: pyString("+"), to } };
    }
  }
}

function djangoField(f: FieldSpec, target: { className: string }): string {
  const { type, keywords } = djangoFieldParts(f, "migration", target);
  return `models.${type}(${keywords.join(", ")})`;
}

function djangoModel(f: FieldSpec, target: { className: string }): string {
  const { type, keywords } = djangoFieldParts(f, "model", target);
  return bracketed(1, `${f.name} = models.${type}(`, keywords, "");
}

function djangoFieldParts(f: FieldSpec, where: DjangoWhere, target: { className: string }): { type: string; keywords: string[] } {
  const { type, args } = djangoFieldOf(f, where, target);
  const all: Record<string, string> = { ...args };
  if (f.optional) Object.assign(all, { blank: "True", null: "True" });
  if (f.unique) all["unique"] = "True";
  if (f.index) all["db_index"] = "True";
  if (f.default !== undefined) all["default"] = defaultLiteral(f) ?? "None";
  return { type, keywords: Object.keys(all).sort().map((k) => `${k}=${all[k]}`) };
}

function fieldView(f: FieldSpec, specs: readonly ResourceSpec[]): FieldView {
  const rules = RULES[f.kind];
  const column = columnOf(f);
  const nullable = f.optional;
  const py = rules.py(f);
  const input = rules.input?.(f) ?? py;
  const orNone = (t: string) => (nullable ? `${t} | None` : t);
  const constraints = rules.constraints(f);
  const flags = [...(f.unique ? ["unique=True"] : []), ...(f.index || f.kind === "ref" ? ["index=True"] : [])];

  // An optional field defaults to None; a required one has no default unless given one.
  const createDefault = nullable || f.default !== undefined ? defaultLiteral(f) : null;
  const createArgs = [...(createDefault === null ? [] : [`default=${createDefault}`]), ...constraints];
  const create =
    createArgs.length === 0
      ? `    ${column}: ${orNone(input)}`
      : constraints.length === 0
        ? `    ${column}: ${orNone(input)} = ${createDefault}`
        : bracketed(1, `${column}: ${orNone(input)} = Field(`, createArgs, "");
  // In a PATCH every field may be left out; one that is NOT NULL may not be sent as null.
  const updateType = nullable ? `${input} | None` : `${input} | SkipJsonSchema[None]`;
  const update = constraints.length === 0 ? `    ${column}: ${updateType} = None` : bracketed(1, `${column}: ${updateType} = Field(`, ["default=None", ...constraints], "");
  const model = bracketed(1, `${column}: Mapped[${orNone(py)}] = mapped_column(`, [rules.column(f), ...flags], "");
  const sample = pyLiteral(rules.sample(f));
  const migration = bracketed(2, "sa.Column(", [pyString(column), rules.sa(f), `nullable=${nullable ? "True" : "False"}`], ",");
  const djangoTarget = { className: f.target ? targetOf(f.target, specs).model : "" };
  return {
    name: f.name,
    kind: f.kind,
    column,
    nullable,
    required: !f.optional && f.default === undefined,
    text: f.kind === "str" || f.kind === "text",
    model,
    djangoField: djangoField(f, djangoTarget),
    djangoModel: djangoModel(f, djangoTarget),
    create,
    update,
    read: `    ${column}: ${orNone(py)}`,
    migration,
    unique: f.unique,
    sample,
    changed: pyLiteral(rules.changed(f)),
    invalid: rules.invalid(f),
    target: f.target ?? null,
    testValue: f.unique ? freshValue(f) : sample,
  };
}

/** A Python expression (over the tests' helpers) that is a new valid value each time. */
function freshValue(f: FieldSpec): string {
  switch (f.kind) {
    case "int":
      return "fresh_int()";
    case "uuid":
      return "str(uuid4())";
    case "email":
      return 'f"{uuid4().hex}@example.com"';
    case "url":
      return 'f"https://example.com/{uuid4().hex}"';
    default:
      return `fresh_text(${length(f)})`;
  }
}

function className(snake: string): string {
  return snake
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** `from X import a, b` lines, modules and names sorted as ruff's isort sorts them. */
function fromImports(names: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  return [...names.keys()].sort(moduleOrder).map((module) => `from ${module} import ${[...(names.get(module) ?? [])].sort(isortOrder).join(", ")}`);
}

/** isort's order-by-type: CONSTANTS, then Classes, then functions, each alphabetical. */
function isortOrder(a: string, b: string): number {
  const rank = (n: string) => (n === n.toUpperCase() && n.length > 1 ? 0 : n[0] === n[0]?.toUpperCase() ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function collect(target: Map<string, Set<string>>, module: string, ...names: string[]): void {
  const set = target.get(module) ?? new Set<string>();
  for (const n of names) set.add(n);
  target.set(module, set);
}

function importsOf(fields: readonly FieldSpec[], always: { stdlib: [string, string][]; thirdParty: [string, string][] }, which: "model" | "schema"): ImportLines {
  const stdlib = new Map<string, Set<string>>();
  const thirdParty = new Map<string, Set<string>>();
  for (const [m, n] of always.stdlib) collect(stdlib, m, n);
  for (const [m, n] of always.thirdParty) collect(thirdParty, m, n);
  for (const f of fields) {
    const { imports } = RULES[f.kind];
    for (const [module, name] of Object.entries(imports.stdlib ?? {})) collect(stdlib, module, name);
    if (which === "model" && imports.sqlalchemy) collect(thirdParty, "sqlalchemy", imports.sqlalchemy);
    if (which === "schema" && imports.pydantic) collect(thirdParty, "pydantic", imports.pydantic);
    if (imports.typing) collect(stdlib, "typing", imports.typing);
  }
  return { stdlib: fromImports(stdlib), thirdParty: fromImports(thirdParty) };
}

/** The migration's constraints and indexes, named as the models' naming convention names them. */
function tableParts(spec: ResourceSpec): { tableConstraints: string[]; indexes: string[] } {
  const table = spec.name;
  const tableConstraints: string[] = [];
  const indexes: string[] = [];
  for (const f of spec.fields) {
    const column = columnOf(f);
    if (f.kind === "ref") {
      const ondelete = f.optional ? '"SET NULL"' : '"CASCADE"';
      const args = [`[${pyString(column)}]`, `[${pyString(`${f.target}.id`)}]`, `name=op.f(${pyString(`fk_${table}_${column}_${f.target}`)})`, `ondelete=${ondelete}`];
      tableConstraints.push(bracketed(2, "sa.ForeignKeyConstraint(", args, ","));
    }
    // SQLAlchemy makes `unique=True, index=True` one unique index, and `unique=True` alone a constraint.
    const indexed = f.index || f.kind === "ref";
    if (f.unique && !indexed) tableConstraints.push(bracketed(2, "sa.UniqueConstraint(", [pyString(column), `name=op.f(${pyString(`uq_${table}_${column}`)})`], ","));
    if (indexed) {
      indexes.push(bracketed(1, "op.create_index(", [`op.f(${pyString(`ix_${table}_${column}`)})`, pyString(table), `[${pyString(column)}]`, `unique=${f.unique ? "True" : "False"}`], ""));
    }
  }
  return { tableConstraints, indexes };
}

/** The feature package and model class a ref target lives in. */
function targetOf(target: string, specs: readonly ResourceSpec[]): { module: string; model: string } {
  if (target === "users") return { module: "auth", model: "User" };
  const spec = specs.find((s) => s.name === target);
  return { module: target, model: className(spec?.singular ?? target) };
}

function references(refs: readonly FieldView[], all: readonly ResourceSpec[]): { refImports: string[]; referenceModels: string; testReferences: string[] } {
  const targets = refs.map((f) => ({ field: f, ...targetOf(f.target as string, all) }));
  // With the module's fixed first-party imports, sorted as isort sorts them.
  const fixed: [string, string][] = [["..core.db", "Base"], ["..core.problems", "FieldError, InvalidInputError"]];
  const modules = new Map([...targets.map((t): [string, string] => [`..${t.module}.models`, t.model]), ...fixed]);
  const imports = [...modules.keys()].sort(moduleOrder).map((module) => `from ${module} import ${modules.get(module) as string}`);
  const pathOf = (target: string) => (target === "users" ? "users" : resourcePath(target));
  return {
    refImports: imports,
    referenceModels: literal(0, `REFERENCES: dict[str, type[Base]] = {`, targets.map((t) => `${pyString(t.field.column)}: ${t.model}`), ""),
    testReferences: targets.map((t) => `${pyString(t.field.column)}: ${pyString(pathOf(t.field.target as string))}`),
  };
}

/** What the Django templates need of the refs: the body fields' targets, their models and apps. */
function djangoReferences(
  refs: readonly FieldView[],
  specs: readonly ResourceSpec[],
  users: boolean,
): Pick<ResourceView, "djangoRefs" | "djangoRefModels" | "djangoRefApps" | "djangoRefsUsers" | "djangoRefsOwned" | "djangoReferenceModels" | "djangoOwnedFields"> {
  // With users, every resource row has an owner; a user row is nobody's.
  const djangoRefs = refs.map((f) => ({ column: f.column, ...targetOf(f.target as string, specs), owned: users && f.target !== "users" }));
  const models = new Map(djangoRefs.map((r) => [`${r.module}.${r.model}`, { module: r.module, model: r.model }]));
  return {
    djangoRefs,
    djangoRefModels: [...models.values()],
    djangoRefApps: [...new Set(refs.map((f) => f.target as string).filter((t) => t !== "users"))].sort(),
    djangoRefsUsers: refs.some((f) => f.target === "users"),
    djangoRefsOwned: djangoRefs.some((r) => r.owned),
    djangoReferenceModels: literal(0, "REFERENCES: dict[str, type[Model]] = {", djangoRefs.map((r) => `${pyString(r.column)}: ${r.model}`), ""),
    djangoOwnedFields: literal(0, "OWNED = {", djangoRefs.filter((r) => r.owned).map((r) => pyString(r.column)), ""),
  };
}

/** The references, and the tests' registry entry: `"/api/v1/posts": (_posts, {"tag_id": "/api/v1/tags"}),`. */
function testRegistry(spec: ResourceSpec, refs: ReturnType<typeof references>): { refImports: string[]; referenceModels: string; testEntry: string } {
  const { testReferences, ...rest } = refs;
  const key = `    ${pyString(resourcePath(spec.name))}: (`;
  const flat = `${key}_${spec.name}, {${testReferences.join(", ")}}),`;
  // A tuple that does not fit goes one item per line, and so does its dict if it must.
  const testEntry = flat.length <= LINE_LENGTH ? flat : `${key}\n        _${spec.name},\n${literal(2, "{", testReferences, ",")}\n    ),`;
  return { ...rest, testEntry };
}

function resourcePath(name: string): string {
  return `/api/v1/${name.replaceAll("_", "-")}`;
}

/** What the templates see of each resource, in the spec's order; with users, every row has an owner. */
export function resourceViews(specs: readonly ResourceSpec[], options: { users: boolean }): ResourceView[] {
  return specs.map((spec) => {
    const fields = spec.fields.map((f) => fieldView(f, specs));
    // A ref's value depends on rows made first: prefer a plain field for tests to change.
    const titleField = fields.find((f) => f.required && f.kind !== "ref") ?? fields.find((f) => f.required);
    if (!titleField) throw new Error(`resource ${spec.name} needs at least one required field`);
    const refs = fields.filter((f) => f.kind === "ref");
    const owner: [string, string][] = options.users ? [["sqlalchemy", "ForeignKey"]] : [];
    const model = importsOf(spec.fields, { stdlib: [["datetime", "datetime"]], thirdParty: [["sqlalchemy.orm", "Mapped"], ["sqlalchemy.orm", "mapped_column"], ...owner] }, "model");
    const usesField: [string, string][] = fields.some((f) => `${f.create}${f.update}`.includes("Field(")) ? [["pydantic", "Field"]] : [];
    const schema = importsOf(
      spec.fields,
      { stdlib: [["datetime", "datetime"]], thirdParty: [["pydantic", "BaseModel"], ["pydantic", "ConfigDict"], ["pydantic", "field_validator"], ["pydantic.json_schema", "SkipJsonSchema"], ...usesField] },
      "schema",
    );
    return {
      name: spec.name,
      singular: spec.singular,
      className: className(spec.singular),
      modelName: className(spec.singular).toLowerCase(),
      path: resourcePath(spec.name),
      route: resourcePath(spec.name).slice(1),
      fields,
      titleField,
      textField: fields.find((f) => f.text) ?? null,
      uniqueField: fields.find((f) => f.unique) ?? null,
      refs,
      notNullValidator: bracketed(1, "@field_validator(", [...fields.filter((f) => !f.nullable).map((f) => pyString(f.column)), 'mode="before"'], ""),
      ...tableParts(spec),
      ...testRegistry(spec, references(refs, specs)),
      testBody: literal(1, "return {", fields.map((f) => `${pyString(f.column)}: ${f.testValue}`), ""),
      modelImports: model,
      schemaImports: schema,
      dependencies: spec.fields.some((f) => f.kind === "email") ? ["email-validator>=2.2"] : [],
      ...djangoReferences(refs, specs, options.users),
    };
  });
}
