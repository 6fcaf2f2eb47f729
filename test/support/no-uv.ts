// A PATH for "a machine without uv": uv lives beside python3 here (pyenv
// shims), so dropping its folder would drop Python too. Instead, a folder of
// links to just the tools a run may need.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function realPython(): string {
  return execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
}

function which(command: string): string {
  return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim();
}

/** A bin folder under `root` with python3/python (the real one) and git, no uv. */
export function pathWithoutUv(root: string): string {
  const bin = join(root, "bin-without-uv");
  mkdirSync(bin, { recursive: true });
  const python = realPython();
  symlinkSync(python, join(bin, "python3"));
  symlinkSync(python, join(bin, "python"));
  symlinkSync(which("git"), join(bin, "git"));
  return bin;
}

/** A bin folder whose python3 is too old (it only answers --version), and no uv. */
export function pathWithOldPython(root: string, version = "3.9.6"): string {
  const bin = join(root, "bin-old-python");
  mkdirSync(bin, { recursive: true });
  for (const name of ["python3", "python"]) {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "Python ${version}"\n`);
    chmodSync(join(bin, name), 0o755);
  }
  symlinkSync(which("git"), join(bin, "git"));
  return bin;
}
