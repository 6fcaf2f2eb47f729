// CONTRACT.md "Auth", session auth, over HTTP: the login answer and its cookie,
// the CSRF token on unsafe methods, a new session id per login, logout ending
// the session server-side.
import { expect } from "vitest";
import { type Client, type Reply, record, sessionCookie } from "./client.js";
import { expectProblem } from "./general.js";
import { AUTH, checkUsersContract, expectUnauthorized, PASSWORD, type User } from "./users.js";

const COOKIE = "sessionid";

/** A user logged in with a session; requests carry its cookie, and its CSRF token when unsafe. */
export interface SessionUser extends User {
  readonly session: string;
  readonly csrfToken: string;
}

/** The session cookie a reply sets: its value and its attributes, lower-cased (RFC 6265 reads them so). */
export function setSessionCookie(reply: Reply): { value: string; attributes: Map<string, string> } {
  const header = reply.headers.getSetCookie().find((line) => line.startsWith(`${COOKIE}=`));
  expect(header, `a ${COOKIE} cookie in ${JSON.stringify(reply.headers.getSetCookie())}`).toBeDefined();
  const [pair = "", ...attributes] = (header ?? "").split(";").map((part) => part.trim());
  const value = pair.slice(COOKIE.length + 1).replace(/^"(.*)"$/, "$1");
  return {
    value,
    attributes: new Map(attributes.map((a) => [a.split("=")[0]?.toLowerCase() ?? "", (a.split("=")[1] ?? "").toLowerCase()])),
  };
}

export async function sessionLogin(client: Client, email: string, password = PASSWORD, previous?: string): Promise<SessionUser> {
  const reply = await client.post(`${AUTH}/login`, { json: { email, password }, ...(previous ? { user: sessionCookie(previous) } : {}) });
  expect(reply.status, reply.text).toBe(200);
  const { csrf_token: csrfToken, ...user } = record(reply.body);
  expect(Object.keys(user).sort()).toEqual(["created_at", "email", "id", "role"]);
  expect(typeof csrfToken).toBe("string");
  expect(String(csrfToken).length).toBeGreaterThanOrEqual(16);
  const session = setSessionCookie(reply).value;
  return { ...sessionCookie(session, String(csrfToken)), email, password, user, session, csrfToken: String(csrfToken) };
}

function expectSessionChallenge(reply: Reply, where: string): void {
  expectUnauthorized(reply, where);
  expect(reply.headers.get("www-authenticate"), where).toBe("Session");
}

export async function checkSessionAuthContract(client: Client): Promise<void> {
  const { email, user } = await checkUsersContract(client, /^Session$/);

  // Login: the user's fields and a CSRF token, flat; the cookie is HttpOnly, SameSite=Lax, for the whole site.
  const reply = await client.post(`${AUTH}/login`, { json: { email, password: PASSWORD } });
  expect(reply.status, reply.text).toBe(200);
  const body = record(reply.body);
  expect(Object.keys(body).sort()).toEqual(["created_at", "csrf_token", "email", "id", "role"]);
  expect(body.id).toBe(user.id);
  expect(body.email).toBe(email.toLowerCase());
  const cookie = setSessionCookie(reply);
  expect(cookie.value.length).toBeGreaterThanOrEqual(32);
  expect(cookie.attributes.has("httponly"), "HttpOnly").toBe(true);
  expect(cookie.attributes.get("samesite"), "SameSite").toBe("lax");
  expect(cookie.attributes.get("path"), "Path").toBe("/");
  expect(reply.text, "the session token stays out of the body").not.toContain(cookie.value);
  const alice = await sessionLogin(client, email);
  expect(record((await client.get(`${AUTH}/me`, { user: alice })).body).id).toBe(user.id);

  // Unsafe methods need the session's own CSRF token: missing or wrong is a 403 problem.
  const item = { json: { title: "needs csrf" } };
  expectProblem(await client.post("/api/v1/items", { ...item, user: sessionCookie(alice.session) }), 403, "POST without the CSRF token");
  expectProblem(await client.post("/api/v1/items", { ...item, user: sessionCookie(alice.session, "wrong") }), 403, "POST with a wrong CSRF token");
  expectProblem(await client.post("/api/v1/items", { ...item, user: sessionCookie(alice.session, String(body.csrf_token)) }), 403, "POST with another session's CSRF token");  // the first login's
  expect((await client.post("/api/v1/items", { ...item, user: alice })).status).toBe(201);

  // Unknown and missing sessions: 401 with the scheme.
  expectSessionChallenge(await client.get(`${AUTH}/me`), "me without a cookie");
  expectSessionChallenge(await client.get(`${AUTH}/me`, { user: sessionCookie("not-a-session") }), "me with an unknown session");

  // A login issues a new session id and ends the one the client presented.
  const again = await sessionLogin(client, email, PASSWORD, alice.session);
  expect(again.session).not.toBe(alice.session);
  expectSessionChallenge(await client.get(`${AUTH}/me`, { user: alice }), "a session id presented before login");
  expect((await client.get(`${AUTH}/me`, { user: again })).status).toBe(200);

  // Logout needs the CSRF token too, and ends the session server-side.
  expectProblem(await client.post(`${AUTH}/logout`, { user: sessionCookie(again.session) }), 403, "logout without the CSRF token");
  const logout = await client.post(`${AUTH}/logout`, { user: again });
  expect(logout.status, logout.text).toBe(204);
  expectSessionChallenge(await client.get(`${AUTH}/me`, { user: again }), "me after logout");
  expectSessionChallenge(await client.post(`${AUTH}/logout`, { user: again }), "logout after logout");
}
