// Test helpers for commands that run inside a project: a project generated
// from any template folder and version, an Io that records output, git, and
// the fields an added resource is tried with.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { execa } from "execa";
import type { Io } from "../../src/context.js";
import { newProject } from "../../src/render/new-project.js";
import { projectNames } from "../../src/names.js";
import type { Answers } from "../../src/options.js";

export async function generateProject(dir: string, templatesDir: string, answers: Answers, version: string): Promise<void> {
  const names = projectNames("Acme API");
  for (const [path, content] of newProject(names, answers, templatesDir, version).files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

export interface RecordingIo {
  io: Io;
  stdout(): string;
}

export function recordingIo(cwd: string): RecordingIo {
  let out = "";
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out += chunk.toString();
      callback();
    },
  });
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  return { io: { cwd, env: {}, stdin: new PassThrough(), stdout, stderr: sink, interactive: false }, stdout: () => out };
}

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execa("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd });
  return stdout;
}

export async function commitAll(cwd: string, message: string): Promise<void> {
  await git(cwd, "add", "--all");
  await git(cwd, "commit", "--quiet", "--allow-empty", "-m", message);
}

/** The flags that choose exactly `a`, as a user would type them (derived from the option table). */
export { answerFlags } from "../../src/constraints.js";

/** One field of every type but ref, as `add resource --fields` takes them (test/e2e/add.test.ts holds the served resource to their rules). */
export const FIELDS_OF_EVERY_TYPE: readonly string[] = [
  "title:str(80)",
  "body:text:optional",
  "price:decimal(10,2)",
  "done:bool=false",
  "due:date:optional",
  "starts_at:datetime:optional",
  "key:uuid:unique",
  "contact:email:optional",
  "site:url:optional",
  "kind:enum(draft|live)=draft",
  "views:int=0",
  "ratio:float:optional",
];
