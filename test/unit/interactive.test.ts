// The interactive flow, driven in-process: main() with a fake TTY as stdin
// (keypresses written by the test) and collectors as stdout/stderr. Each key
// is written only once the prompt it answers has rendered.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { Cleanup, type Io } from "../../src/context.js";
import { defaultAnswers } from "../../src/constraints.js";
import { listFiles, removeDir, tempDir } from "../helpers.js";

const KEY = { enter: "\r", space: " ", down: "\x1B[B", ctrlC: "\x03", backspace: "\x7F" } as const;

/** The prompts asked today: the others have a single offered value and are filled silently. */
const PROMPT = {
  name: "Project name",
  framework: "Framework",
  db: "Database",
  auth: "Authentication",
  rbac: "Role-based access control",
  tests: "Test layers",
  docker: "Docker (Dockerfile + compose.yaml)",
  ci: "Continuous integration",
  install: "Install Python dependencies now",
  git: "Initialise a git repository?",
} as const;

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

// Clack draws with ANSI escapes; strip them so messages can be matched as text.
// biome-ignore lint: the escape character is the point
const ANSI = /\x1B\[[0-9;?]*[A-Za-z]|\x1B\][^\x07]*\x07/g;

class Collector extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
  plain(from = 0): string {
    return this.text.slice(from).replace(ANSI, "");
  }
}

interface Terminal {
  io: Io;
  stdout: Collector;
  stderr: Collector;
  /** Waits until `text` is drawn after everything already waited for. */
  waitFor(text: string): Promise<void>;
  /** Writes one key and lets the prompt handle it. */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
}

