// Schemathesis (from PyPI) against a served project: CONTRACT.md's "a
// schema-driven fuzzer finds no 5xx and no response that breaks the schema".
// It lives in a virtualenv of its own, apart from the project-check venv of
// python.ts, so its dependencies and the generated projects' cannot clash.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { ROOT, removeDir, tempDir } from "../helpers.js";
import { type AuthMethod, Client, record } from "../contract/client.js";
import { login, newUser, type User } from "../contract/auth.js";
import { buildOnce } from "./build-once.js";
import { uvCommand } from "./python.js";

/** Pinned, so a run is reproducible; bump it on purpose (`python3 -m pip index versions schemathesis`). */
export const SCHEMATHESIS_VERSION = "4.32.5";

/**
 * The checks of 4.x that a contract clause asks for, named rather than `all`
 * so an upgrade's new checks are judged before they count:
 * - not_a_server_error: no 5xx, however malformed the request.
 * - status_code, content_type, response_headers, response_schema _conformance:
 *   every response, errors (problem+json) included, is one the document describes.
 * - negative_data_rejection, positive_data_acceptance: the request schemas are
 *   what the server really validates (invalid input is 4xx, valid input is accepted).
 * - missing_required_header: a required header left out is refused.
 * - unsupported_method, allow_header_conformance: a wrong method is 405 with a true `Allow`.
 * - use_after_free, ensure_resource_availability: a created resource can be read,
 *   a deleted one is 404 (stateful phase, on links inferred from the document).
 * - ignored_auth: operations that declare security refuse requests without valid credentials.
 * Left out: object_level_authorization, which needs two peer users in a WFC auth
 * file (`--auth-wfc`) and otherwise only prints that it will not run.
 */
export const CHECKS = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "response_headers_conformance",
  "response_schema_conformance",
  "negative_data_rejection",
  "positive_data_acceptance",
  "missing_required_header",
  "unsupported_method",
  "allow_header_conformance",
  "use_after_free",
  "ensure_resource_availability",
  "ignored_auth",
] as const;

/**
 * Warnings that mean the run proved less than it seems, or that the document
 * disagrees with the server; they fail the run (exit 1) like a failed check:
 * - missing_auth: an operation answered only 401/403, so the credentials did not work.
 * - validation_mismatch: the server rejects most data its schema calls valid.
 * - method_not_allowed: a documented operation answers 405.
 * - missing_deserializer: a documented response type could not be read, so its schema went unchecked.
 */
export const FAIL_ON_WARNINGS = ["missing_auth", "validation_mismatch", "method_not_allowed", "missing_deserializer"] as const;

export const DEFAULT_SEED = 20240601;
export const DEFAULT_MAX_EXAMPLES = 30;

/**
 * Loaded through SCHEMATHESIS_HOOKS. Two adjustments, both about the fuzzer's
 * inputs, never about how responses are judged:
 * - `email`: JSON Schema's format is RFC 5321 syntax, and Schemathesis draws
 *   some addresses under `.test`, which email-validator (pydantic's EmailStr)
 *   refuses as a special-use domain (RFC 6761), as a production service should.
 *   Valid addresses are drawn with ordinary domains instead.
 * - CBS_FUZZ_SPARE: a path parameter value that writes (non-GET requests under
 *   a path regex) must not target - the fuzzer's own account, so an admin does
 *   not demote itself and spend the rest of the run on 403s. Such a request
 *   goes to an id that does not exist (404) instead.
 */
const HOOKS = `"""Schemathesis hooks of create-backend-starter's fuzz tests (test/support/schemathesis.ts)."""

import json
import os
import re
import string

import schemathesis
from hypothesis import strategies as st

_LABEL = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8)
_LOCAL = st.text(
    alphabet=string.ascii_lowercase + string.digits + "!#$%&'*+-/=?^_\`{|}~", min_size=1, max_size=10
)
_TLD = st.sampled_from(["com", "org", "net", "io", "dev", "info", "example"])

schemathesis.openapi.format(
    "email",
    st.builds(
        lambda local, labels, tld: f"{local}@{'.'.join([*labels, tld])}",
        _LOCAL,
        st.lists(_LABEL, min_size=1, max_size=2),
        _TLD,
    ),
)

_SPARE = json.loads(os.environ.get("CBS_FUZZ_SPARE") or "null")


@schemathesis.hook
def before_call(context, case, kwargs):
    if not _SPARE or case.method.upper() in ("GET", "HEAD", "OPTIONS"):
        return
    if not re.search(_SPARE["path"], case.operation.path) or not case.path_parameters:
        return
    for name, value in list(case.path_parameters.items()):
        if str(value) == _SPARE["value"]:
            case.path_parameters[name] = _SPARE["instead"]
`;

const CACHE = join(ROOT, ".cache");

