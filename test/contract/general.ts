// CONTRACT.md "HTTP, in general" and "Health and documentation", checked
// over HTTP against a served project.
import { expect } from "vitest";
import { type Client, type Reply, record } from "./client.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A problem details reply as RFC 9457 and the contract describe it. */
export function expectProblem(reply: Reply, status: number, where: string): Record<string, unknown> {
  expect(reply.status, `${where}: status (body ${reply.text.slice(0, 300)})`).toBe(status);
  expect(reply.headers.get("content-type") ?? "", `${where}: content type`).toMatch(/^application\/problem\+json/);
  const body = record(reply.body);
  expect(typeof body.type, `${where}: type`).toBe("string");
  expect(typeof body.title, `${where}: title`).toBe("string");
  expect(body.status, `${where}: status member`).toBe(status);
  expect(body.request_id, `${where}: request_id`).toBe(reply.headers.get("x-request-id"));
  if (body.detail !== undefined) expect(typeof body.detail, `${where}: detail`).toBe("string");
  expect(reply.text, `${where}: no traceback`).not.toMatch(/Traceback|File "/);
  return body;
}

/** A 422 whose errors name the offending field. */
export function expectValidationError(reply: Reply, field: string, where: string): void {
  const body = expectProblem(reply, 422, where);
  const errors = body.errors as Array<{ field: unknown; message: unknown }>;
  expect(Array.isArray(errors), `${where}: errors list`).toBe(true);
  for (const e of errors) {
    expect(typeof e.field, `${where}: error field`).toBe("string");
    expect(typeof e.message, `${where}: error message`).toBe("string");
  }
  expect(errors.map((e) => e.field), `${where}: errors name ${field}`).toContain(field);
}

export async function checkGeneralContract(client: Client): Promise<void> {
  const health = await client.get("/health");
  expect(health.status).toBe(200);
  expect(health.body).toEqual({ status: "ok" });
  expect(health.headers.get("content-type")).toMatch(/^application\/json/);
  expect(health.headers.get("x-request-id")).toMatch(UUID);

  // X-Request-ID: a valid one is echoed, anything else replaced by a new UUID.
  for (const valid of ["abc-123._X", "a", "x".repeat(128)]) {
    expect((await client.get("/health", { headers: { "x-request-id": valid } })).headers.get("x-request-id")).toBe(valid);
  }
  for (const invalid of ["bad id", "x".repeat(129), "semi;colon", "bad/slash", "<script>"]) {
    const replaced = (await client.get("/health", { headers: { "x-request-id": invalid } })).headers.get("x-request-id");
    expect(replaced, `request id ${JSON.stringify(invalid)} is replaced`).toMatch(UUID);
  }

  const ready = await client.get("/ready");
  expect(ready.status).toBe(200);
  expect(ready.body).toEqual({ status: "ok", checks: { database: "ok" } });

  const openapi = await client.get("/openapi.json");
  expect(openapi.status).toBe(200);
  expect(String(record(openapi.body).openapi)).toMatch(/^3\./);
  const docs = await client.get("/docs", { headers: { accept: "text/html" } });
  expect(docs.status).toBe(200);
  expect(docs.headers.get("content-type")).toMatch(/^text\/html/);

  const notFound = await client.get("/no-such-path", { headers: { "x-request-id": "trace-404" } });
  const problem = expectProblem(notFound, 404, "unknown path");
  expect(notFound.headers.get("x-request-id")).toBe("trace-404");
  if (problem.instance !== undefined) expect(problem.instance).toBe("/no-such-path");
  expectProblem(await client.delete("/health"), 405, "wrong method");
  // HEAD is GET without the body, as HTTP has it: the probe many load balancers send.
  const head = await client.request("HEAD", "/health");
  expect(head.status, "HEAD /health").toBe(200);
  expect(head.text, "HEAD /health: no body").toBe("");
}

/** The paths every /api/v1 operation must appear under in the OpenAPI document. */
export async function checkOpenApiLists(client: Client, operations: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const document = record((await client.get("/openapi.json")).body);
  const paths = record(document.paths);
  for (const [method, path] of operations) {
    expect(Object.keys(record(paths[path] ?? {})), `OpenAPI lists ${method.toUpperCase()} ${path}`).toContain(method);
  }
}
