// The CLI as CI and pipes run it (no TTY, CI=true): exit codes, the one-line
// messages of refused runs (and that they write nothing), and what a successful
// run writes. Most cases call main() in-process (the bin's own code path minus a
// node start-up); a few run the built bin to prove it is wired the same way.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { FLAG_SPECS } from "../../src/args.js";
import { type Answers } from "../../src/options.js";
import { defaultAnswers } from "../../src/constraints.js";
import { pathWithOldPython, pathWithoutUv } from "../support/no-uv.js";
import { type CliRun, listFiles, removeDir, ROOT, runCli as runBin, runInProcess as runCli, tempDir } from "../helpers.js";

const MANIFEST = ".backend-starter.json";
const BASE = ".backend-starter/base.json.gz";
const QUIET = ["--no-install", "--no-git"];
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

interface Manifest {
  generator: { name: string; version: string };
  name: string;
  answers: Answers;
  files: Record<string, { sha256: string; policy: string }>;
}

interface JsonResult {
  ok: boolean;
  dryRun: boolean;
  directory: string;
  name: string;
  distribution: string;
  package: string;
  answers: Answers;
  files: Array<{ path: string; bytes: number }>;
  git: string;
  installed: string;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** A fresh, empty working folder, removed after the file's tests. */
function workDir(): string {
  const dir = tempDir("cbs-cli-");
  dirs.push(dir);
  return dir;
}

/** Everything below dir (files with content, folders, symlinks), hidden entries included. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      const rel = `${prefix}${entry}`;
      const info = lstatSync(full);
      if (info.isSymbolicLink()) out[rel] = `-> ${readlinkSync(full)}`;
      else if (info.isDirectory()) {
        out[`${rel}/`] = "dir";
        walk(full, `${rel}/`);
      } else out[rel] = readFileSync(full, "utf8");
    }
  };
  walk(dir, "");
  return out;
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function readManifest(project: string): Manifest {
  return JSON.parse(readFileSync(join(project, MANIFEST), "utf8")) as Manifest;
}

/** A refused run: its exit code, one line on stderr with the key words, no stack trace. */
function expectRefused(run: CliRun, exitCode: number, ...words: Array<string | RegExp>): void {
  expect(run.exitCode, `stderr: ${run.stderr}`).toBe(exitCode);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).not.toBe("");
  expect(run.stderr).not.toMatch(/^\s+at .+/m);
  for (const word of words) {
    if (typeof word === "string") expect(run.stderr).toContain(word);
    else expect(run.stderr).toMatch(word);
  }
}

function expectEmpty(dir: string): void {
  expect(readdirSync(dir)).toEqual([]);
}

function expectOk(run: CliRun): void {
  expect(run.exitCode, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
  expect(run.stderr).toBe("");
}

/** The one JSON object a --json run prints. */
function parseJson(run: CliRun): JsonResult {
  const lines = run.stdout.trim().split("\n");
  expect(lines, run.stdout).toHaveLength(1);
  return JSON.parse(lines[0] ?? "") as JsonResult;
}

/** Generates with `args` in a fresh folder and returns the project folder. */
async function generate(args: string[], folder = "acme-api"): Promise<{ cwd: string; project: string; run: CliRun }> {
  const cwd = workDir();
  const run = await runCli([...args, ...QUIET], { cwd });
  expectOk(run);
  return { cwd, project: join(cwd, folder), run };
}

/** The manifest lists every rendered file with its hash; with itself and the base, that is the whole folder. */
function expectManifestMatchesFolder(project: string, extra: string[] = []): Manifest {
  const manifest = readManifest(project);
  const listed = Object.keys(manifest.files);
  expect(listed.length).toBeGreaterThan(0);
  for (const [path, { sha256: hash }] of Object.entries(manifest.files)) {
    expect(existsSync(join(project, path)), path).toBe(true);
    expect(sha256(join(project, path)), path).toBe(hash);
  }
  expect(listFiles(project)).toEqual([...listed, MANIFEST, BASE, ...extra].sort());
  return manifest;
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await execa("git", args, { cwd })).stdout.trim();
}

describe("answers missing without a terminal", () => {
  it("names every missing flag, and the name, when nothing is given", async () => {
    const cwd = workDir();
    const run = await runCli([], { cwd });
    expectRefused(run, 2, "a directory or --name", "--tests", "--docker/--no-docker", "--ci", "--yes");
    expectEmpty(cwd);
  });

  it("does not ask for a name when a directory is given", async () => {
    const cwd = workDir();
    const run = await runCli(["acme-api"], { cwd });
    expectRefused(run, 2, "--tests", "--docker/--no-docker", "--ci");
    expect(run.stderr).not.toContain("a directory or --name");
    expectEmpty(cwd);
  });

  it("names only what is still missing", async () => {
    const cwd = workDir();
    const run = await runCli(["--name", "Acme API", "--tests", "unit", "--no-docker"], { cwd });
    expectRefused(run, 2, "--ci");
    expect(run.stderr).not.toMatch(/--tests|--docker|a directory or --name/);
    expectEmpty(cwd);
  });

  it("asks nothing and succeeds when every answer is given as a flag, without --yes", async () => {
    const { project } = await generate(["acme-api", "--framework", "fastapi", "--db", "sqlite", "--auth", "jwt", "--rbac", "--tests", "unit", "--no-docker", "--ci", "none"]);
    const manifest = expectManifestMatchesFolder(project);
    expect(manifest.answers).toEqual({ ...defaultAnswers(), tests: ["unit"], docker: false, ci: "none" });
  });
});

