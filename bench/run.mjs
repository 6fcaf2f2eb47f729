// `npm run bench`: how fast the generator and the default generated project
// are, side by side with baselines measured in the same run, as a table of
// ratios. A benchmark, not a test: it never fails on a number (it exits
// non-zero only when something it runs cannot run at all), and `npm test`
// does not run it. Numbers from a busy machine are noisy; the ratios are
// taken round by round (A B A B ...), so drift hits both sides of each.
//
//   node bench/run.mjs [--rounds N] [--seconds S] [--only generator|python] [--framework fastapi|flask|django]
//
// The Python part runs once per framework (each unless --framework names one),
// each generated project against a bare app of its own framework under the
// same server: FastAPI under uvicorn, Flask and Django under gunicorn's gthread worker.
//
// Needs: a build (it runs `npm run build`), python3, uv, wrk. The other
// generators go into bench/.tools, the generated project into bench/.work
// (both git-ignored). Load is sent to 127.0.0.1 only, for S seconds at a time.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: { rounds: { type: "string", default: "10" }, seconds: { type: "string", default: "10" }, only: { type: "string" }, framework: { type: "string" } },
});
const ROUNDS = Number(opts.rounds);
const SECONDS = Number(opts.seconds);
const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "src", "bin.cjs");
const TOOLS = join(ROOT, "bench", ".tools");
const WORK = join(ROOT, "bench", ".work");
const PKG = "my_api";
const RUSAGE = join(ROOT, "bench", "rusage.py");
const env = { ...process.env, CI: "true" };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const rows = [];
const row = (section, what, value, ratio = "", note = "") => rows.push({ section, what, value, ratio, note });

