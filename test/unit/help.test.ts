import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FLAG_SPECS } from "../../src/args.js";
import { main } from "../../src/cli.js";
import { Cleanup, type Io } from "../../src/context.js";
import { helpText } from "../../src/help.js";
import { optionSpec, ANSWER_KEYS } from "../../src/options.js";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const sink = (add: (s: string) => void) => new Writable({ write: (chunk: Buffer, _e, cb) => (add(chunk.toString()), cb()) });
  const io: Io = { cwd: "/nonexistent", env: {}, stdin: new PassThrough(), stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), interactive: false };
  const code = await main(argv, io, new Cleanup());
  return { code, out, err };
}

describe("--help", () => {
  // Every value of the table is offered today; unoffered.test.ts proves, on a copy of the
  // table with one value marked unavailable, that --help leaves such a value out.
  it("names every flag and every offered value", () => {
    const text = helpText();
    for (const flag of Object.keys(FLAG_SPECS)) expect(text, flag).toContain(`--${flag}`);
    const answerLines = text.split("\n").filter((line) => /^\s+--(framework|orm|db|auth|rbac|tests|docker|ci)\b/.test(line));
    for (const key of ANSWER_KEYS) {
      const option = optionSpec(key);
      const line = answerLines.find((l) => l.trimStart().startsWith(`${option.flag} `) || l.trimStart().startsWith(`${option.flag},`));
      expect(line, option.flag).toBeDefined();
      if (option.kind !== "boolean") for (const choice of option.choices) expect(line, `${key}=${choice.value}`).toMatch(new RegExp(`\\b${choice.value}\\b`));
    }
    expect(text).toMatch(/--framework VALUE.*\bflask\b/s);
    expect(text).toContain("--orm VALUE");
    expect(text).toMatch(/--rbac, --no-rbac\s+Role-based access control \(user\/admin\); only with --auth jwt\|session/);
  });

  it("says in one line each what every offered auth method does", () => {
    const lines = helpText().split("\n");
    const start = lines.findIndex((line) => line.trimStart().startsWith("--auth VALUE"));
    expect(lines[start]).toMatch(/none \| jwt \| session \| oauth$/);
    expect(lines.slice(start + 1, start + 5).map((line) => line.trim())).toEqual([
      "none: None: no users, every endpoint open",
      "jwt: Token: a JWT bearer access token and a rotating refresh token",
      "session: Session cookie: a server-side session in the database, with a CSRF token",
      "oauth: OAuth social login: GitHub or Google by verified email, then the jwt token pair",
    ]);
  });

  it.each(["update", "check", "diff", "add"])("`%s --help` prints that command's help and exits 0", async (command) => {
    const result = await run([command, "--help"]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(new RegExp(`^Usage: backend-starter ${command}`));
    expect(result.out).toBe(`${helpText(command as "update")}\n`);
    expect(result.err).toBe("");
  });

  it("documents each subcommand's own flags", () => {
    expect(helpText("update")).toContain("--allow-dirty");
    expect(helpText("update")).toContain("3 conflicts remain");
    expect(helpText("check")).toContain("3 behind");
    expect(helpText("diff")).toContain("--set KEY=VALUE");
  });
});
