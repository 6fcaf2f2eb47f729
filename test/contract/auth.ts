// CONTRACT.md "Auth" (token auth) and "RBAC", over HTTP. The server was
// started with a SECRET_KEY the test knows, so it can forge tokens to prove
// that expired, tampered, wrongly-signed and alg:none tokens are refused.
import { createHmac, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { type Client, record } from "./client.js";
import { expectProblem, expectValidationError } from "./general.js";
import { createItem } from "./items.js";

const AUTH = "/api/v1/auth";

export interface Session {
  readonly email: string;
  readonly password: string;
  readonly user: Record<string, unknown>;
  readonly access: string;
  readonly refresh: string;
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString("base64url");
}

function decodePart(token: string, index: number): Record<string, unknown> {
  return record(JSON.parse(Buffer.from(token.split(".")[index] ?? "", "base64url").toString("utf8")));
}

function signHs256(header: object, payload: object, key: string): string {
  const head = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${createHmac("sha256", key).update(head).digest("base64url")}`;
}

export async function register(client: Client, email: string, password = "correct horse battery"): Promise<Record<string, unknown>> {
  const reply = await client.post(`${AUTH}/register`, { json: { email, password } });
  expect(reply.status, reply.text).toBe(201);
  return record(reply.body);
}

export async function login(client: Client, email: string, password = "correct horse battery"): Promise<Session> {
  const reply = await client.post(`${AUTH}/login`, { json: { email, password } });
  expect(reply.status, reply.text).toBe(200);
  const body = record(reply.body);
  expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type"]);
  expect(body.token_type).toBe("bearer");
  expect(typeof body.expires_in).toBe("number");
  const me = record((await client.get(`${AUTH}/me`, { token: String(body.access_token) })).body);
  return { email, password, user: me, access: String(body.access_token), refresh: String(body.refresh_token) };
}

export async function newUser(client: Client): Promise<Session> {
  const email = `user-${randomUUID()}@example.com`;
  await register(client, email);
  return login(client, email);
}

function expectUnauthorized(reply: Awaited<ReturnType<Client["get"]>>, where: string): void {
  expectProblem(reply, 401, where);
}

export async function checkTokenAuthContract(client: Client, secretKey: string): Promise<void> {
  // Items need a user; token auth says so in WWW-Authenticate.
  const anonymous = await client.get("/api/v1/items");
  expectUnauthorized(anonymous, "items without a token");
  expect(anonymous.headers.get("www-authenticate") ?? "").toMatch(/^Bearer/);

  // Register: lower-cased email, no secrets in the reply, 409 on a taken email.
  const email = `Mixed.Case-${randomUUID()}@Example.COM`;
  const user = await register(client, email);
  expect(Object.keys(user).sort()).toEqual(["created_at", "email", "id", "role"]);
  expect(user.email).toBe(email.toLowerCase());
  expect(user.role).toBe("user");
  expectProblem(await client.post(`${AUTH}/register`, { json: { email: email.toLowerCase(), password: "another password" } }), 409, "taken email");
  expectValidationError(await client.post(`${AUTH}/register`, { json: { email: "not-an-email", password: "long enough" } }), "email", "invalid email");
  expectValidationError(await client.post(`${AUTH}/register`, { json: { email: `short-${randomUUID()}@example.com`, password: "1234567" } }), "password", "short password");

  // Login answers an unknown email and a wrong password alike.
  const wrong = await client.post(`${AUTH}/login`, { json: { email, password: "wrong password" } });
  const unknown = await client.post(`${AUTH}/login`, { json: { email: `nobody-${randomUUID()}@example.com`, password: "wrong password" } });
  const strip = (b: unknown) => {
    const { request_id: _r, instance: _i, ...rest } = record(b);
    return rest;
  };
  expectUnauthorized(wrong, "wrong password");
  expectUnauthorized(unknown, "unknown email");
  expect(strip(wrong.body)).toEqual(strip(unknown.body));

  const session = await login(client, email);
  expect(session.user.email).toBe(email.toLowerCase());
  expect(session.user.id).toBe(user.id);
  const claims = decodePart(session.access, 1);
  for (const claim of ["sub", "exp", "iat", "jti"]) expect(claims, `access token claim ${claim}`).toHaveProperty(claim);

  // Refresh rotates: the old refresh token is dead afterwards; types are not interchangeable.
  const refreshed = await client.post(`${AUTH}/refresh`, { json: { refresh_token: session.refresh } });
  expect(refreshed.status, refreshed.text).toBe(200);
  const pair = record(refreshed.body);
  expect(pair.refresh_token).not.toBe(session.refresh);
  expectUnauthorized(await client.post(`${AUTH}/refresh`, { json: { refresh_token: session.refresh } }), "reused refresh token");
  expectUnauthorized(await client.post(`${AUTH}/refresh`, { json: { refresh_token: String(pair.access_token) } }), "access token as refresh token");
  expectUnauthorized(await client.get(`${AUTH}/me`, { token: String(pair.refresh_token) }), "refresh token as access token");
  expect((await client.get(`${AUTH}/me`, { token: String(pair.access_token) })).status).toBe(200);

  // Logout kills the refresh token server-side.
  expect((await client.post(`${AUTH}/logout`, { json: { refresh_token: String(pair.refresh_token) }, token: String(pair.access_token) })).status).toBe(204);
  expectUnauthorized(await client.post(`${AUTH}/refresh`, { json: { refresh_token: String(pair.refresh_token) } }), "logged-out refresh token");

  // Forged tokens: expired, tampered, wrongly signed, alg none.
  const header = decodePart(session.access, 0);
  const now = Math.floor(Date.now() / 1000);
  const expired = signHs256(header, { ...claims, iat: now - 7200, exp: now - 3600, jti: randomUUID() }, secretKey);
  expectUnauthorized(await client.get(`${AUTH}/me`, { token: expired }), "expired token");
  const sameButValid = signHs256(header, { ...claims, exp: now + 600, jti: randomUUID() }, secretKey);
  expect((await client.get(`${AUTH}/me`, { token: sameButValid })).status, "a token signed with the server's key is accepted (control)").toBe(200);
  const [h, p, s] = session.access.split(".");
  const tampered = `${h}.${b64url(JSON.stringify({ ...claims, sub: "999999" }))}.${s}`;
  expectUnauthorized(await client.get(`${AUTH}/me`, { token: tampered }), "tampered token");
  expectUnauthorized(await client.get(`${AUTH}/me`, { token: signHs256(header, claims, "not the server's key") }), "wrongly signed token");
  expectUnauthorized(await client.get(`${AUTH}/me`, { token: `${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${p}.` }), "alg none token");
  expectUnauthorized(await client.get(`${AUTH}/me`, { token: "garbage" }), "garbage token");
}

/** A user sees and changes only their own items. */
export async function checkOwnership(client: Client): Promise<void> {
  const alice = await newUser(client);
  const bob = await newUser(client);
  const item = await createItem(client, alice.access, "alice's", true);
  expect(item.owner_id).toBe(alice.user.id);
  const path = `/api/v1/items/${String(item.id)}`;
  expectProblem(await client.get(path, { token: bob.access }), 404, "another user's item");
  expectProblem(await client.patch(path, { json: { title: "mine now" }, token: bob.access }), 404, "patching another user's item");
  expectProblem(await client.delete(path, { token: bob.access }), 404, "deleting another user's item");
  const bobsList = record((await client.get("/api/v1/items?limit=100", { token: bob.access })).body);
  expect((bobsList.items as Array<Record<string, unknown>>).every((i) => i.owner_id === bob.user.id)).toBe(true);
}

/** RBAC: `promote` makes an admin (python -m <pkg> create-admin). */
export async function checkRbacContract(client: Client, promote: (email: string, password: string) => Promise<void>): Promise<void> {
  const user = await newUser(client);
  expectProblem(await client.get("/api/v1/admin/users", { token: user.access }), 403, "non-admin lists users");
  expectProblem(await client.patch(`/api/v1/admin/users/${String(user.user.id)}`, { json: { role: "admin" }, token: user.access }), 403, "non-admin changes a role");
  const item = await createItem(client, user.access, "a user's item", true);

  const adminEmail = `admin-${randomUUID()}@example.com`;
  await promote(adminEmail, "admin password 1");
  const admin = await login(client, adminEmail, "admin password 1");
  expect(admin.user.role).toBe("admin");
  const users = record((await client.get("/api/v1/admin/users", { token: admin.access })).body);
  expect(Object.keys(users).sort()).toEqual(["items", "limit", "offset", "total"]);
  expect((users.items as Array<Record<string, unknown>>).some((u) => u.id === user.user.id)).toBe(true);

  // An admin reads, changes and deletes every user's items.
  const path = `/api/v1/items/${String(item.id)}`;
  expect((await client.get(path, { token: admin.access })).status).toBe(200);
  const all = record((await client.get("/api/v1/items?limit=100", { token: admin.access })).body);
  expect((all.items as Array<Record<string, unknown>>).some((i) => i.id === item.id)).toBe(true);
  expect((await client.patch(path, { json: { title: "moderated" }, token: admin.access })).status).toBe(200);
  expect((await client.delete(path, { token: admin.access })).status).toBe(204);

  const promoted = await client.patch(`/api/v1/admin/users/${String(user.user.id)}`, { json: { role: "admin" }, token: admin.access });
  expect(promoted.status).toBe(200);
  expect(record(promoted.body).role).toBe("admin");
  expectValidationError(await client.patch(`/api/v1/admin/users/${String(user.user.id)}`, { json: { role: "root" }, token: admin.access }), "role", "unknown role");
  expectProblem(await client.patch("/api/v1/admin/users/999999999", { json: { role: "user" }, token: admin.access }), 404, "unknown user");
}
