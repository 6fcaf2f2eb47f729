// Starts a generated project's `python -m <pkg> serve` on a free port and
// stops it with SIGTERM, as an operator's process manager would.
import { createServer } from "node:net";
import { execa, type ResultPromise } from "execa";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface Served {
  readonly url: string;
  /** The server process's id (its memory is in /proc/<pid>/status). */
  readonly pid: number;
  /** SIGTERM, then the exit code (null when killed by the signal itself). */
  stop(): Promise<number | null>;
}

async function waitForHealth(url: string, process: ResultPromise, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (process.exitCode !== null && process.exitCode !== undefined) break;
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill("SIGKILL");
  const result = await process.catch((e: unknown) => e as { all?: string });
  throw new Error(`serve did not answer /health within ${deadlineMs} ms: ${String((result as { all?: string }).all ?? "").slice(-2000)}`);
}

export async function serve(python: string, pkg: string, cwd: string, env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = execa(python, ["-m", pkg, "serve"], {
    cwd,
    // PUBLIC_BASE_URL: where OAuth providers send the browser back (ignored by the others).
    env: { ...env, HOST: "127.0.0.1", PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${String(port)}` },
    all: true,
    reject: false,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, 30_000);
  return {
    url,
    pid: child.pid as number,
    async stop() {
      child.kill("SIGTERM");
      const result = await child;
      return result.exitCode ?? null;
    },
  };
}

/** Serves the project while `use` runs, then stops it: the server must exit 0 on SIGTERM. */
export async function whileServed<T>(python: string, pkg: string, cwd: string, env: Record<string, string>, use: (url: string) => Promise<T>): Promise<T> {
  const server = await serve(python, pkg, cwd, env);
  try {
    return await use(server.url);
  } finally {
    const code = await server.stop();
    if (code !== 0) throw new Error(`serve exited ${String(code)} at SIGTERM, not 0`);
  }
}
