// On a terminal, the install question names the tool that will run (pip when
// uv is missing), and a Ctrl-C there uses the one spelling, "Cancelled".
import { readdirSync } from "node:fs";
import { PassThrough, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { Cleanup } from "../../src/context.js";
import { createUi } from "../../src/ui.js";
import { removeDir, tempDir } from "../helpers.js";
import { pathWithoutUv } from "../support/no-uv.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

// biome-ignore lint: the escape character is the point
const ANSI = /\x1B\[[0-9;?]*[A-Za-z]/g;

class Screen extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
  plain(): string {
    return this.text.replace(ANSI, "");
  }
}

async function askedToInstall(env: Record<string, string>): Promise<{ screen: string; stderr: string; exitCode: number; cwd: string }> {
  const cwd = tempDir("cbs-prompt-");
  dirs.push(cwd);
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stdout = Object.assign(new Screen(), { isTTY: true, columns: 100, rows: 40 });
  const stderr = new Screen();
  const io = { cwd, env: { ...process.env, ...env }, stdin, stdout, stderr, interactive: true };
  // Every answer but install and git comes from the preset: only those two are asked.
  const run = main(["acme-api", "--preset", "minimal"], io, new Cleanup());
  const deadline = Date.now() + 10_000;
  while (!stdout.plain().includes("Install Python dependencies now")) {
    if (Date.now() > deadline) throw new Error(`no install question; screen:\n${stdout.plain()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  stdin.write("\x03");
  const exitCode = await run;
  return { screen: stdout.plain(), stderr: stderr.plain(), exitCode, cwd };
}

describe("the install question", () => {
  it("names uv sync when uv is there", async () => {
    const { screen } = await askedToInstall({});
    expect(screen).toContain("Install Python dependencies now (uv sync)?");
  });

  it("names pip when uv is missing; Ctrl-C there writes nothing and says Cancelled, never Canceled", async () => {
    const root = tempDir("cbs-bin-");
    dirs.push(root);
    const { screen, stderr, exitCode, cwd } = await askedToInstall({ PATH: pathWithoutUv(root) });
    expect(screen).toContain("Install Python dependencies now (pip, in .venv)?");
    expect(exitCode).toBe(130);
    expect(readdirSync(cwd)).toEqual([]);
    expect(`${screen}${stderr}`).toContain("Cancelled");
    expect(`${screen}${stderr}`).not.toContain("Canceled");
  });
});

describe("Ctrl-C while a task runs", () => {
  it("the spinner says Cancelled, the spelling of every other message", async () => {
    const stdout = Object.assign(new Screen(), { isTTY: true, columns: 100, rows: 40 });
    const io = { cwd: process.cwd(), env: {}, stdin: new PassThrough(), stdout, stderr: new Screen(), interactive: true };
    // Only the spinner's own listener may see this emitted (not sent) signal.
    expect(process.listenerCount("SIGINT")).toBe(0);
    await (await createUi(io, false)).task("Installing Python dependencies", () => "done", async () => {
      process.emit("SIGINT");
      return 1;
    });
    expect(stdout.plain()).toContain("Cancelled");
    expect(stdout.plain()).not.toContain("Canceled");
  });
});
