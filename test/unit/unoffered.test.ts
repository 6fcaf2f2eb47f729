// The mechanism that keeps a value out until it is offered ("--auth X is not
// available yet", the "(X: not available yet)" lists, --help and the prompts
// leaving it out, answers files, `update --set`, --json), proven on a copy of
// the option table in which `--auth oauth` is marked not available: every
// value of the real table is offered today, the next one added will use this.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parseCliArgs } from "../../src/args.js";
import { main } from "../../src/cli.js";
import {
  defaultAnswers,
  fittingValues,
  givenProblems,
  isValid,
  offeredSummary,
  offeredValues,
  unavailableProblems,
  validCombinations,
  valueLists,
} from "../../src/constraints.js";
import { Cleanup, type Io } from "../../src/context.js";
import { helpText } from "../../src/help.js";
import { AUTH_METHODS, optionSpec } from "../../src/options.js";
import { listFiles, removeDir, runInProcess, tempDir } from "../helpers.js";

vi.mock("../../src/options.js", async (importOriginal) => {
  const { withUnoffered } = await import("../support/unoffered.js");
  return withUnoffered(await importOriginal(), "auth", "oauth");
});

const NOT_YET = "--auth oauth is not available yet";
const OFFERED_AUTH = "--auth none | --auth jwt | --auth session";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function workDir(): string {
  const dir = tempDir("cbs-unoffered-");
  dirs.push(dir);
  return dir;
}

describe("the table copy marks --auth oauth unavailable, and only that", () => {
  it("reads the copy everywhere the table is read", () => {
    expect(valueLists("auth")).toEqual({ offered: ["none", "jwt", "session"], later: ["oauth"] });
    expect(AUTH_METHODS.find((c) => c.value === "oauth")?.available).toBe(false);
    const auth = optionSpec("auth");
    expect(auth.kind === "choice" && auth.choices.find((c) => c.value === "oauth")?.available).toBe(false);
    expect(valueLists("db").later).toEqual([]);
    expect(valueLists("framework").later).toEqual([]);
  });
});

describe("rules engine", () => {
  it("refuses the value among partial answers, with its own sentence", () => {
    expect(givenProblems({ auth: "oauth" })).toEqual([NOT_YET]);
    expect(givenProblems({ auth: "session" })).toEqual([]);
  });

  it("names it in a full set of answers, which is then not valid", () => {
    const answers = { ...defaultAnswers(), auth: "oauth" as const };
    expect(unavailableProblems(answers)).toEqual([NOT_YET]);
    expect(isValid(answers)).toBe(false);
  });

  it("leaves it out of what is offered: values, fitting values, combinations and the summary", () => {
    expect(offeredValues("auth")).toEqual(["none", "jwt", "session"]);
    expect(fittingValues("auth", { rbac: true })).toEqual(["jwt", "session"]);
    expect(validCombinations().some((c) => c.auth === "oauth")).toBe(false);
    const summary = offeredSummary();
    expect(summary).toContain(OFFERED_AUTH);
    expect(summary).toContain("--rbac only with --auth jwt|session");
    expect(summary).not.toContain("oauth");
  });
});

describe("flag parsing", () => {
  it("lists it apart from the offered values when a value is unknown", () => {
    expect(() => parseCliArgs(["--auth", "saml"])).toThrow(/--auth must be one of none, jwt, session \(oauth: not available yet\); got "saml"\.$/);
  });

  it("parses it, so that the answer check can say it is not available yet", () => {
    const parsed = parseCliArgs(["--auth", "oauth"]);
    expect(parsed.kind === "create" && parsed.flags.answers).toEqual({ auth: "oauth" });
  });
});

describe("--help", () => {
  it("advertises only what is offered: no answer line names it, no description line is given", () => {
    const lines = helpText().split("\n");
    const answerLines = lines.filter((line) => /^\s+--(framework|orm|db|auth|rbac|tests|docker|ci)\b/.test(line));
    for (const line of answerLines) expect(line).not.toMatch(/\boauth\b/);
    const start = lines.findIndex((line) => line.trimStart().startsWith("--auth VALUE"));
    expect(lines[start]).toMatch(/none \| jwt \| session$/);
    expect(lines.slice(start + 1, start + 4).map((line) => line.trim().split(":")[0])).toEqual(["none", "jwt", "session"]);
    expect(lines[start + 4]?.trim()).toMatch(/^--rbac/);
    expect(helpText()).not.toMatch(/oauth|OAuth/);
  });
});