/** The `schemathesis` executable from its own cached virtualenv, installed with uv on first use. */
export async function schemathesisCommand(): Promise<string> {
  const venv = join(CACHE, `schemathesis-${SCHEMATHESIS_VERSION}`);
  // Built once under a lock: parallel test files must not install into one folder at once.
  await buildOnce(venv, async (dir) => {
    const uv = await uvCommand();
    await execa(uv, ["venv", "--quiet", "--python", "python3", dir]);
    await execa(uv, ["pip", "install", "--quiet", "--python", join(dir, "bin", "python"), `schemathesis==${SCHEMATHESIS_VERSION}`]);
  });
  return join(venv, "bin", "schemathesis");
}

export interface SchemathesisOptions {
  /** Where the OpenAPI document is served, e.g. http://127.0.0.1:8000/openapi.json. */
  readonly openapiUrl: string;
  /** The API's base URL, when it is not the document's own origin. */
  readonly baseUrl?: string;
  /** Sent with every request, e.g. `{ Authorization: "Bearer <token>" }` or a session's cookie and CSRF token. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Test cases per operation and phase. */
  readonly maxExamples?: number;
  readonly seed?: number;
  readonly workers?: number;
  /** A subset of examples, coverage, fuzzing, stateful; all by default. */
  readonly phases?: readonly string[];
  /** Only the operations whose path matches (Schemathesis's --include-path-regex). */
  readonly includePathRegex?: string;
  /** Not the operations whose path matches (--exclude-path-regex). */
  readonly excludePathRegex?: string;
  /** Writes under paths matching `path` never target the path parameter `value` (see HOOKS). */
  readonly spare?: { readonly path: string; readonly value: string };
  /** Kill the run after this long (it then fails). */
  readonly timeoutMs?: number;
  /**
   * False when `headers` carry the credentials of a cookie security scheme: the fuzzer's own
   * cookie parameter would then be "left out" in negative cases while the Cookie header still
   * sends it, and the accepted request would read as a schema violation.
   */
  readonly securityParameters?: boolean;
}

export interface SchemathesisFailure {
  /** e.g. ST101 */
  readonly code: string;
  /** e.g. "Server error" */
  readonly title: string;
  readonly count: number;
  /** e.g. ["GET /api/v1/items"] */
  readonly operations: readonly string[];
}

export interface SchemathesisSummary {
  readonly operations: { readonly total: number; readonly selected: number; readonly tested: number; readonly errored: number; readonly skipped: number };
  readonly testCases: { readonly generated: number; readonly withFailures: number; readonly uniqueFailures: number; readonly errored: number };
  readonly failures: readonly SchemathesisFailure[];
  /** Errors that stopped an operation's tests (schema, network), as reported. */
  readonly errors: readonly unknown[];
  /** Warning name -> the operations it was raised for; only non-empty ones. */
  readonly warnings: Readonly<Record<string, readonly string[]>>;
  readonly runningTimeSeconds: number;
}

