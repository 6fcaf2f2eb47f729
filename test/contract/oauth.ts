// CONTRACT.md "Auth", OAuth social login, over HTTP, as a browser goes through it:
// the app's login redirects to the provider, the provider redirects back to the
// app's callback, and the callback answers the app's own token pair. The
// provider is the fake one the generated project ships (tests/oauth_provider.py),
// started by the caller; its consent page approves at once, for the user its
// `fake_*` query parameters name.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { bearer, type Client, record, type Reply } from "./client.js";
import { expectProblem } from "./general.js";
import { AUTH, PASSWORD, register } from "./users.js";

const OAUTH = `${AUTH}/oauth`;
const PROVIDERS = ["github", "google"] as const;
type Provider = (typeof PROVIDERS)[number];

/** Who the fake provider says the user is. */
interface Person {
  readonly email: string;
  readonly verified?: boolean;
}

function location(reply: Reply, where: string): URL {
  expect(reply.status, `${where}: ${reply.text}`).toBe(302);
  return new URL(reply.headers.get("location") ?? "");
}

/** The app's login: a redirect to the provider, with a state. */
async function loginRedirect(client: Client, provider: Provider): Promise<URL> {
  const url = location(await client.get(`${OAUTH}/${provider}/login`), `${provider} login`);
  expect(url.searchParams.get("state"), `${provider} login's state`).toBeTruthy();
  return url;
}

/** The provider's consent, approved: the app's callback URL it sends the browser back to. */
async function consent(authorize: URL, person: Person): Promise<URL> {
  const url = new URL(authorize);
  url.searchParams.set("fake_email", person.email);
  url.searchParams.set("fake_verified", String(person.verified ?? true));
  const reply = await fetch(url, { redirect: "manual" });
  expect(reply.status, await reply.text()).toBe(302);
  return new URL(reply.headers.get("location") ?? "");
}

async function callback(client: Client, url: URL): Promise<Reply> {
  return client.get(`${url.pathname}${url.search}`);
}

async function socialLogin(client: Client, provider: Provider, person: Person): Promise<Reply> {
  return callback(client, await consent(await loginRedirect(client, provider), person));
}

/** A token pair as for jwt, and who it says the user is. */
async function tokensOf(client: Client, reply: Reply, where: string): Promise<{ pair: Record<string, unknown>; me: Record<string, unknown> }> {
  expect(reply.status, `${where}: ${reply.text}`).toBe(200);
  const pair = record(reply.body);
  expect(Object.keys(pair).sort(), where).toEqual(["access_token", "expires_in", "refresh_token", "token_type"]);
  expect(pair.token_type).toBe("bearer");
  const me = await client.get(`${AUTH}/me`, { user: bearer(String(pair.access_token)) });
  expect(me.status, `${where}: /me`).toBe(200);
  return { pair, me: record(me.body) };
}

function expectRefused(reply: Reply, statuses: readonly number[], where: string): void {
  expect(statuses, `${where}: ${String(reply.status)} ${reply.text}`).toContain(reply.status);
  expect(reply.text, where).not.toContain("access_token");
}

/** `providerUrl`: where the fake provider the server was configured with listens. */
export async function checkOAuthContract(client: Client, providerUrl: string): Promise<void> {
  // Login sends the browser to the configured provider: Google with PKCE (S256) and a nonce.
  for (const provider of PROVIDERS) {
    const url = await loginRedirect(client, provider);
    expect(url.origin, `${provider} login's target`).toBe(new URL(providerUrl).origin);
  }
  const google = await loginRedirect(client, "google");
  expect(google.searchParams.get("code_challenge_method")).toBe("S256");
  expect(google.searchParams.get("code_challenge")).toBeTruthy();
  expect(google.searchParams.get("nonce")).toBeTruthy();

  // The whole round trip, per provider: the app's own tokens, for the provider's verified email.
  for (const provider of PROVIDERS) {
    const email = `${provider}-${randomUUID()}@example.com`;
    const first = await tokensOf(client, await socialLogin(client, provider, { email }), `${provider} login`);
    expect(first.me.email).toBe(email);
    const again = await tokensOf(client, await socialLogin(client, provider, { email }), `${provider} login again`);
    expect(again.me.id, "the same account logs in as the same user").toBe(first.me.id);
    // The tokens are the jwt method's: the refresh token rotates.
    const refreshed = await client.post(`${AUTH}/refresh`, { json: { refresh_token: again.pair.refresh_token } });
    expect(refreshed.status, refreshed.text).toBe(200);
  }

  // A verified email links the account registered with it; an unverified one never does.
  for (const provider of PROVIDERS) {
    const email = `linked-${provider}-${randomUUID()}@example.com`;
    const registered = await register(client, email);
    expectRefused(await socialLogin(client, provider, { email, verified: false }), [400, 401, 403], `${provider} login with an unverified email`);
    const linked = await tokensOf(client, await socialLogin(client, provider, { email }), `${provider} login with a verified email`);
    expect(linked.me.id).toBe(registered.id);
    expect((await client.post(`${AUTH}/login`, { json: { email, password: PASSWORD } })).status, "the password still works").toBe(200);
  }

  // A code works once; the state must be there and be the one the login gave.
  const back = await consent(await loginRedirect(client, "github"), { email: `replay-${randomUUID()}@example.com` });
  await tokensOf(client, await callback(client, back), "first use of a code");
  expectRefused(await callback(client, back), [400, 401, 403], "a replayed code");
  const fresh = await consent(await loginRedirect(client, "github"), { email: `state-${randomUUID()}@example.com` });
  const code = fresh.searchParams.get("code") ?? "";
  const state = fresh.searchParams.get("state") ?? "";
  const path = `${OAUTH}/github/callback`;
  expectRefused(await client.get(`${path}?code=${encodeURIComponent(code)}`), [400, 403], "a callback without state");
  const forged = `${state.slice(0, -4)}${state.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
  expectRefused(await client.get(`${path}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(forged)}`), [400, 403], "a forged state");
  expectRefused(await client.get(`${path}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(randomUUID())}`), [400, 403], "a made-up state");

  // A provider the app does not know is not there.
  expectProblem(await client.get(`${OAUTH}/gitlab/login`), 404, "an unknown provider's login");
  expectProblem(await client.get(`${OAUTH}/gitlab/callback?code=c&state=s`), 404, "an unknown provider's callback");
}
