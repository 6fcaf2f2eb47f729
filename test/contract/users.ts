// CONTRACT.md "Auth", what every method shares: registration, the same 401 for an
// unknown email and a wrong password, and a logged-in user as the checks use one.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { type Client, type Credentials, type Reply, record } from "./client.js";
import { expectProblem, expectValidationError } from "./general.js";

export const AUTH = "/api/v1/auth";
export const PASSWORD = "correct horse battery";

/** A logged-in user: who they are, and the credentials their requests carry. */
export interface User extends Credentials {
  readonly email: string;
  readonly password: string;
  readonly user: Record<string, unknown>;
}

export function newEmail(): string {
  return `user-${randomUUID()}@example.com`;
}

export async function register(client: Client, email: string, password = PASSWORD): Promise<Record<string, unknown>> {
  const reply = await client.post(`${AUTH}/register`, { json: { email, password } });
  expect(reply.status, reply.text).toBe(201);
  return record(reply.body);
}

export function expectUnauthorized(reply: Reply, where: string): void {
  expectProblem(reply, 401, where);
}

/**
 * Items need a user, and the 401 names the scheme; registration's rules; login's
 * one answer to a wrong password and an unknown email. The registered user, to log in.
 */
export async function checkUsersContract(client: Client, challenge: RegExp): Promise<{ email: string; user: Record<string, unknown> }> {
  const anonymous = await client.get("/api/v1/items");
  expectUnauthorized(anonymous, "items without credentials");
  expect(anonymous.headers.get("www-authenticate") ?? "").toMatch(challenge);

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
  return { email, user };
}