/** One run of a command: CPU seconds (user+sys), wall seconds, peak RSS MiB, as the kernel accounts the finished child. */
function timed(command, args, cwd) {
  const run = spawnSync("python3", [RUSAGE, command, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  const last = run.stdout.trim().split("\n").pop() ?? "";
  const [cpu, wall, rss, status] = last.split(" ").map(Number);
  return { status, cpu, wall, rss, stderr: run.stderr };
}

// ---- (1)-(3) the generator ------------------------------------------------

function tools() {
  const vite = join(TOOLS, "node_modules", "create-vite", "index.js");
  const t3 = join(TOOLS, "node_modules", ".bin", "create-t3-app");
  if (!existsSync(vite) || !existsSync(t3)) {
    mkdirSync(TOOLS, { recursive: true });
    execFileSync("npm", ["install", "--prefix", TOOLS, "--no-audit", "--no-fund", "--silent", "create-vite@latest", "create-t3-app@latest"], { stdio: "inherit" });
  }
  const version = (name) => JSON.parse(readFileSync(join(TOOLS, "node_modules", name, "package.json"), "utf8")).version;
  return { vite, t3, viteVersion: version("create-vite"), t3Version: version("create-t3-app") };
}

function generatorBench() {
  const { vite, t3, viteVersion, t3Version } = tools();
  // Beside the repository, not in the system's temporary folder: on this machine a /tmp
  // that had seen many runs' files made each file creation cost up to 0.9 ms of kernel
  // time (125 files: 3 ms in bench/.work, 40-120 ms in /tmp), which measured the folder.
  mkdirSync(WORK, { recursive: true });
  const scratch = mkdtempSync(join(WORK, "gen-"));
  const project = join(scratch, "ref");
  mkdirSync(project);
  execFileSync(process.execPath, [BIN, "my-api", "--yes", "--no-install", "--no-git"], { cwd: project, env, stdio: "ignore" });
  const inProject = join(project, "my-api");
  const fresh = () => mkdtempSync(join(scratch, "run-"));
  const copy = () => {
    const dir = join(fresh(), "my-api");
    cpSync(inProject, dir, { recursive: true });
    return dir;
  };
  const node = process.execPath;
  const commands = [
    { name: "node -e ''", cmd: node, args: ["-e", ""], cwd: fresh },
    { name: "create (default project)", cmd: node, args: [BIN, "my-api", "--yes", "--no-install", "--no-git"], cwd: fresh },
    { name: `create-vite ${viteVersion} (vanilla-ts)`, cmd: node, args: [vite, "my-app", "--template", "vanilla-ts"], cwd: fresh },
    { name: `create-t3-app ${t3Version} (--CI)`, cmd: node, args: [t3, "my-t3", "--CI", "--noGit", "--noInstall"], cwd: fresh },
    { name: "--help", cmd: node, args: [BIN, "--help"], cwd: fresh },
    { name: "--version", cmd: node, args: [BIN, "--version"], cwd: fresh },
    { name: "usage error (--db sqllite)", cmd: node, args: [BIN, "--db", "sqllite"], cwd: fresh, anyStatus: true },
    { name: "check (default project)", cmd: node, args: [BIN, "check"], cwd: () => inProject },
    { name: "update --set docker=false", cmd: node, args: [BIN, "update", "--set", "docker=false"], cwd: copy },
  ];
  const samples = commands.map(() => []);
  for (let round = 0; round <= ROUNDS; round++) {
    commands.forEach((c, i) => {
      const r = timed(c.cmd, c.args, c.cwd());
      if (r.status !== 0 && !c.anyStatus) throw new Error(`${c.name} exited ${r.status}: ${r.stderr.slice(-500)}`);
      if (round > 0) samples[i].push(r); // round 0 warms the disk cache
    });
  }
  rmSync(scratch, { recursive: true, force: true });
  const base = samples[0];
  commands.forEach((c, i) => {
    const ratio = median(samples[i].map((r, k) => r.cpu / base[k].cpu));
    const cpu = median(samples[i].map((r) => r.cpu));
    const rss = median(samples[i].map((r) => r.rss));
    row("generator", c.name, `${fmt(cpu, 3)} s CPU, ${fmt(rss, 0)} MiB`, i === 0 ? "1.00" : fmt(ratio), "CPU vs node -e ''");
  });
  const ours = samples[1];
  row("generator", "create vs create-t3-app", "", fmt(median(ours.map((r, k) => r.cpu / samples[3][k].cpu))), "CPU, < 1 is faster");
  row("generator", "create vs create-vite", "", fmt(median(ours.map((r, k) => r.cpu / samples[2][k].cpu))), "CPU");
}

// ---- (4)-(6) the default generated project --------------------------------

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * Per framework: the bare app beside the generated one, served the way the
 * generated `serve` serves (one process, no access log).
 */
const FRAMEWORKS = {
  fastapi: {
    bareFile: "bare_app.py",
    bareName: "bare FastAPI under uvicorn",
    bare: (port) => ["-m", "uvicorn", "bare_app:app", "--host", "127.0.0.1", "--port", String(port), "--no-access-log", "--log-level", "warning"],
    // A bare `async def` /health too: FastAPI runs `def` routes in a thread pool.
    bareAsyncPath: "/health-async",
  },
  flask: {
    bareFile: "bare_flask_app.py",
    bareName: "bare Flask under gunicorn gthread",
    // The generated project's worker has POOL_SIZE (10) threads.
    bare: (port) => ["-m", "gunicorn", "bare_flask_app:app", "--bind", `127.0.0.1:${port}`, "--worker-class", "gthread", "--threads", "10", "--log-level", "warning"],
    bareAsyncPath: undefined,
  },
  django: {
    bareFile: "bare_django_app.py",
    bareName: "bare Django under gunicorn gthread",
    // The generated project's worker has 8 threads (core/serve.py's THREADS).
    bare: (port) => ["-m", "gunicorn", "bare_django_app:app", "--bind", `127.0.0.1:${port}`, "--worker-class", "gthread", "--threads", "8", "--log-level", "warning"],
    bareAsyncPath: undefined,
  },
};

function prepareProject(framework) {
  const work = join(WORK, framework);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // --yes installs with uv, as a user's first run would.
  execFileSync(process.execPath, [BIN, "my-api", "--yes", "--framework", framework, "--no-git"], { cwd: work, env, stdio: "ignore" });
  const dir = join(work, "my-api");
  return { framework, dir, python: join(dir, ".venv", "bin", "python") };
}

const wall = (fn) => {
  const start = process.hrtime.bigint();
  const result = fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
};

function pytestBench({ framework, dir, python }) {
  const layers = [
    ["unit", ["-m", "unit", "--no-cov"]],
    ["integration", ["-m", "integration", "--no-cov"]],
    ["e2e", ["-m", "e2e", "--no-cov"]],
    ["full suite, with coverage", []],
  ];
  for (const [name, args] of layers) {
    const { seconds, result } = wall(() => spawnSync(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", ...args], { cwd: dir, env: cleanEnv(), encoding: "utf8" }));
    const summary = (result.stdout.trim().split("\n").pop() ?? "").replace(/=/g, "").trim();
    row(`generated tests (${framework})`, `pytest ${name}`, `${fmt(seconds, 1)} s wall`, "", summary);
  }
}

/** This shell's environment without an activated virtualenv: the project runs in its own. */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VIRTUAL_ENV")));
}

/** Served as in production (JSON logs at WARNING, a real secret), on a SQLite file. */
function projectEnv(extra = {}) {
  return { ...cleanEnv(), APP_ENV: "production", SECRET_KEY: "bench-secret-key-0123456789abcdef0123456789", DATABASE_URL: "sqlite:///bench.db", LOG_LEVEL: "WARNING", ...extra };
}

function cliBench({ framework, dir, python }) {
  const ours = [];
  const bare = [];
  for (let i = 0; i < Math.max(5, Math.floor(ROUNDS / 2)); i++) {
    bare.push(timed(python, ["-c", "pass"], dir).wall);
    ours.push(timed(python, ["-m", PKG, "--help"], dir).wall);
  }
  row(`generated CLI (${framework})`, `python -m ${PKG} --help`, `${fmt(median(ours), 3)} s wall`, fmt(median(ours.map((s, k) => s / bare[k]))), "vs python -c pass");
}

async function waitForHealth(url, deadline = Date.now() + 180_000) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url}/health did not answer`);
}

async function served(command, args, cwd, extraEnv) {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const log = join(WORK, `serve-${port}.log`);
  const out = openSync(log, "w");
  const child = spawn(command, args(port), { cwd, env: projectEnv({ HOST: "127.0.0.1", PORT: String(port), ...extraEnv }), stdio: ["ignore", out, out] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${error.message}; its output: ${readFileSync(log, "utf8").slice(-2000)}`);
  }
  const startup = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    url,
    startup,
    stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once("exit", done), child.kill("SIGTERM")))),
  };
}