describe("create refuses it before anything is asked or written (exit 2)", () => {
  it("as a flag with --yes: the sentence and what is offered now", async () => {
    const cwd = workDir();
    const run = await runInProcess(["acme-api", "--auth", "oauth", "--yes", "--no-install", "--no-git"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(NOT_YET);
    expect(run.stderr).toContain("offered now:");
    expect(run.stderr).toContain(OFFERED_AUTH);
    expect(listFiles(cwd)).toEqual([]);
  });

  it("with --json: one JSON object carrying the sentence", async () => {
    const cwd = workDir();
    const run = await runInProcess(["acme-api", "--auth", "oauth", "--yes", "--json"], { cwd });
    expect(run.exitCode).toBe(2);
    const result = JSON.parse(run.stdout.trim()) as { ok: boolean; exitCode: number; error: string };
    expect(result).toMatchObject({ ok: false, exitCode: 2 });
    expect(result.error).toContain(NOT_YET);
    expect(listFiles(cwd)).toEqual([]);
  });

  it("named by an answers file", async () => {
    const cwd = workDir();
    const file = join(workDir(), "answers.json");
    writeFileSync(file, JSON.stringify({ auth: "oauth" }));
    const run = await runInProcess(["acme-api", "--answers", file, "--yes", "--no-install", "--no-git"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(NOT_YET);
    expect(listFiles(cwd)).toEqual([]);
  });
});

// Clack draws with ANSI escapes; strip them so the screen can be matched as text.
// biome-ignore lint: the escape character is the point
const ANSI = /\x1B\[[0-9;?]*[A-Za-z]|\x1B\][^\x07]*\x07/g;

/** A fake terminal for main(): stdin a TTY the test writes keys to, the screen collected. */
function terminal(cwd: string): { io: Io; screen: () => string; err: () => string; press: (key: string) => void } {
  let out = "";
  let err = "";
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stdout = Object.assign(new Writable({ write: (chunk: Buffer, _e, cb) => ((out += chunk.toString()), cb()) }), { isTTY: true, columns: 100, rows: 40 });
  const stderr = new Writable({ write: (chunk: Buffer, _e, cb) => ((err += chunk.toString()), cb()) });
  return {
    io: { cwd, env: {}, stdin, stdout, stderr, interactive: true },
    screen: () => out.replace(ANSI, ""),
    err: () => err,
    press: (key) => stdin.write(key),
  };
}

describe("on a terminal", () => {
  it("refuses it as a flag before the first question", async () => {
    const cwd = workDir();
    const t = terminal(cwd);
    expect(await main(["acme-api", "--auth", "oauth"], t.io, new Cleanup())).toBe(2);
    expect(t.err()).toContain(NOT_YET);
    expect(t.screen()).not.toContain("Authentication");
    expect(listFiles(cwd)).toEqual([]);
  });

  it("the auth question does not offer it", async () => {
    const cwd = workDir();
    const t = terminal(cwd);
    const run = main(["acme-api", "--framework", "fastapi", "--db", "sqlite", "--tests", "unit", "--no-docker", "--ci", "none", "--no-install", "--no-git"], t.io, new Cleanup());
    const deadline = Date.now() + 5_000;
    while (!t.screen().includes("Session cookie")) {
      if (Date.now() > deadline) throw new Error(`the auth question was not drawn; screen so far:\n${t.screen()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const screen = t.screen();
    t.press("\x03");
    expect(await run).toBe(130);
    expect(screen).toContain("Authentication");
    expect(screen).toContain("Token: a JWT bearer access token");
    expect(screen).not.toMatch(/oauth|OAuth/);
    expect(listFiles(cwd)).toEqual([]);
  });
});

describe("update --set", () => {
  it("refuses to change an answer to it (exit 2), changing nothing", async () => {
    const cwd = workDir();
    const created = await runInProcess(["acme-api", "--preset", "minimal", "--no-install", "--no-git"], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const project = join(cwd, "acme-api");
    const manifest = readFileSync(join(project, ".backend-starter.json"), "utf8");
    const before = listFiles(project);
    for (const command of [["update", "--set", "auth=oauth", "--allow-dirty"], ["diff", "--set", "auth=oauth"]]) {
      const run = await runInProcess(command, { cwd: project });
      expect(run.exitCode, command.join(" ")).toBe(2);
      expect(run.stderr).toContain(NOT_YET);
    }
    expect(readFileSync(join(project, ".backend-starter.json"), "utf8")).toBe(manifest);
    expect(listFiles(project)).toEqual(before);
  });
});
