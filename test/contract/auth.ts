// What rides on users whatever the auth method, over HTTP: logging in the way
// the server's method says, owners' rows (CONTRACT.md "Auth") and RBAC.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { type Client, record } from "./client.js";
import { expectProblem, expectValidationError } from "./general.js";
import { createItem } from "./items.js";
import { sessionLogin } from "./session-auth.js";
import { tokenLogin } from "./token-auth.js";
import { newEmail, PASSWORD, register, type User } from "./users.js";

export { register, type User } from "./users.js";

/** Logs a registered user in with the client's auth method. */
export async function login(client: Client, email: string, password = PASSWORD): Promise<User> {
  return client.auth === "session" ? sessionLogin(client, email, password) : tokenLogin(client, email, password);
}

export async function newUser(client: Client): Promise<User> {
  const email = newEmail();
  await register(client, email);
  return login(client, email);
}
/** A user sees and changes only their own items. */
export async function checkOwnership(client: Client): Promise<void> {
  const alice = await newUser(client);
  const bob = await newUser(client);
  const item = await createItem(client, alice, "alice's", true);
  expect(item.owner_id).toBe(alice.user.id);
  const path = `/api/v1/items/${String(item.id)}`;
  expectProblem(await client.get(path, { user: bob }), 404, "another user's item");
  expectProblem(await client.patch(path, { json: { title: "mine now" }, user: bob }), 404, "patching another user's item");
  expectProblem(await client.delete(path, { user: bob }), 404, "deleting another user's item");
  const bobsList = record((await client.get("/api/v1/items?limit=100", { user: bob })).body);
  expect((bobsList.items as Array<Record<string, unknown>>).every((i) => i.owner_id === bob.user.id)).toBe(true);
}

/** RBAC: `promote` makes an admin (python -m <pkg> create-admin). */
export async function checkRbacContract(client: Client, promote: (email: string, password: string) => Promise<void>): Promise<void> {
  const user = await newUser(client);
  expectProblem(await client.get("/api/v1/admin/users", { user: user }), 403, "non-admin lists users");
  expectProblem(await client.patch(`/api/v1/admin/users/${String(user.user.id)}`, { json: { role: "admin" }, user: user }), 403, "non-admin changes a role");
  const item = await createItem(client, user, "a user's item", true);

  const adminEmail = `admin-${randomUUID()}@example.com`;
  await promote(adminEmail, "admin password 1");
  const admin = await login(client, adminEmail, "admin password 1");
  expect(admin.user.role).toBe("admin");
  const users = record((await client.get("/api/v1/admin/users", { user: admin })).body);
  expect(Object.keys(users).sort()).toEqual(["items", "limit", "offset", "total"]);
  expect((users.items as Array<Record<string, unknown>>).some((u) => u.id === user.user.id)).toBe(true);

  // An admin reads, changes and deletes every user's items.
  const path = `/api/v1/items/${String(item.id)}`;
  expect((await client.get(path, { user: admin })).status).toBe(200);
  const all = record((await client.get("/api/v1/items?limit=100", { user: admin })).body);
  expect((all.items as Array<Record<string, unknown>>).some((i) => i.id === item.id)).toBe(true);
  expect((await client.patch(path, { json: { title: "moderated" }, user: admin })).status).toBe(200);
  expect((await client.delete(path, { user: admin })).status).toBe(204);

  const promoted = await client.patch(`/api/v1/admin/users/${String(user.user.id)}`, { json: { role: "admin" }, user: admin });
  expect(promoted.status).toBe(200);
  expect(record(promoted.body).role).toBe("admin");
  expectValidationError(await client.patch(`/api/v1/admin/users/${String(user.user.id)}`, { json: { role: "root" }, user: admin }), "role", "unknown role");
  expectProblem(await client.patch("/api/v1/admin/users/999999999", { json: { role: "user" }, user: admin }), 404, "unknown user");
}
