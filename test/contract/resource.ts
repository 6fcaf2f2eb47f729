// CONTRACT.md "Resources added later", over HTTP: a resource that
// `add resource NAME --fields ...` made follows the items rules (strict input,
// pagination envelope, Location, ownership, admin access, problem details) and
// validates each field by its type. The values below are this check's own,
// chosen from CLI.md's field types, not read from the generator.
import { expect } from "vitest";
import { type Client, type Credentials, record } from "./client.js";
import { expectProblem, expectValidationError } from "./general.js";

export type FieldType = "str" | "text" | "int" | "float" | "decimal" | "bool" | "date" | "datetime" | "uuid" | "email" | "url" | "enum" | "ref";

export interface FieldCase {
  /** The JSON name: `author_id` for a ref field named author. */
  readonly json: string;
  readonly type: FieldType;
  readonly optional: boolean;
  /** A valid value, echoed back as sent; `fresh` makes a new one per row (unique fields). */
  readonly valid: unknown;
  readonly fresh?: () => unknown;
  /** Values that must be a 422 naming this field. */
  readonly invalid: readonly unknown[];
}

export interface AddedResource {
  readonly path: string;
  readonly fields: readonly FieldCase[];
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function body(resource: AddedResource, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(resource.fields.map((f) => [f.json, f.fresh ? f.fresh() : f.valid])), ...changes };
}

function expectEchoed(resource: AddedResource, sent: Record<string, unknown>, row: Record<string, unknown>): void {
  for (const f of resource.fields) {
    const expected = sent[f.json];
    if (f.type === "decimal") expect(Number(row[f.json]), f.json).toBe(Number(expected));
    else if (f.type === "datetime") expect(Date.parse(String(row[f.json])), f.json).toBe(Date.parse(String(expected)));
    else expect(row[f.json], f.json).toEqual(expected);
  }
  expect(typeof row.id).toBe("number");
  expect(String(row.created_at)).toMatch(ISO_WITH_ZONE);
}

export async function createRow(client: Client, resource: AddedResource, user: Credentials | undefined, changes: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const sent = body(resource, changes);
  const reply = await client.post(resource.path, { json: sent, user });
  expect(reply.status, `${resource.path}: ${reply.text}`).toBe(201);
  const row = record(reply.body);
  expect(reply.headers.get("location")).toBe(`${resource.path}/${String(row.id)}`);
  expectEchoed(resource, sent, row);
  return row;
}

/** CRUD, per-field validation, the page envelope and server-owned fields, for one user. */
export async function checkAddedResource(client: Client, resource: AddedResource, user: Credentials | undefined): Promise<void> {
  const created = await createRow(client, resource, user);
  for (const f of resource.fields.filter((field) => field.fresh)) {
    const taken = await client.post(resource.path, { json: body(resource, { [f.json]: created[f.json] }), user });
    expectProblem(taken, 409, `${f.json} taken`);
  }

  for (const f of resource.fields) {
    for (const value of f.invalid) {
      expectValidationError(await client.post(resource.path, { json: body(resource, { [f.json]: value }), user }), f.json, `${f.json}=${JSON.stringify(value)}`);
    }
    if (!f.optional) {
      const { [f.json]: _left, ...without } = body(resource);
      const reply = await client.post(resource.path, { json: without, user });
      // A field with a default may be left out; one without must be sent.
      if (reply.status !== 201) expectValidationError(reply, f.json, `${f.json} left out`);
    } else {
      const nulled = await client.post(resource.path, { json: body(resource, { [f.json]: null }), user });
      expect(nulled.status, `${f.json}=null: ${nulled.text}`).toBe(201);
      expect(record(nulled.body)[f.json]).toBeNull();
    }
  }
  for (const owned of ["id", "created_at", "updated_at", "owner_id", "not_a_field"]) {
    expectValidationError(await client.post(resource.path, { json: body(resource, { [owned]: 1 }), user }), owned, `server-owned ${owned}`);
  }

  const url = `${resource.path}/${String(created.id)}`;
  const read = await client.get(url, { user });
  expect(read.status).toBe(200);
  expect(read.body).toEqual(created);
  const first = resource.fields[0] as FieldCase;
  const patched = await client.patch(url, { json: { [first.json]: first.valid }, user });
  expect(patched.status, patched.text).toBe(200);
  expectValidationError(await client.patch(url, { json: { [first.json]: first.invalid[0] }, user }), first.json, "PATCH with an invalid value");

  const page = await client.get(`${resource.path}?limit=1&offset=0`, { user });
  expect(page.status).toBe(200);
  const envelope = record(page.body);
  expect(Object.keys(envelope).sort()).toEqual(["items", "limit", "offset", "total"]);
  expect((envelope.items as unknown[]).length).toBe(1);
  expect(envelope.total as number).toBeGreaterThanOrEqual(1);
  expectValidationError(await client.get(`${resource.path}?limit=0`, { user }), "limit", "limit=0");

  expect((await client.delete(url, { user })).status).toBe(204);
  expectProblem(await client.get(url, { user }), 404, "deleted row");
  expectProblem(await client.get(`${resource.path}/${2 ** 40}`, { user }), 404, "unknown id");
}