describe("refused answers exit 2 and write nothing", () => {
  const cases: Array<{ title: string; args: string[]; words: Array<string | RegExp> }> = [
    {
      title: "an ORM that does not fit the framework",
      args: ["--framework", "flask", "--orm", "django", "--yes"],
      words: ["--framework flask works with --orm sqlalchemy, not --orm django", "offered now:", "--framework fastapi | --framework flask | --framework django;"],
    },
    {
      title: "Django's ORM under FastAPI",
      args: ["--framework", "fastapi", "--orm", "django", "--yes"],
      words: ["--framework fastapi works with --orm sqlalchemy, not --orm django", "offered now:"],
    },
    { title: "RBAC without auth", args: ["--auth", "none", "--rbac", "--yes"], words: ["--rbac needs an --auth other than none (or use --no-rbac)"] },
    { title: "--rbac=false", args: ["--rbac=false", "--yes"], words: ["--rbac takes no value", "--no-rbac"] },
    { title: "a mistyped value", args: ["--db", "sqllite", "--yes"], words: ["--db must be one of sqlite, postgres, mysql", "Did you mean sqlite?"] },
    { title: "--overwrite without --force", args: ["acme-api", "--overwrite", "--yes"], words: ["--overwrite only works with --force"] },
    { title: "an unknown test layer", args: ["--tests", "unit,foo", "--yes"], words: ["--tests", "unit, integration, e2e", '"foo"'] },
    { title: "no test layer", args: ["--tests", ",", "--yes"], words: ["--tests needs at least one of unit, integration, e2e"] },
    { title: "an unknown CI provider", args: ["--ci", "gitlab", "--yes"], words: ["--ci must be one of github, none", '"gitlab"'] },
    { title: "--docker with --no-docker", args: ["--docker", "--no-docker", "--yes"], words: ["--docker and --no-docker contradict each other"] },
    { title: "--git with --no-git", args: ["--git", "--no-git", "--yes"], words: ["--git and --no-git contradict each other"] },
    { title: "a mistyped flag", args: ["--framwork", "fastapi", "--yes"], words: ["Unknown option --framwork", "Did you mean --framework?"] },
    { title: "another mistyped flag", args: ["--dryrun", "--yes"], words: ["Unknown option --dryrun", "Did you mean --dry-run?"] },
    { title: "a flag without its value", args: ["--yes", "--framework"], words: ["--framework needs a value"] },
    { title: "two directories", args: ["one", "two", "--yes"], words: ["Expected one directory", "one two"] },
    { title: "an unknown preset", args: ["--preset", "huge"], words: ['Unknown preset "huge"', "minimal"] },
  ];

  it.each(cases)("$title", async ({ args, words }) => {
    const cwd = workDir();
    expectRefused(await runCli(args, { cwd }), 2, ...words);
    expectEmpty(cwd);
  });
});

describe("invalid names exit 2 and write nothing", () => {
  const cases: Array<{ name: string; words: string[] }> = [
    { name: "class", words: ["Python keyword"] },
    { name: "1abc", words: ["must start with a letter"] },
    { name: "../escape", words: ["is a path"] },
    { name: "django", words: ["would shadow the Python module django"] },
    { name: "", words: ["empty"] },
    { name: "/abs/path", words: ["is a path"] },
  ];

  // A path is a valid directory (its last part names the project), never a valid --name.
  const folderNames = cases.filter(({ words }) => !words.includes("is a path"));

  it.each(folderNames)("directory $name", async ({ name, words }) => {
    const cwd = workDir();
    expectRefused(await runCli([name, "--yes", ...QUIET], { cwd }), 2, ...words);
    expectEmpty(cwd);
  });

  it("a path whose last part is not a valid name: exit 2, and no folder of the path is made", async () => {
    const cwd = workDir();
    expectRefused(await runCli(["apis/new/1abc", "--yes", ...QUIET], { cwd }), 2, "must start with a letter");
    expectEmpty(cwd);
  });

  it.each(cases)("--name $name", async ({ name, words }) => {
    const cwd = workDir();
    expectRefused(await runCli(["--name", name, "--yes", ...QUIET], { cwd }), 2, ...words);
    expectEmpty(cwd);
  });
});

describe("a directory given as a path", () => {
  it("relative, outside the current folder: makes the missing folders and names the project by the last part", async () => {
    const parent = workDir();
    const cwd = join(parent, "here");
    mkdirSync(cwd);
    const run = await runCli(["../services/Billing API", "--yes", "--json", ...QUIET], { cwd });
    expectOk(run);
    const result = parseJson(run);
    const project = join(parent, "services", "Billing API");
    expect(result.directory).toBe(project);
    expect([result.name, result.distribution, result.package]).toEqual(["Billing API", "billing-api", "billing_api"]);
    expect(existsSync(join(project, "src", "billing_api", "__init__.py"))).toBe(true);
    expectEmpty(cwd);
  });

  it("absolute: `cd` in the next steps gives the path as typed", async () => {
    const cwd = workDir();
    const target = join(workDir(), "apis", "acme-api");
    const run = await runCli([target, "--yes", ...QUIET], { cwd });
    expectOk(run);
    expect(run.stdout).toContain(`cd ${target}`);
    expect(readManifest(target).name).toBe("acme-api");
    expectEmpty(cwd);
  });

  it("into a generated project: refused as a nested project, from anywhere", async () => {
    const { cwd, project } = await generate(["acme-api", "--yes"]);
    const before = snapshot(project);
    const elsewhere = workDir();
    expectRefused(await runCli([join(project, "src", "inner"), "--yes", ...QUIET], { cwd: elsewhere }), 2, "is a generated project", "update");
    expect(snapshot(project)).toEqual(before);
    expect(existsSync(join(cwd, "acme-api", "src", "inner"))).toBe(false);
    expectEmpty(elsewhere);
  });

  it("through a file: exit 1 with the path, nothing written", async () => {
    const cwd = workDir();
    writeFileSync(join(cwd, "notes.txt"), "mine\n");
    expectRefused(await runCli(["notes.txt/acme-api", "--yes", ...QUIET], { cwd }), 1, "is a file, not a folder");
    expect(snapshot(cwd)).toEqual({ "notes.txt": "mine\n" });
  });
});