const SETTLE_MS = 1000;

function wrk(url, headers = []) {
  const args = ["-t1", "-c50", `-d${SECONDS}s`, "--latency", ...headers.flatMap((h) => ["-H", h]), url];
  const out = execFileSync("wrk", args, { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)\b/.exec(out);
  const p99ms = p99 ? Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2]] : NaN;
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? "0";
  // wrk stops at its deadline with up to -c requests still queued in the server; let it
  // finish them first, or the next measurement's tail waits behind them (an items run
  // before /health put 120-175 ms on /health's p99 that way).
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
  return { rps, p99ms, errors };
}

async function seed(url) {
  const json = (body) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const credentials = { email: "bench@example.com", password: "a bench password 123" };
  await fetch(`${url}/api/v1/auth/register`, json(credentials));
  const login = await (await fetch(`${url}/api/v1/auth/login`, json(credentials))).json();
  const auth = `Bearer ${login.access_token}`;
  for (let i = 0; i < 20; i++) {
    const r = await fetch(`${url}/api/v1/items`, { ...json({ title: `item ${i}`, description: "x".repeat(100) }), headers: { "content-type": "application/json", authorization: auth } });
    if (!r.ok) throw new Error(`seeding items: ${r.status} ${await r.text()}`);
  }
  const page = await (await fetch(`${url}/api/v1/items?limit=20`, { headers: { authorization: auth } })).json();
  return { auth, count: (page.items ?? page.data ?? []).length };
}

