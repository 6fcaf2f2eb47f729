// Cold generation time: `create-backend-starter acme-api --yes --no-install --no-git`
// as a new process each run, reported as a ratio to a baseline measured in the
// same run (a bare `node` start, the floor any Node CLI pays).
// Usage: npm run build && node bench/generate.mjs [runs]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const runs = Number(process.argv[2] ?? 9);
const bin = resolve(import.meta.dirname, "..", "dist", "src", "bin.cjs");

function timeOnce(args) {
  const cwd = mkdtempSync(join(tmpdir(), "cbs-bench-"));
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, env: { ...process.env, CI: "true" }, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(cwd, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const baseline = [];
const generate = [];
for (let i = 0; i < runs; i++) {
  // Interleaved, so drift in machine load hits both alike.
  baseline.push(timeOnce(["-e", ""]));
  generate.push(timeOnce([bin, "acme-api", "--yes", "--no-install", "--no-git"]));
}
const b = median(baseline);
const g = median(generate);
console.log(JSON.stringify({ runs, baselineMedianMs: Math.round(b), generateMedianMs: Math.round(g), ratio: Number((g / b).toFixed(2)) }));