describe("a target that is not empty", () => {
  it("exits 1 and changes nothing", async () => {
    const cwd = workDir();
    mkdirSync(join(cwd, "acme-api"));
    writeFileSync(join(cwd, "acme-api", "notes.txt"), "mine\n");
    const before = snapshot(cwd);
    expectRefused(await runCli(["acme-api", "--yes", ...QUIET], { cwd }), 1, "acme-api is not empty", "--force");
    expect(snapshot(cwd)).toEqual(before);
  });

  it("refuses `.` in a folder that is not empty", async () => {
    const parent = workDir();
    const cwd = join(parent, "my-service");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "notes.txt"), "mine\n");
    const before = snapshot(parent);
    expectRefused(await runCli([".", "--yes", ...QUIET], { cwd }), 1, "my-service is not empty");
    expect(snapshot(parent)).toEqual(before);
  });

  it("refuses a file where the folder would go", async () => {
    const cwd = workDir();
    writeFileSync(join(cwd, "acme-api"), "a file\n");
    expectRefused(await runCli(["acme-api", "--yes", ...QUIET], { cwd }), 1, "is not a folder");
    expect(snapshot(cwd)).toEqual({ "acme-api": "a file\n" });
  });

  it("prints the stack trace only with DEBUG", async () => {
    const cwd = workDir();
    mkdirSync(join(cwd, "acme-api"));
    writeFileSync(join(cwd, "acme-api", "notes.txt"), "mine\n");
    const run = await runCli(["acme-api", "--yes", ...QUIET], { cwd, env: { DEBUG: "1" } });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("not empty");
    expect(run.stderr).toMatch(/^\s+at .+/m);
  });
});

describe("help, version and other commands", () => {
  it("--help lists every flag and the exit codes", async () => {
    const cwd = workDir();
    const run = await runCli(["--help"], { cwd });
    expectOk(run);
    for (const flag of Object.keys(FLAG_SPECS)) expect(run.stdout, flag).toContain(`--${flag}`);
    for (const short of ["-y", "-h", "-v"]) expect(run.stdout).toContain(short);
    expect(run.stdout).toMatch(/Exit codes: 0 done, 1 failure.*2 usage/s);
    expect(run.stdout).toContain("130 cancelled");
    expectEmpty(cwd);
  });

  it("-h is --help", async () => {
    const cwd = workDir();
    const [long, short] = await Promise.all([runCli(["--help"], { cwd }), runCli(["-h"], { cwd })]);
    expect(short.stdout).toBe(long.stdout);
  });

  it("--version prints the package version", async () => {
    const cwd = workDir();
    const run = await runBin(["--version"], { cwd });
    expectOk(run);
    expect(run.stdout.trim()).toBe(VERSION);
    expectEmpty(cwd);
  });

  it.each([["update"], ["check"], ["diff"], ["add", "resource", "book"], ["remove", "resource", "book"]])("`%s` outside a project: exit 1", async (...command) => {
    const cwd = workDir();
    expectRefused(await runCli(command, { cwd }), 1, MANIFEST, "inside a project made by create-backend-starter");
    expectEmpty(cwd);
  });

  // A value not offered yet is refused the same way: unit/unoffered.test.ts, on a table copy.
  it("--json reports a refused run as one JSON object too", async () => {
    const cwd = workDir();
    const run = await runCli(["acme-api", "--auth", "none", "--rbac", "--yes", "--json"], { cwd });
    expect(run.exitCode).toBe(2);
    const result = JSON.parse(run.stdout.trim()) as { ok: boolean; exitCode: number; error: string };
    expect(result).toMatchObject({ ok: false, exitCode: 2 });
    expect(result.error).toContain("--rbac needs an --auth other than none (or use --no-rbac)");
    expectEmpty(cwd);
  });
});

