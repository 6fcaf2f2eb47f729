// A generated project, migrated and served as an operator would run it, then
// held to the HTTP contract; `create-admin` is what the RBAC checks promote with.
import { join } from "node:path";
import { expect } from "vitest";
import type { Answers } from "../../src/options.js";
import { CONTRACT_SECRET_KEY, checkProjectContract } from "../contract/project.js";
import { startFakeProvider } from "./fake-provider.js";
import { expectTool } from "./gates.js";
import { serve } from "./serve.js";

export interface ServedCheck {
  readonly bin: string;
  readonly project: string;
  readonly pkg: string;
  readonly answers: Answers;
  /** The environment to run in, with the DATABASE_URL to migrate and serve; SECRET_KEY is added. */
  readonly env: Record<string, string>;
}

export async function expectServedContract({ bin, project, pkg, answers, env }: ServedCheck): Promise<void> {
  // OAuth: the project's own fake provider, on a port of its own, stands in for GitHub and Google.
  const provider = answers.auth === "oauth" ? await startFakeProvider(join(bin, "python"), project, env) : undefined;
  try {
    const runtime = { ...env, ...provider?.env, APP_ENV: "development", SECRET_KEY: CONTRACT_SECRET_KEY };
    const python = (...args: string[]) => expectTool(bin, project, "python", ["-m", pkg, ...args], runtime);
    await python("migrate");
    const server = await serve(join(bin, "python"), pkg, project, runtime);
    try {
      const promote = (email: string, password: string) => python("create-admin", "--email", email, "--password", password);
      await checkProjectContract(server.url, answers, promote, provider?.url);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  } finally {
    await provider?.stop();
  }
}
