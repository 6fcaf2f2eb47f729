// A small HTTP client for contract checks: JSON in, status/headers/body out.
// It knows only CONTRACT.md, never a generated project's code.

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly body: unknown;
}

/** Whatever proves who is calling: the headers it adds to a request of a method. */
export interface Credentials {
  headersFor(method: string): Record<string, string>;
}

/** Token auth: the same bearer header on every request. */
export function bearer(token: string): Credentials {
  return { headersFor: () => ({ Authorization: `Bearer ${token}` }) };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** Session auth: the cookie on every request, and the CSRF token on the unsafe ones only (when known). */
export function sessionCookie(session: string, csrfToken?: string): Credentials {
  return {
    headersFor: (method) => ({
      Cookie: `sessionid=${session}`,
      ...(csrfToken !== undefined && !SAFE_METHODS.has(method.toUpperCase()) ? { "X-CSRF-Token": csrfToken } : {}),
    }),
  };
}

/** How the server's users log in (CONTRACT.md "Auth"): what `login` expects back. */
export type AuthMethod = "jwt" | "session";

export interface RequestOptions {
  readonly json?: unknown;
  /** A raw body, sent as given with Content-Type: application/json. */
  readonly raw?: string;
  /** Who makes the request; anonymous without. */
  readonly user?: Credentials;
  readonly headers?: Record<string, string>;
}

export class Client {
  constructor(
    readonly baseUrl: string,
    readonly auth: AuthMethod = "jwt",
  ) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: "application/json", ...options.user?.headersFor(method), ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined || options.raw !== undefined) {
      headers["content-type"] = "application/json";
      body = options.raw ?? JSON.stringify(options.json);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  get(path: string, options?: RequestOptions) {
    return this.request("GET", path, options);
  }
  post(path: string, options?: RequestOptions) {
    return this.request("POST", path, options);
  }
  patch(path: string, options?: RequestOptions) {
    return this.request("PATCH", path, options);
  }
  delete(path: string, options?: RequestOptions) {
    return this.request("DELETE", path, options);
  }
}

export function record(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}
