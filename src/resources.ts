// Resources: the specs that the `resource` template set renders, one use per
// resource. `items` is the first; `backend-starter add resource NAME --fields`
// will add to this list, so nothing in the templates knows the word "items".

/** A field a client may write; `id`, timestamps and the owner are server-owned. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: "string";
  readonly required: boolean;
  readonly minLength: number;
  readonly maxLength: number;
}

export interface ResourceSpec {
  /** Plural, snake_case: the table, the module and the URL segment. */
  readonly name: string;
  readonly fields: readonly FieldSpec[];
}

export const ITEMS: ResourceSpec = {
  name: "items",
  fields: [
    { name: "title", kind: "string", required: true, minLength: 1, maxLength: 200 },
    { name: "description", kind: "string", required: false, minLength: 0, maxLength: 2000 },
  ],
};

/** What a template needs of one field, worked out here rather than in Handlebars. */
export interface FieldView extends FieldSpec {
  /** `str` or `str | None`, as the model and the read schema type it. */
  readonly pyType: string;
  /** The pydantic `Field(...)` constraints, e.g. `min_length=1, max_length=200`. */
  readonly constraints: string;
  readonly nullable: boolean;
  /** `sa.String(length=200)`, as Alembic writes it. */
  readonly sqlType: string;
  /** A valid Python value for tests, and one past the upper bound. */
  readonly sample: string;
  readonly tooLong: string;
}

export interface ResourceView {
  readonly name: string;
  /** `item`, `Item`: for variables and classes. */
  readonly singular: string;
  readonly className: string;
  readonly path: string;
  readonly fields: readonly FieldView[];
  /** The first required field: what tests set to make a minimal valid body. */
  readonly titleField: FieldView;
  /** A valid body with every field, as a Python dict literal. */
  readonly sampleBody: string;
  /** The required fields as Python string literals, `"title", "name"`. */
  readonly requiredNames: string;
}

function singularOf(plural: string): string {
  if (plural.endsWith("ies")) return `${plural.slice(0, -3)}y`;
  if (plural.endsWith("s")) return plural.slice(0, -1);
  return plural;
}

function className(snake: string): string {
  return snake
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function fieldView(field: FieldSpec): FieldView {
  const nullable = !field.required;
  const bounds = [field.minLength > 0 ? `min_length=${field.minLength}` : "", `max_length=${field.maxLength}`];
  return {
    ...field,
    nullable,
    pyType: nullable ? "str | None" : "str",
    constraints: bounds.filter(Boolean).join(", "),
    sqlType: `sa.String(length=${field.maxLength})`,
    sample: JSON.stringify(`a ${field.name}`),
    tooLong: `"x" * ${field.maxLength + 1}`,
  };
}

/** What the templates see of each resource, in the spec's order. */
export function resourceViews(specs: readonly ResourceSpec[]): ResourceView[] {
  return specs.map((spec) => {
    const fields = spec.fields.map(fieldView);
    const titleField = fields.find((f) => f.required);
    if (!titleField) throw new Error(`resource ${spec.name} needs at least one required field`);
    return {
      name: spec.name,
      singular: singularOf(spec.name),
      className: className(singularOf(spec.name)),
      path: `/api/v1/${spec.name.replaceAll("_", "-")}`,
      fields,
      titleField,
      sampleBody: `{${fields.map((f) => `${JSON.stringify(f.name)}: ${f.sample}`).join(", ")}}`,
      requiredNames: fields.filter((f) => f.required).map((f) => JSON.stringify(f.name)).join(", "),
    };
  });
}
