// CONTRACT.md "Auth", token auth (jwt), over HTTP. The server was started with a
// SECRET_KEY the test knows, so it can forge tokens to prove that expired,
// tampered, wrongly-signed and alg:none tokens are refused.
import { createHmac, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { bearer, type Client, record } from "./client.js";
import { AUTH, checkUsersContract, expectUnauthorized, PASSWORD, type User } from "./users.js";

/** A user logged in with a token pair; requests carry the access token. */
export interface TokenUser extends User {
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

export async function tokenLogin(client: Client, email: string, password = PASSWORD): Promise<TokenUser> {
  const reply = await client.post(`${AUTH}/login`, { json: { email, password } });
  expect(reply.status, reply.text).toBe(200);
  const body = record(reply.body);
  expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type"]);
  expect(body.token_type).toBe("bearer");
  expect(typeof body.expires_in).toBe("number");
  const credentials = bearer(String(body.access_token));
  const me = record((await client.get(`${AUTH}/me`, { user: credentials })).body);
  return { ...credentials, email, password, user: me, access: String(body.access_token), refresh: String(body.refresh_token) };
}

export async function checkTokenAuthContract(client: Client, secretKey: string): Promise<void> {
  const { email, user } = await checkUsersContract(client, /^Bearer/);
  const session = await tokenLogin(client, email);
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
  expectUnauthorized(await client.get(`${AUTH}/me`, { user: bearer(String(pair.refresh_token)) }), "refresh token as access token");
  expect((await client.get(`${AUTH}/me`, { user: bearer(String(pair.access_token)) })).status).toBe(200);

  // Logout kills the refresh token server-side.
  expect((await client.post(`${AUTH}/logout`, { json: { refresh_token: String(pair.refresh_token) }, user: bearer(String(pair.access_token)) })).status).toBe(204);
  expectUnauthorized(await client.post(`${AUTH}/refresh`, { json: { refresh_token: String(pair.refresh_token) } }), "logged-out refresh token");

  // Forged tokens: expired, tampered, wrongly signed, alg none.
  const header = decodePart(session.access, 0);
  const now = Math.floor(Date.now() / 1000);
  const expired = signHs256(header, { ...claims, iat: now - 7200, exp: now - 3600, jti: randomUUID() }, secretKey);
  expectUnauthorized(await client.get(`${AUTH}/me`, { user: bearer(expired) }), "expired token");
  const sameButValid = signHs256(header, { ...claims, exp: now + 600, jti: randomUUID() }, secretKey);
  expect((await client.get(`${AUTH}/me`, { user: bearer(sameButValid) })).status, "a token signed with the server's key is accepted (control)").toBe(200);
  const [h, p, s] = session.access.split(".");
  const tampered = `${h}.${b64url(JSON.stringify({ ...claims, sub: "999999" }))}.${s}`;
  expectUnauthorized(await client.get(`${AUTH}/me`, { user: bearer(tampered) }), "tampered token");
  expectUnauthorized(await client.get(`${AUTH}/me`, { user: bearer(signHs256(header, claims, "not the server's key")) }), "wrongly signed token");
  expectUnauthorized(await client.get(`${AUTH}/me`, { user: bearer(`${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${p}.`) }), "alg none token");
  expectUnauthorized(await client.get(`${AUTH}/me`, { user: bearer("garbage") }), "garbage token");
}