function fakeTerminal(cwd: string): Terminal {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stdout = Object.assign(new Collector(), { isTTY: true, columns: 100, rows: 40 });
  const stderr = new Collector();
  let mark = 0;
  const until = async (done: () => boolean, what: string): Promise<void> => {
    const deadline = Date.now() + 5_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen so far:\n${stdout.plain()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const terminal: Terminal = {
    io: { cwd, env: {}, stdin, stdout, stderr, interactive: true },
    stdout,
    stderr,
    async waitFor(text) {
      await until(() => stdout.plain(mark).includes(text), JSON.stringify(text));
      mark = stdout.text.length;
    },
    async press(key) {
      stdin.write(key);
      // Without colours a cursor move may draw the same frame, so there is no
      // redraw to wait for: give readline a moment with the key instead.
      await new Promise((r) => setTimeout(r, 25));
    },
    async type(text) {
      for (const char of text) await terminal.press(char);
    },
  };
  return terminal;
}

/** Whether the screen shows `message` as a prompt (a prompt symbol, not the summary's "│"). */
function asked(screen: string, message: string): boolean {
  return screen.split("\n").some((line) => /^[^\s│|]\s+/.test(line) && line.replace(/^\S\s+/, "").startsWith(message));
}

function session(): { cwd: string; terminal: Terminal; run: Promise<number> } {
  const cwd = tempDir("cbs-tty-");
  dirs.push(cwd);
  const terminal = fakeTerminal(cwd);
  return { cwd, terminal, run: main([], terminal.io, new Cleanup()) };
}

/** Answers the project-name prompt, then takes the defaults for framework, database, auth and RBAC. */
async function answerName(t: Terminal, name: string): Promise<void> {
  await t.waitFor(PROMPT.name);
  await t.type(name);
  await t.press(KEY.enter);
  await acceptAccessDefaults(t);
}

async function acceptAccessDefaults(t: Terminal): Promise<void> {
  for (const prompt of [PROMPT.framework, PROMPT.db, PROMPT.auth, PROMPT.rbac]) {
    await t.waitFor(prompt);
    await t.press(KEY.enter);
  }
}

describe("interactive create", () => {
  it("asks each open question, then writes the project with those answers", async () => {
    const { cwd, terminal: t, run } = session();
    await answerName(t, "Acme API");
    // All three layers start selected; untick integration.
    await t.waitFor(PROMPT.tests);
    await t.press(KEY.down);
    await t.press(KEY.space);
    await t.press(KEY.enter);
    await t.waitFor(PROMPT.docker);
    await t.press("n");
    // GitHub Actions first, then None.
    await t.waitFor(PROMPT.ci);
    await t.press(KEY.down);
    await t.press(KEY.enter);
    await t.waitFor(PROMPT.install);
    await t.press("n");
    await t.waitFor(PROMPT.git);
    await t.press("n");

    expect(await run, t.stderr.text).toBe(0);
    expect(readdirSync(cwd)).toEqual(["acme-api"]);
    const project = join(cwd, "acme-api");
    const manifest = JSON.parse(readFileSync(join(project, ".backend-starter.json"), "utf8")) as { name: string; answers: unknown };
    expect(manifest.name).toBe("Acme API");
    expect(manifest.answers).toEqual({ ...defaultAnswers(), tests: ["unit", "e2e"], docker: false, ci: "none" });
    const files = listFiles(project);
    expect(files.some((f) => f.startsWith("src/acme_api/"))).toBe(true);
    expect(files.some((f) => f.startsWith("tests/integration/"))).toBe(false);
    expect(files).not.toContain("Dockerfile");
    expect(files.some((f) => f.startsWith(".git/"))).toBe(false);
    // The questions with a single offered value were not asked.
    const screen = t.stdout.plain();
    for (const prompt of Object.values(PROMPT)) expect(asked(screen, prompt), prompt).toBe(true);
    expect(asked(screen, "ORM"), "ORM").toBe(false);
    expect(t.stdout.plain()).toContain("Next steps");
    expect(t.stderr.text).toBe("");
  });

  it("refuses an invalid name in the prompt and asks again", async () => {
    const { cwd, terminal: t, run } = session();
    await t.waitFor(PROMPT.name);
    await t.type("class");
    await t.press(KEY.enter);
    await t.waitFor("Python keyword");
    for (let i = 0; i < "class".length; i++) await t.press(KEY.backspace);
    await t.type("shop");
    await t.press(KEY.enter);
    await acceptAccessDefaults(t);
    await t.waitFor(PROMPT.tests);
    await t.press(KEY.enter);
    for (const prompt of [PROMPT.docker, PROMPT.ci]) {
      await t.waitFor(prompt);
      await t.press(KEY.enter);
    }
    for (const prompt of [PROMPT.install, PROMPT.git]) {
      await t.waitFor(prompt);
      await t.press("n");
    }
    expect(await run, t.stderr.text).toBe(0);
    expect(readdirSync(cwd)).toEqual(["shop"]);
    const manifest = JSON.parse(readFileSync(join(cwd, "shop", ".backend-starter.json"), "utf8")) as { answers: unknown };
    // Enter everywhere takes the defaults.
    expect(manifest.answers).toEqual(defaultAnswers());
  });

  it("Ctrl-C at the Docker question exits 130 and writes nothing", async () => {
    const { cwd, terminal: t, run } = session();
    await answerName(t, "acme-api");
    await t.waitFor(PROMPT.tests);
    await t.press(KEY.enter);
    await t.waitFor(PROMPT.docker);
    await t.press(KEY.ctrlC);
    expect(await run).toBe(130);
    expect(t.stderr.text).toBe("Cancelled; nothing was written.\n");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("Ctrl-C at the first question exits 130 and writes nothing", async () => {
    const { cwd, terminal: t, run } = session();
    await t.waitFor(PROMPT.name);
    await t.type("acme");
    await t.press(KEY.ctrlC);
    expect(await run).toBe(130);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("asks only what flags leave open", async () => {
    const cwd = tempDir("cbs-tty-");
    dirs.push(cwd);
    const t = fakeTerminal(cwd);
    const run = main(["acme-api", "--framework", "fastapi", "--db", "sqlite", "--auth", "jwt", "--rbac", "--tests", "unit", "--no-docker", "--ci", "none", "--no-git"], t.io, new Cleanup());
    await t.waitFor(PROMPT.install);
    await t.press("n");
    expect(await run, t.stderr.text).toBe(0);
    const screen = t.stdout.plain();
    expect(asked(screen, PROMPT.install)).toBe(true);
    for (const prompt of [PROMPT.name, PROMPT.tests, PROMPT.docker, PROMPT.ci, PROMPT.git]) expect(asked(screen, prompt), prompt).toBe(false);
    expect(listFiles(join(cwd, "acme-api"))).toContain(".backend-starter.json");
  });

  it("asks only the questions whose answer is not forced: no auth answers RBAC", async () => {
    const cwd = tempDir("cbs-tty-");
    dirs.push(cwd);
    const t = fakeTerminal(cwd);
    const run = main(["acme-api", "--framework", "fastapi", "--auth", "none", "--db", "sqlite", "--tests", "unit", "--no-docker", "--ci", "none", "--no-git", "--no-install"], t.io, new Cleanup());
    expect(await run, t.stderr.text).toBe(0);
    expect(asked(t.stdout.plain(), PROMPT.rbac)).toBe(false);
    const manifest = JSON.parse(readFileSync(join(cwd, "acme-api", ".backend-starter.json"), "utf8")) as { answers: { rbac: boolean } };
    expect(manifest.answers.rbac).toBe(false);
  });
});

describe("interactive create refuses bad input before the first question", () => {
  const cases: Array<{ title: string; argv: string[]; code: number; words: RegExp; prepare?: (cwd: string) => void }> = [
    { title: "RBAC without auth", argv: ["acme-api", "--auth", "none", "--rbac"], code: 2, words: /--rbac needs an --auth other than none \(or use --no-rbac\)/ },
    { title: "a folder named after a Python keyword", argv: ["class"], code: 2, words: /Python keyword/ },
    {
      title: "a folder that is not empty",
      argv: ["acme-api"],
      code: 1,
      words: /acme-api is not empty/,
      prepare: (cwd) => {
        mkdirSync(join(cwd, "acme-api"));
        writeFileSync(join(cwd, "acme-api", "notes.txt"), "mine\n");
      },
    },
  ];

  it.each(cases)("$title", async ({ argv, code, words, prepare }) => {
    const cwd = tempDir("cbs-tty-");
    dirs.push(cwd);
    prepare?.(cwd);
    const t = fakeTerminal(cwd);
    expect(await main(argv, t.io, new Cleanup())).toBe(code);
    expect(t.stderr.text).toMatch(words);
    const screen = t.stdout.plain();
    for (const prompt of Object.values(PROMPT)) expect(asked(screen, prompt), prompt).toBe(false);
  });

  it("checks the folder right after the name prompt, before the other questions", async () => {
    const { cwd, terminal: t, run } = session();
    mkdirSync(join(cwd, "shop"));
    writeFileSync(join(cwd, "shop", "notes.txt"), "mine\n");
    await t.waitFor(PROMPT.name);
    await t.type("shop");
    await t.press(KEY.enter);
    expect(await run).toBe(1);
    expect(t.stderr.text).toMatch(/shop is not empty/);
    expect(asked(t.stdout.plain(), PROMPT.db)).toBe(false);
  });
});