describe("creating a project", () => {
  it("`acme-api --yes` writes the default project and a manifest that matches it", async () => {
    const { cwd, project, run } = await generate(["acme-api", "--yes"]);
    expect(readdirSync(cwd)).toEqual(["acme-api"]);
    const manifest = expectManifestMatchesFolder(project);
    expect(manifest.answers).toEqual(defaultAnswers());
    expect(manifest.answers).toMatchObject({ framework: "fastapi", orm: "sqlalchemy", db: "sqlite", tests: ["unit", "integration", "e2e"], docker: true, ci: "github" });
    expect(manifest.name).toBe("acme-api");
    expect(manifest.generator).toEqual({ name: "create-backend-starter", version: VERSION });
    expect(run.stdout).toContain("Next steps");
    expect(run.stdout).toContain("cd acme-api");
  });

  it("`--name \"Acme API\"` makes the folder acme-api and the package acme_api", async () => {
    const { cwd, project } = await generate(["--name", "Acme API", "--yes"]);
    expect(readdirSync(cwd)).toEqual(["acme-api"]);
    const files = expectManifestMatchesFolder(project);
    expect(files.name).toBe("Acme API");
    expect(listFiles(project).some((f) => f.startsWith("src/acme_api/"))).toBe(true);
    expect(listFiles(project).some((f) => /(^|\/)__pkg__(\/|$)|acme-api\//.test(f))).toBe(false);
  });

  it("`.` fills the current, empty folder, named after it", async () => {
    const parent = workDir();
    const cwd = join(parent, "my-service");
    mkdirSync(cwd);
    const run = await runCli([".", "--yes", ...QUIET], { cwd });
    expectOk(run);
    expect(readdirSync(parent)).toEqual(["my-service"]);
    const manifest = expectManifestMatchesFolder(cwd);
    expect(manifest.name).toBe("my-service");
    expect(listFiles(cwd).some((f) => f.startsWith("src/my_service/"))).toBe(true);
    expect(run.stdout).not.toContain("cd .");
  });

  it("writes dotfiles and leaves no template syntax or HTML entities in any file", async () => {
    const { project } = await generate(["--name", "Joe's API & Co", "--yes"], "joe-s-api-co");
    const files = listFiles(project);
    expect(files).toEqual(expect.arrayContaining([".gitignore", ".env.example", MANIFEST]));
    expect(files.some((f) => /(^|\/)dot_|\.hbs$/.test(f))).toBe(false);
    for (const file of files.filter((f) => f !== BASE)) {
      const text = readFileSync(join(project, file), "utf8");
      // `${{ ... }}` is GitHub Actions syntax, not a leftover Handlebars expression.
      expect(text, file).not.toMatch(/(?<!\$)\{\{~?\s*[#/^>]?\s*(?:project|answers|deps|generator|this|else|if|unless|each|with)\b/);
      expect(text, file).not.toMatch(/&(?:quot|#x27|#39|amp|lt|gt|#x3D|#x60);/);
    }
    expect(readManifest(project).name).toBe("Joe's API & Co");
  });

  it("--preset minimal: unit tests only, no Docker, no CI (no --yes needed)", async () => {
    const { project } = await generate(["acme-api", "--preset", "minimal"]);
    const manifest = expectManifestMatchesFolder(project);
    expect(manifest.answers).toEqual({ ...defaultAnswers(), tests: ["unit"], docker: false, ci: "none" });
    const files = listFiles(project);
    expect(files.some((f) => f.startsWith("tests/integration/") || f.startsWith("tests/e2e/"))).toBe(false);
    expect(files).not.toContain("Dockerfile");
    expect(files).not.toContain("compose.yaml");
    expect(files.some((f) => f.startsWith(".github/"))).toBe(false);
  });

  it("the default project has what the minimal one leaves out", async () => {
    const { project } = await generate(["acme-api", "--yes"]);
    const files = listFiles(project);
    expect(files).toEqual(expect.arrayContaining(["Dockerfile", "compose.yaml"]));
    expect(files.some((f) => f.startsWith("tests/integration/"))).toBe(true);
    expect(files.some((f) => f.startsWith("tests/e2e/"))).toBe(true);
    expect(files.some((f) => f.startsWith(".github/workflows/"))).toBe(true);
  });

  it("--auth oauth: GitHub and Google login, its fake provider for the tests, its credentials in .env.example", async () => {
    const { project } = await generate(["acme-api", "--auth", "oauth", "--yes"]);
    const manifest = expectManifestMatchesFolder(project);
    expect(manifest.answers).toEqual({ ...defaultAnswers(), auth: "oauth" });
    const files = listFiles(project);
    expect(files.some((f) => f.startsWith("src/acme_api/auth/oauth/"))).toBe(true);
    expect(files).toEqual(expect.arrayContaining(["tests/oauth_provider.py", "tests/e2e/test_oauth.py"]));
    const env = readFileSync(join(project, ".env.example"), "utf8");
    for (const name of ["OAUTH_GITHUB_CLIENT_ID", "OAUTH_GITHUB_CLIENT_SECRET", "OAUTH_GOOGLE_CLIENT_ID", "OAUTH_GOOGLE_CLIENT_SECRET"]) expect(env).toContain(name);
  });

  it("flags override a preset", async () => {
    const { project } = await generate(["acme-api", "--preset", "minimal", "--docker"]);
    expect(readManifest(project).answers).toMatchObject({ tests: ["unit"], docker: true, ci: "none" });
  });
});

describe("--dry-run and --json", () => {
  /** The files a real default run writes, to compare a dry run with. */
  async function realFiles(): Promise<string[]> {
    const { project } = await generate(["acme-api", "--yes"]);
    return listFiles(project);
  }

  it("--dry-run lists the files it would write and writes nothing", async () => {
    const cwd = workDir();
    const run = await runCli(["acme-api", "--yes", "--dry-run"], { cwd });
    expectOk(run);
    expectEmpty(cwd);
    expect(run.stdout).toMatch(/Dry run: would write \d+ files to acme-api; nothing was written\./);
    const listed = [...run.stdout.matchAll(/^ {2}(\S+) \(\d+ bytes\)$/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(await realFiles());
  });

  it("--dry-run --json prints one JSON object whose files are what a real run writes", async () => {
    const cwd = workDir();
    const run = await runCli(["acme-api", "--yes", "--dry-run", "--json"], { cwd });
    expectOk(run);
    expectEmpty(cwd);
    const result = parseJson(run);
    expect(result).toMatchObject({ ok: true, dryRun: true, name: "acme-api", package: "acme_api", answers: defaultAnswers(), git: "off", installed: "off" });
    expect(result.directory).toBe(join(cwd, "acme-api"));
    expect(result.files.map((f) => f.path).sort()).toEqual(await realFiles());
  });

  it("--json on a real run prints one JSON object that describes what it wrote", async () => {
    const cwd = workDir();
    const run = await runCli(["acme-api", "--yes", "--json", ...QUIET], { cwd });
    expectOk(run);
    const result = parseJson(run);
    const project = join(cwd, "acme-api");
    expect(result).toMatchObject({ ok: true, dryRun: false, directory: project, git: "off", installed: "off" });
    expect(result.files.map((f) => f.path).sort()).toEqual(listFiles(project));
    for (const { path, bytes } of result.files) expect(statSync(join(project, path)).size, path).toBe(bytes);
  });

  it("--json never prompts: missing answers still exit 2", async () => {
    const cwd = workDir();
    const run = await runCli(["acme-api", "--json"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(parseJson(run)).toMatchObject({ ok: false, exitCode: 2 });
    expectEmpty(cwd);
  });
});

describe("--answers FILE", () => {
  function answersFile(content: string): string {
    const file = join(workDir(), "answers.json");
    writeFileSync(file, content);
    return file;
  }

  it("takes the answers and the name from the file", async () => {
    const file = answersFile(JSON.stringify({ name: "Acme API", framework: "fastapi", db: "sqlite", auth: "jwt", rbac: true, tests: ["unit", "e2e"], docker: false, ci: "none" }));
    const { project } = await generate(["--answers", file]);
    const manifest = expectManifestMatchesFolder(project);
    expect(manifest.name).toBe("Acme API");
    expect(manifest.answers).toEqual({ ...defaultAnswers(), tests: ["unit", "e2e"], docker: false, ci: "none" });
  });

  it("accepts a project's .backend-starter.json and reproduces that project", async () => {
    const first = await generate(["acme-api", "--preset", "minimal"]);
    const second = await generate(["--answers", join(first.project, MANIFEST)]);
    expect(snapshot(second.project)).toEqual(snapshot(first.project));
  });

  it("lets flags override the file", async () => {
    const file = answersFile(JSON.stringify({ framework: "fastapi", db: "sqlite", auth: "jwt", rbac: true, tests: ["unit"], docker: false, ci: "none" }));
    const { project } = await generate(["acme-api", "--answers", file, "--ci", "github"]);
    expect(readManifest(project).answers).toMatchObject({ tests: ["unit"], docker: false, ci: "github" });
  });

  const bad: Array<{ title: string; content: string | null; words: string[] }> = [
    { title: "a missing file", content: null, words: ["Cannot read the answers file"] },
    { title: "invalid JSON", content: "{tests: unit", words: ["is not valid JSON"] },
    { title: "a list instead of an object", content: "[]", words: ["must hold a JSON object"] },
    { title: "an unknown answer", content: JSON.stringify({ colour: "blue" }), words: ['unknown answer "colour"'] },
    { title: "a bad value", content: JSON.stringify({ tests: ["unit", "foo"] }), words: ["tests must be", '"foo"'] },
    { title: "a boolean as a string", content: JSON.stringify({ docker: "yes" }), words: ["docker must be true or false"] },
    { title: "answers that do not fit together", content: JSON.stringify({ auth: "none", rbac: true }), words: ["--rbac needs an --auth other than none (or use --no-rbac)"] },
  ];

  it.each(bad)("exits 2 on $title", async ({ content, words }) => {
    const file = content === null ? join(workDir(), "nowhere.json") : answersFile(content);
    const cwd = workDir();
    expectRefused(await runCli(["acme-api", "--answers", file, "--yes", ...QUIET], { cwd }), 2, ...words);
    expectEmpty(cwd);
  });
});

describe("--force and --overwrite", () => {
  /** A folder acme-api holding the given files, in a fresh working folder. */
  function existing(files: Record<string, string>): { cwd: string; project: string } {
    const cwd = workDir();
    const project = join(cwd, "acme-api");
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), content);
    }
    return { cwd, project };
  }

  function noStaging(cwd: string, project: string): void {
    expect(readdirSync(cwd)).toEqual([basename(project)]);
    expect(readdirSync(project).filter((e) => e.includes("staging"))).toEqual([]);
  }

  it("--force writes into a folder with other files and keeps them", async () => {
    const { cwd, project } = existing({ "notes.txt": "mine\n", "docs/plan.md": "# plan\n" });
    expectOk(await runCli(["acme-api", "--yes", "--force", ...QUIET], { cwd }));
    expectManifestMatchesFolder(project, ["docs/plan.md", "notes.txt"]);
    expect(readFileSync(join(project, "notes.txt"), "utf8")).toBe("mine\n");
    expect(readFileSync(join(project, "docs/plan.md"), "utf8")).toBe("# plan\n");
    noStaging(cwd, project);
  });

  it("--force keeps a project file that already has the generated content", async () => {
    const reference = await generate(["acme-api", "--yes"]);
    const pyproject = readFileSync(join(reference.project, "pyproject.toml"), "utf8");
    const { cwd, project } = existing({ "pyproject.toml": pyproject });
    expectOk(await runCli(["acme-api", "--yes", "--force", ...QUIET], { cwd }));
    expect(snapshot(project)).toEqual(snapshot(reference.project));
  });

  it("--force refuses a project file with other content: exit 1, nothing changed or added", async () => {
    const { cwd } = existing({ "pyproject.toml": "# mine\n", "notes.txt": "mine\n" });
    const before = snapshot(cwd);
    expectRefused(await runCli(["acme-api", "--yes", "--force", ...QUIET], { cwd }), 1, "already exist with other content", "pyproject.toml", "--overwrite");
    expect(snapshot(cwd)).toEqual(before);
  });

  it("--overwrite alone is a usage error, before the folder is even looked at", async () => {
    const { cwd } = existing({ "pyproject.toml": "# mine\n" });
    const before = snapshot(cwd);
    expectRefused(await runCli(["acme-api", "--yes", "--overwrite", ...QUIET], { cwd }), 2, "--overwrite only works with --force");
    expect(snapshot(cwd)).toEqual(before);
  });

  it("--force --overwrite replaces it and keeps the other files", async () => {
    const { cwd, project } = existing({ "pyproject.toml": "# mine\n", "notes.txt": "mine\n" });
    expectOk(await runCli(["acme-api", "--yes", "--force", "--overwrite", ...QUIET], { cwd }));
    const manifest = expectManifestMatchesFolder(project, ["notes.txt"]);
    expect(sha256(join(project, "pyproject.toml"))).toBe(manifest.files["pyproject.toml"]?.sha256);
    expect(readFileSync(join(project, "notes.txt"), "utf8")).toBe("mine\n");
    noStaging(cwd, project);
  });
});

describe("--git", () => {
  it("makes a repository with one commit holding exactly the generated files, and a clean tree", async () => {
    const cwd = workDir();
    expectOk(await runCli(["acme-api", "--yes", "--no-install", "--git"], { cwd }));
    const project = join(cwd, "acme-api");
    expect(await git(project, "rev-list", "--count", "HEAD")).toBe("1");
    expect(await git(project, "status", "--porcelain", "--untracked-files=all")).toBe("");
    const tracked = (await git(project, "ls-files")).split("\n").sort();
    expect(tracked).toEqual(listFiles(project).filter((f) => !f.startsWith(".git/")));
    // The clean base that `update` merges against is committed with the project.
    expect(tracked).toContain(BASE);
    expect(tracked).toContain(MANIFEST);
  });

  it("--json reports the commit", async () => {
    const cwd = workDir();
    const run = await runCli(["acme-api", "--yes", "--no-install", "--git", "--json"], { cwd });
    expectOk(run);
    expect(parseJson(run).git).toBe("committed");
  });

  // With --force --overwrite, the backup of the replaced file lives inside the
  // project until the run succeeds: it must never reach the first commit.
  it("--force --overwrite --git commits no staging or backup files and leaves a clean tree", async () => {
    const cwd = workDir();
    const project = join(cwd, "acme-api");
    mkdirSync(project);
    writeFileSync(join(project, "pyproject.toml"), "# mine\n");
    expectOk(await runCli(["acme-api", "--yes", "--force", "--overwrite", "--no-install", "--git"], { cwd }));
    expect((await git(project, "ls-files")).split("\n").filter((f) => f.includes("staging"))).toEqual([]);
    expect(await git(project, "status", "--porcelain", "--untracked-files=all")).toBe("");
  });
});

// Issue 9, "The first day as a user": one case per defect a new user hit.
describe("the first day as a user", () => {
  const OUR_COMMAND = "npx --package @backend-starter/create backend-starter";

  async function generateWithGit(args: string[] = []): Promise<{ cwd: string; project: string }> {
    const cwd = workDir();
    expectOk(await runCli(["acme-api", "--yes", "--no-install", ...args], { cwd }));
    return { cwd, project: join(cwd, "acme-api") };
  }

  describe("next steps match what was installed", () => {
    it("--no-install prints both ways, uv and pip (venv, activation, migrate, serve, test)", async () => {
      const { run } = await generate(["acme-api", "--yes"]);
      const uvAt = run.stdout.indexOf("with uv");
      const pipAt = run.stdout.indexOf("or with pip");
      expect(uvAt).toBeGreaterThan(-1);
      expect(pipAt).toBeGreaterThan(uvAt);
      const [uvPart, pipPart] = [run.stdout.slice(uvAt, pipAt), run.stdout.slice(pipAt)];
      for (const step of ["cd acme-api", "uv sync", "uv run python -m acme_api migrate", "uv run python -m acme_api serve", "uv run pytest"]) expect(uvPart).toContain(step);
      for (const step of ["cd acme-api", "python3 -m venv .venv", "source .venv/bin/activate", "pip install -e . --group dev", "python -m acme_api migrate", "python -m acme_api serve", "pytest"]) {
        expect(pipPart).toContain(step);
      }
      expect(pipPart).not.toContain("uv ");
    });

    it("a PostgreSQL project says how to point it at a server before migrate", async () => {
      const { run } = await generate(["acme-api", "--yes", "--db", "postgres"]);
      const url = run.stdout.indexOf("DATABASE_URL=postgresql://");
      expect(url).toBeGreaterThan(-1);
      expect(run.stdout).toContain("cp .env.example .env");
      expect(run.stdout).toMatch(/start your PostgreSQL server/);
      expect(url).toBeLessThan(run.stdout.indexOf("uv run python -m acme_api migrate"));
      const sqlite = await generate(["acme-api", "--yes"]);
      expect(sqlite.run.stdout).not.toContain("DATABASE_URL");
    });

    it("without uv: installs with pip into .venv and prints pip's next steps, which work", async () => {
      const cwd = workDir();
      const env = { PATH: pathWithoutUv(cwd) };
      const run = await runCli(["acme-api", "--preset", "minimal", "--no-git"], { cwd, env });
      expectOk(run);
      expect(run.stdout).toContain("Installing Python dependencies with pip");
      expect(run.stdout).toContain("Installed with pip");
      const steps = run.stdout.slice(run.stdout.indexOf("Next steps"));
      expect(steps).toContain("source .venv/bin/activate");
      expect(steps).toContain("python -m acme_api migrate");
      expect(steps).not.toMatch(/\buv\b/);
      // The printed steps, as the activated venv runs them.
      const venvBin = join(cwd, "acme-api", ".venv", "bin");
      const migrate = await execa(join(venvBin, "python"), ["-m", "acme_api", "migrate"], { cwd: join(cwd, "acme-api"), reject: false });
      expect(migrate.exitCode, String(migrate.stderr)).toBe(0);
      expect(existsSync(join(venvBin, "pytest"))).toBe(true);
    }, 600_000);
  });

  describe("Python and install failures", () => {
    it("refuses up front, in one line, when Python is older than 3.11, and asks or writes nothing", async () => {
      const cwd = workDir();
      const env = { PATH: pathWithOldPython(join(cwd, "..", `${basename(cwd)}-bin`)) };
      dirs.push(join(cwd, "..", `${basename(cwd)}-bin`));
      expectRefused(await runCli(["acme-api", "--yes", "--no-git"], { cwd, env }), 1, "Python 3.11 or newer", "python3 is 3.9", "--no-install");
      expectEmpty(cwd);
      expectOk(await runCli(["acme-api", "--yes", "--no-git", "--no-install"], { cwd, env }));
    });

    it("a failed uv sync shows uv's own cause in one line, and --force leaves the folder as it was", async () => {
      const cwd = workDir();
      const folder = join(cwd, "acme-api");
      mkdirSync(folder);
      writeFileSync(join(folder, "notes.txt"), "mine\n");
      const env = { UV_OFFLINE: "1", UV_NO_CACHE: "1" };
      const run = await runCli(["acme-api", "--yes", "--force"], { cwd, env });
      expectRefused(run, 1, "uv sync failed: error:", "not found in the cache", "--no-install");
      expect(snapshot(folder)).toEqual({ "notes.txt": "mine\n" });
    }, 120_000);

    it("a failed pip install ends with pip's own error in one line; DEBUG=1 shows the full output above it", async () => {
      const cwd = workDir();
      const env = { PATH: pathWithoutUv(cwd), PIP_NO_INDEX: "1", PIP_FIND_LINKS: cwd, DEBUG: "1" };
      const run = await runCli(["acme-api", "--preset", "minimal", "--no-git"], { cwd, env });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain("ERROR: Could not find a version that satisfies the requirement");
      const message = run.stderr.split("\n").find((line) => line.startsWith("pip install failed:"));
      expect(message).toMatch(/^pip install failed: ERROR: No matching distribution found for \S+ \(nothing was kept; .*--no-install/);
      expect(existsSync(join(cwd, "acme-api"))).toBe(false);
    }, 300_000);
  });

  describe("commands inside a project", () => {
    it.each(["update", "check", "diff", "add"])("`%s --help` prints its usage and exit codes, exit 0", async (command) => {
      const cwd = workDir();
      const run = await runCli([command, "--help"], { cwd });
      expectOk(run);
      expect(run.stdout).toContain(`Usage: backend-starter ${command}`);
      if (command !== "add") {
        expect(run.stdout).toContain(OUR_COMMAND);
        expect(run.stdout).toContain("4 the project was made by a newer generator");
      }
      expectEmpty(cwd);
    });

    it("`--yes` inside a generated project (or below it) refuses a nested project and points at update", async () => {
      const { project } = await generate(["acme-api", "--yes"]);
      const before = snapshot(project);
      for (const cwd of [project, join(project, "src")]) {
        expectRefused(await runCli(["--yes", ...QUIET], { cwd }), 2, "is a generated project", `${OUR_COMMAND} update`);
      }
      expect(snapshot(project)).toEqual(before);
    });

    it("a project made by a newer generator: check, update and diff refuse with exit 4, changing nothing", async () => {
      const { project } = await generateWithGit();
      const manifest = JSON.parse(readFileSync(join(project, MANIFEST), "utf8")) as Manifest;
      manifest.generator.version = "9.1.0";
      writeFileSync(join(project, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      const before = snapshot(project);
      for (const command of [["check"], ["update", "--allow-dirty"], ["diff"]]) {
        expectRefused(await runCli(command, { cwd: project }), 4, "generated by create-backend-starter 9.1.0, newer than this", "@backend-starter/create@9.1.0");
      }
      expect(snapshot(project)).toEqual(before);
    });

    it("conflict markers: check lists the files (exit 5), update refuses even with --allow-dirty", async () => {
      const { project } = await generateWithGit();
      const readme = join(project, "README.md");
      writeFileSync(readme, `${readFileSync(readme, "utf8")}<<<<<<< ours\nmine\n=======\ntheirs\n>>>>>>> theirs\n`);
      await git(project, "commit", "-qam", "a bad merge");
      const check = await runCli(["check"], { cwd: project });
      expect(check.exitCode).toBe(5);
      expect(check.stdout).toContain("Conflict markers remain in 1 file(s): README.md");
      const json = JSON.parse((await runCli(["check", "--json"], { cwd: project })).stdout) as { conflictMarkers: string[]; exitCode: number };
      expect(json).toMatchObject({ conflictMarkers: ["README.md"], exitCode: 5 });
      const before = snapshot(project);
      expectRefused(await runCli(["update", "--allow-dirty"], { cwd: project }), 5, "README.md", "conflict markers");
      expect(snapshot(project)).toEqual(before);
    });

    it("update with nothing to do says so, instead of 'Updated from 0.1.0 to 0.1.0'", async () => {
      const { project } = await generateWithGit();
      const run = await runCli(["update"], { cwd: project });
      expectOk(run);
      expect(run.stdout.trim()).toBe(`Nothing changed: the project already matches the templates of ${VERSION}.`);
      expect((await runCli(["check"], { cwd: project })).stdout).toContain("Up to date");
    });

    it("diff output is a patch git apply takes, deletions included", async () => {
      const { project } = await generateWithGit();
      const patch = await runCli(["diff", "--set", "docker=false"], { cwd: project });
      expectOk(patch);
      expect(patch.stdout).toContain("+++ /dev/null");
      await execa("git", ["apply", "-"], { cwd: project, input: patch.stdout });
      expect(existsSync(join(project, "Dockerfile"))).toBe(false);
      expect(existsSync(join(project, "compose.yaml"))).toBe(false);
      // The patched tree is what update itself writes.
      const patched = snapshot(project);
      await git(project, "checkout", "--", ".");
      expectOk(await runCli(["update", "--set", "docker=false", "--allow-dirty"], { cwd: project }));
      const updated = snapshot(project);
      for (const path of Object.keys(updated).filter((p) => !p.startsWith(".backend-starter") && !p.startsWith(".git/"))) {
        expect(patched[path], path).toBe(updated[path]);
      }
    });
  });

  describe("names and folders", () => {
    it.each([
      ["app/", "app"],
      ["./app", "app"],
      ["./update", "update"],
      ["café", "café"],
    ])("accepts the directory %j (folder %s)", async (directory, folder) => {
      const cwd = workDir();
      expectOk(await runCli([directory, "--yes", ...QUIET], { cwd }));
      expect(readdirSync(cwd)).toEqual([folder]);
    });

    it("`-- update` makes a folder named like a subcommand", async () => {
      const cwd = workDir();
      expectOk(await runCli(["--yes", ...QUIET, "--", "update"], { cwd }));
      expect(readdirSync(cwd)).toEqual(["update"]);
    });

    it("café becomes the package cafe, not caf", async () => {
      const cwd = workDir();
      const run = await runCli(["café", "--yes", "--json", ...QUIET], { cwd });
      expect(parseJson(run)).toMatchObject({ name: "café", package: "cafe" });
    });

    it("a name without Latin letters asks for an ASCII name or --name", async () => {
      const cwd = workDir();
      expectRefused(await runCli(["项目", "--yes", ...QUIET], { cwd }), 2, "ASCII name", "--name");
      expectEmpty(cwd);
      expectOk(await runCli(["项目", "--name", "xiangmu", "--yes", ...QUIET], { cwd }));
      expect(readdirSync(cwd)).toEqual(["项目"]);
    });

    it("refuses ~app (a home folder the shell did not expand)", async () => {
      const cwd = workDir();
      expectRefused(await runCli(["~app", "--yes", ...QUIET], { cwd }), 2, "starts with ~");
      expectEmpty(cwd);
    });

    it("the heading keeps acronyms: acme-api is 'Acme API'", async () => {
      const { project } = await generate(["acme-api", "--yes"]);
      expect(readFileSync(join(project, "README.md"), "utf8").split("\n")[0]).toBe("# Acme API");
    });

    it("a folder name too long for the file system: one line naming the user's path, not the staging folder", async () => {
      const cwd = workDir();
      const long = "a".repeat(250);
      const run = await runCli([long, "--name", "acme-api", "--yes", ...QUIET], { cwd });
      expectRefused(run, 1, `The path ${join(cwd, long)} is too long`);
      expect(run.stderr).not.toContain("staging");
      expectEmpty(cwd);
    });

    it("a folder it may not write to: one line naming that folder", async () => {
      const run = await runCli(["acme-api", "--yes", ...QUIET], { cwd: "/sys" });
      expectRefused(run, 1, "Cannot write to /sys: permission denied");
      expect(run.stderr).not.toContain("staging");
    });
  });

  describe("answers files", () => {
    it("accepts a UTF-8 byte-order mark", async () => {
      const cwd = workDir();
      writeFileSync(join(cwd, "answers.json"), `\uFEFF${JSON.stringify({ ...defaultAnswers(), name: "Acme API" })}`);
      expectOk(await runCli(["--answers", "answers.json", ...QUIET], { cwd }));
      expect(existsSync(join(cwd, "acme-api", MANIFEST))).toBe(true);
    });

    it("names line:column of a syntax error", async () => {
      const cwd = workDir();
      writeFileSync(join(cwd, "answers.json"), '{\n  "db": "sqlite",\n}\n');
      expectRefused(await runCli(["acme-api", "--answers", "answers.json", "--yes", ...QUIET], { cwd }), 2, "answers.json:3:1");
      expect(readdirSync(cwd)).toEqual(["answers.json"]);
    });
  });
});
