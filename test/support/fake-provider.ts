// The fake OAuth provider a generated oauth project ships (tests/oauth_provider.py),
// run as its own process the way the project's tests run it in a thread, and the
// environment that points a served app at it (CONTRACT.md's OAUTH_* variables).
import { execa } from "execa";

export interface RunningProvider {
  readonly url: string;
  /** OAUTH_* settings for both providers: the fake's endpoints and its test client. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

const CLIENT = { id: "contract-client-id", secret: "contract-client-secret" };
const LISTENING = /fake OAuth provider on (http:\/\/\S+)/;

export async function startFakeProvider(python: string, project: string, env: Record<string, string>): Promise<RunningProvider> {
  const child = execa(python, ["-m", "tests.oauth_provider", "--port", "0", "--client-id", CLIENT.id, "--client-secret", CLIENT.secret], { cwd: project, env, reject: false });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`the fake OAuth provider did not start: ${seen}`)), 15_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const found = LISTENING.exec(seen);
      if (found?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    void child.then((result) => {
      clearTimeout(timer);
      reject(new Error(`the fake OAuth provider exited: ${String(result.stderr)}`));
    });
  });
  return {
    url,
    env: {
      OAUTH_GITHUB_CLIENT_ID: CLIENT.id,
      OAUTH_GITHUB_CLIENT_SECRET: CLIENT.secret,
      OAUTH_GITHUB_AUTHORIZE_URL: `${url}/github/login/oauth/authorize`,
      OAUTH_GITHUB_TOKEN_URL: `${url}/github/login/oauth/access_token`,
      OAUTH_GITHUB_API_URL: `${url}/github/api`,
      OAUTH_GOOGLE_CLIENT_ID: CLIENT.id,
      OAUTH_GOOGLE_CLIENT_SECRET: CLIENT.secret,
      OAUTH_GOOGLE_METADATA_URL: `${url}/google/.well-known/openid-configuration`,
    },
    async stop() {
      child.kill("SIGTERM");
      await child;
    },
  };
}