async function serverBench({ framework, dir, python }) {
  rmSync(join(dir, "bench.db"), { force: true });
  execFileSync(python, ["-m", PKG, "migrate"], { cwd: dir, env: projectEnv(), stdio: "ignore" });
  const { bareFile, bareName, bare, bareAsyncPath } = FRAMEWORKS[framework];
  const bareDir = join(WORK, `bare-${framework}`);
  mkdirSync(bareDir, { recursive: true });
  writeFileSync(join(bareDir, bareFile), readFileSync(join(ROOT, "bench", bareFile)));
  const ours = (port) => ["-m", PKG, "serve"];
  const section = `generated server (${framework})`;

  const startups = { ours: [], bare: [] };
  for (let i = 0; i < 3; i++) {
    const a = await served(python, ours, dir);
    await a.stop();
    const b = await served(python, bare, bareDir);
    await b.stop();
    startups.ours.push(a.startup);
    startups.bare.push(b.startup);
  }
  row(section, "serve to first /health", `${fmt(median(startups.ours), 2)} s wall`, fmt(median(startups.ours.map((s, k) => s / startups.bare[k]))), `vs ${bareName}`);

  const app = await served(python, ours, dir);
  const { auth, count } = await seed(app.url);
  const bareApp = await served(python, bare, bareDir);
  try {
    // Interleaved: ours, bare, ours, bare for /health; then items against bare's /health.
    const results = { health: [], bareDef: [], bareAsync: [], items: [] };
    for (let i = 0; i < 2; i++) {
      results.health.push(wrk(`${app.url}/health`));
      results.bareDef.push(wrk(`${bareApp.url}/health`));
      if (bareAsyncPath) results.bareAsync.push(wrk(`${bareApp.url}${bareAsyncPath}`));
      results.items.push(wrk(`${app.url}/api/v1/items?limit=20`, [`Authorization: ${auth}`]));
    }
    const m = (list, key) => median(list.map((r) => r[key]));
    const report = (what, list, against, note) =>
      row(section, what, `${fmt(m(list, "rps"), 0)} req/s, p99 ${fmt(m(list, "p99ms"), 1)} ms`, against ? `${fmt(m(list, "rps") / m(against, "rps"))} rps, ${fmt(m(list, "p99ms") / m(against, "p99ms"))} p99` : "", note);
    report("generated GET /health", results.health, results.bareDef, "vs bare `def` /health");
    report(`${bareName}: \`def\` /health`, results.bareDef, null, "");
    if (bareAsyncPath) report(`${bareName}: \`async def\` /health`, results.bareAsync, null, "");
    report(`generated GET /api/v1/items (auth, ${count} rows)`, results.items, results.bareDef, `vs bare \`def\` /health; non-2xx: ${results.items.map((r) => r.errors).join("/")}`);
  } finally {
    await app.stop();
    await bareApp.stop();
  }
}

// ---- main -------------------------------------------------------------------

execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "ignore" });
const started = new Date();
if (opts.only !== "python") generatorBench();
if (opts.only !== "generator") {
  for (const framework of opts.framework ? [opts.framework] : Object.keys(FRAMEWORKS)) {
    if (!(framework in FRAMEWORKS)) throw new Error(`--framework must be one of ${Object.keys(FRAMEWORKS).join(", ")}`);
    const project = prepareProject(framework);
    cliBench(project);
    await serverBench(project);
    pytestBench(project);
  }
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`;
process.stdout.write(`Benchmark ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}; ${ROUNDS} interleaved rounds, wrk -t1 -c50 -d${SECONDS}s.\n\n`);
process.stdout.write("| section | what | median | ratio | against |\n| --- | --- | --- | --- | --- |\n");
for (const r of rows) process.stdout.write(`| ${r.section} | ${r.what} | ${r.value} | ${r.ratio} | ${r.note} |\n`);