export interface SchemathesisRun {
  readonly exitCode: number;
  /** stdout and stderr interleaved: Schemathesis's own report. */
  readonly output: string;
  /** The argv after the executable, for the record (a token in a header shows here). */
  readonly args: readonly string[];
  /** From its JSON report; undefined when it wrote none (e.g. the document could not be loaded). */
  readonly summary: SchemathesisSummary | undefined;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function num(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

/** The parts of Schemathesis's `--report json` run report that a test asserts on. */
export function parseReport(text: string): SchemathesisSummary {
  const report = object(JSON.parse(text));
  const operations = object(report.operations);
  const cases = object(report.test_cases);
  const warnings: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(object(report.warnings))) {
    if (Array.isArray(value) && value.length > 0) warnings[name] = value.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  }
  return {
    operations: {
      total: num(operations.total),
      selected: num(operations.selected),
      tested: num(operations.tested),
      errored: num(operations.errored),
      skipped: num(operations.skipped),
    },
    testCases: {
      generated: num(cases.generated),
      withFailures: num(cases.with_failures),
      uniqueFailures: num(cases.unique_failures),
      errored: num(cases.errored),
    },
    failures: (Array.isArray(report.failures) ? report.failures : []).map((f) => {
      const failure = object(f);
      return {
        code: String(failure.code ?? ""),
        title: String(failure.title ?? ""),
        count: num(failure.count),
        operations: Array.isArray(failure.operations) ? failure.operations.map(String) : [],
      };
    }),
    errors: Array.isArray(report.errors) ? report.errors : [],
    warnings,
    runningTimeSeconds: num(report.running_time),
  };
}

/** The argv of one run; `dir` holds its config and report. */
export function schemathesisArgs(options: SchemathesisOptions, dir: string): string[] {
  const args = [
    "--config-file", join(dir, "schemathesis.toml"),
    "--no-color",
    "run", options.openapiUrl,
    "--checks", CHECKS.join(","),
    "--seed", String(options.seed ?? DEFAULT_SEED),
    "--max-examples", String(options.maxExamples ?? DEFAULT_MAX_EXAMPLES),
    "--workers", String(options.workers ?? 1),
    // No example database: a run depends on the seed alone, not on earlier runs.
    "--generation-database", "none",
    "--request-timeout", "10",
    "--report", "json",
    "--report-json-path", join(dir, "report.json"),
  ];
  if (options.baseUrl) args.push("--url", options.baseUrl);
  if (options.phases) args.push("--phases", options.phases.join(","));
  if (options.includePathRegex) args.push("--include-path-regex", options.includePathRegex);
  if (options.excludePathRegex) args.push("--exclude-path-regex", options.excludePathRegex);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("--header", `${name}: ${value}`);
  return args;
}

/**
 * One `schemathesis run`, in a temp dir of its own (it writes a cache,
 * Hypothesis data and reports into its cwd), with no TTY or colour.
 * Exit code 0 means no check failed, no operation errored and no FAIL_ON_WARNINGS warning.
 */
export async function runSchemathesis(options: SchemathesisOptions): Promise<SchemathesisRun> {
  const command = await schemathesisCommand();
  const dir = tempDir("cbs-schemathesis-");
  const timeoutMs = options.timeoutMs ?? 300_000;
  try {
    const generation = options.securityParameters === false ? "\n[generation]\nwith-security-parameters = false\n" : "";
    writeFileSync(join(dir, "schemathesis.toml"), `[warnings]\nfail-on = [${FAIL_ON_WARNINGS.map((w) => JSON.stringify(w)).join(", ")}]\n${generation}`);
    writeFileSync(join(dir, "hooks.py"), HOOKS);
    const spare = options.spare ? JSON.stringify({ ...options.spare, instead: 2 ** 62 }) : "";
    const args = schemathesisArgs(options, dir);
    const result = await execa(command, args, {
      cwd: dir,
      env: { CI: "true", NO_COLOR: "1", COLUMNS: "120", SCHEMATHESIS_HOOKS: join(dir, "hooks.py"), CBS_FUZZ_SPARE: spare },
      stdin: "ignore",
      all: true,
      reject: false,
      timeout: timeoutMs,
    });
    const reportFile = join(dir, "report.json");
    // A run killed at the timeout leaves the report empty: no summary, and the output says why.
    const report = existsSync(reportFile) ? readFileSync(reportFile, "utf8") : "";
    const summary = report.trim() ? parseReport(report) : undefined;
    const exitCode = result.timedOut ? -1 : (result.exitCode ?? -1);
    const output = `${String(result.all ?? "")}${result.timedOut ? `\n[killed after ${timeoutMs} ms]` : ""}`;
    return { exitCode, output, args, summary };
  } finally {
    removeDir(dir);
  }
}

/** The operations an OpenAPI document lists, as Schemathesis names them ("GET /health"). */
export function documentedOperations(document: unknown): string[] {
  const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
  const out: string[] = [];
  for (const [path, item] of Object.entries(object(object(document).paths))) {
    for (const method of Object.keys(object(item))) if (methods.has(method)) out.push(`${method.toUpperCase()} ${path}`);
  }
  return out.sort();
}

/** A served project, as an `AuthHeaders` hook needs it. */
export interface ServedProject {
  readonly baseUrl: string;
  /** How its users log in. */
  readonly auth: AuthMethod;
  /** The venv python that serves it, its import package, its folder and environment (for its CLI). */
  readonly python: string;
  readonly pkg: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/** Headers that make every fuzzer request an authenticated one. */
export type AuthHeaders = (project: ServedProject) => Promise<Record<string, string>>;

/**
 * A user's credentials as the fixed headers the fuzzer sends with every request:
 * those of an unsafe method, so session auth's CSRF token goes too (safe methods ignore it).
 */
function fixedHeaders(user: User): Record<string, string> {
  return user.headersFor("POST");
}

/** A fresh user registers and logs in (CONTRACT.md "Auth"), the project's way. */
export const userHeaders: AuthHeaders = async ({ baseUrl, auth }) => fixedHeaders(await newUser(new Client(baseUrl, auth)));

/**
 * With RBAC: an admin made by `python -m <pkg> create-admin` logs in,
 * so the admin-only operations are fuzzed too, not just refused with 403.
 */
export const adminHeaders: AuthHeaders = async ({ baseUrl, auth, python, pkg, cwd, env }) => {
  const email = `fuzz-admin-${randomUUID()}@example.com`;
  const password = `fuzz admin ${randomUUID()}`;
  const made = await execa(python, ["-m", pkg, "create-admin", "--email", email, "--password", password], { cwd, env, all: true, reject: false });
  if (made.exitCode !== 0) throw new Error(`create-admin exited ${String(made.exitCode)}: ${String(made.all).slice(-2000)}`);
  return fixedHeaders(await login(new Client(baseUrl, auth), email, password));
};

/** The id of the user that `headers` log in as (GET /api/v1/auth/me). */
export async function currentUserId(baseUrl: string, headers: Readonly<Record<string, string>>): Promise<string> {
  const reply = await new Client(baseUrl).get("/api/v1/auth/me", { headers: { ...headers } });
  if (reply.status !== 200) throw new Error(`GET /api/v1/auth/me: ${reply.status} ${reply.text.slice(0, 300)}`);
  return String(record(reply.body).id);
}
