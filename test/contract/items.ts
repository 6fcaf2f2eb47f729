// CONTRACT.md "The sample resource: /api/v1/items", over HTTP. With auth on,
// `user` is a logged-in user's credentials.
import { expect } from "vitest";
import { type Client, type Credentials, record } from "./client.js";
import { expectProblem, expectValidationError } from "./general.js";

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ITEM = "/api/v1/items";

export function expectItem(value: unknown, withOwner: boolean): Record<string, unknown> {
  const item = record(value);
  const keys = ["id", "title", "description", "created_at", "updated_at", ...(withOwner ? ["owner_id"] : [])];
  expect(Object.keys(item).sort()).toEqual(keys.sort());
  expect(typeof item.id).toBe("number");
  expect(typeof item.title).toBe("string");
  expect(item.description === null || typeof item.description === "string").toBe(true);
  expect(String(item.created_at)).toMatch(ISO_WITH_ZONE);
  expect(String(item.updated_at)).toMatch(ISO_WITH_ZONE);
  return item;
}

export async function createItem(client: Client, user: Credentials | undefined, title: string, withOwner: boolean): Promise<Record<string, unknown>> {
  const reply = await client.post(ITEM, { json: { title }, user });
  expect(reply.status, reply.text).toBe(201);
  const item = expectItem(reply.body, withOwner);
  expect(reply.headers.get("location")).toBe(`${ITEM}/${String(item.id)}`);
  return item;
}

export async function checkItemsContract(client: Client, user: Credentials | undefined, withOwner: boolean): Promise<void> {
  const created = await createItem(client, user, "first", withOwner);
  expect(created.description).toBeNull();
  const withDescription = await client.post(ITEM, { json: { title: "second", description: "some text" }, user });
  expect(withDescription.status).toBe(201);
  expect(record(withDescription.body).description).toBe("some text");
  const nullDescription = await client.post(ITEM, { json: { title: "third", description: null }, user });
  expect(nullDescription.status).toBe(201);

  // Strict input: bounds, types, and no server-owned or unknown fields.
  const invalid: Array<[unknown, string]> = [
    [{}, "title"],
    [{ title: "" }, "title"],
    [{ title: "x".repeat(201) }, "title"],
    [{ title: 5 }, "title"],
    [{ title: "ok", description: "x".repeat(2001) }, "description"],
    [{ title: "ok", id: 99 }, "id"],
    [{ title: "ok", owner_id: 1 }, "owner_id"],
    [{ title: "ok", created_at: "2020-01-01T00:00:00Z" }, "created_at"],
    [{ title: "ok", colour: "red" }, "colour"],
  ];
  for (const [body, field] of invalid) expectValidationError(await client.post(ITEM, { json: body, user }), field, `POST ${JSON.stringify(body).slice(0, 60)}`);
  expect((await client.post(ITEM, { json: { title: "x".repeat(200), description: "y".repeat(2000) }, user })).status).toBe(201);

  const malformed = await client.post(ITEM, { raw: '{"title": ', user });
  expect([400, 422]).toContain(malformed.status);
  expectProblem(malformed, malformed.status, "malformed JSON");
  const notObject = await client.post(ITEM, { raw: "[1, 2]", user });
  expect([400, 422]).toContain(notObject.status);

  // The list: envelope, defaults, bounds, order by id.
  const list = record((await client.get(ITEM, { user })).body);
  expect(Object.keys(list).sort()).toEqual(["items", "limit", "offset", "total"]);
  expect(list.limit).toBe(20);
  expect(list.offset).toBe(0);
  const items = list.items as Array<Record<string, unknown>>;
  expect(list.total).toBe(items.length);
  const ids = items.map((i) => Number(i.id));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  for (const i of items) expectItem(i, withOwner);
  const page = record((await client.get(`${ITEM}?limit=1&offset=1`, { user })).body);
  expect((page.items as unknown[]).length).toBe(1);
  expect(record((page.items as unknown[])[0]).id).toBe(ids[1]);
  expect(page.total).toBe(list.total);
  for (const [query, field] of [["limit=0", "limit"], ["limit=101", "limit"], ["offset=-1", "offset"], ["limit=abc", "limit"]] as const) {
    expectValidationError(await client.get(`${ITEM}?${query}`, { user }), field, `GET ?${query}`);
  }
  expect((await client.get(`${ITEM}?limit=100`, { user })).status).toBe(200);

  // One item: read, change, delete.
  const path = `${ITEM}/${String(created.id)}`;
  expect(expectItem((await client.get(path, { user })).body, withOwner)).toEqual(created);
  expectProblem(await client.get(`${ITEM}/999999999`, { user }), 404, "unknown item");
  const nonNumeric = await client.get(`${ITEM}/abc`, { user });
  expect([404, 422]).toContain(nonNumeric.status);
  expectProblem(nonNumeric, nonNumeric.status, "non-numeric id");

  const patched = await client.patch(path, { json: { title: "renamed" }, user });
  expect(patched.status).toBe(200);
  const after = expectItem(patched.body, withOwner);
  expect(after.title).toBe("renamed");
  expect(after.description).toBe(created.description);
  expect(Date.parse(String(after.updated_at))).toBeGreaterThanOrEqual(Date.parse(String(created.updated_at)));
  expect(record((await client.patch(path, { json: { description: "added" }, user })).body).description).toBe("added");
  expectValidationError(await client.patch(path, { json: { title: "" }, user }), "title", "PATCH empty title");
  expectValidationError(await client.patch(path, { json: { id: 5 }, user }), "id", "PATCH id");
  expectProblem(await client.patch(`${ITEM}/999999999`, { json: { title: "x" }, user }), 404, "PATCH unknown");

  const deleted = await client.delete(path, { user });
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe("");
  expectProblem(await client.get(path, { user }), 404, "deleted item");
  expectProblem(await client.delete(path, { user }), 404, "deleted twice");

  // A method the path lacks is a 405 whoever asks: routing comes before logging in, on every framework.
  for (const who of [user, undefined]) {
    const label = who === undefined ? "without credentials" : "as the user";
    for (const [method, target] of [["PUT", ITEM], ["DELETE", ITEM], ["PUT", `${ITEM}/1`], ["POST", `${ITEM}/1`]] as const) {
      const reply = await client.request(method, target, who === undefined ? { json: {} } : { json: {}, user: who });
      expectProblem(reply, 405, `${method} ${target} ${label}`);
      expect(reply.headers.get("allow") ?? "", `${method} ${target}: Allow`).toMatch(/GET/);
    }
  }
}
