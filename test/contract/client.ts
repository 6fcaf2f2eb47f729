// A small HTTP client for contract checks: JSON in, status/headers/body out.
// It knows only CONTRACT.md, never a generated project's code.

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly body: unknown;
}

export interface RequestOptions {
  readonly json?: unknown;
  /** A raw body, sent as given with Content-Type: application/json. */
  readonly raw?: string;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export class Client {
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined || options.raw !== undefined) {
      headers["content-type"] = "application/json";
      body = options.raw ?? JSON.stringify(options.json);
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
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
