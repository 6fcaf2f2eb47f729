import { describe, expect, it } from "vitest";
import { failureCause } from "../../src/steps/install.js";
import { parsePythonVersion } from "../../src/steps/python.js";
import { explainWriteError } from "../../src/io/write.js";
import { UserError } from "../../src/errors.js";

describe("an install failure in one line", () => {
  it("keeps pip's last error, not its progress lines", () => {
    const pip = [
      "Looking in links: /opt/wheels",
      "Processing ./",
      "ERROR: Could not find a version that satisfies the requirement fastapi>=0.115 (from versions: none)",
      "ERROR: No matching distribution found for fastapi>=0.115",
      "",
    ].join("\n");
    expect(failureCause(pip)).toBe("ERROR: No matching distribution found for fastapi>=0.115");
  });

  it("finds pip's cause under a build-dependency failure", () => {
    const pip = [
      "  error: subprocess-exited-with-error",
      "  × pip subprocess to install build dependencies did not run successfully.",
      "  ╰─> [3 lines of output]",
      "      ERROR: Could not find a version that satisfies the requirement hatchling (from versions: none)",
      "      ERROR: No matching distribution found for hatchling",
      "      [end of output]",
      "error: subprocess-exited-with-error",
      "╰─> See above for output.",
    ].join("\n");
    expect(failureCause(pip)).toBe("ERROR: No matching distribution found for hatchling");
  });

  it("keeps uv's error with the cause and hint under it", () => {
    const uv = [
      "  × No solution found when resolving dependencies:",
      "error: No solution found when resolving dependencies",
      "  cause: Because fastapi was not found in the cache and your project depends on fastapi, we can conclude that your project's requirements are unsatisfiable.",
      "",
      "hint: Packages were unavailable because the network was disabled.",
    ].join("\n");
    const cause = failureCause(uv);
    expect(cause).toMatch(/^error: No solution found when resolving dependencies cause: Because fastapi was not found/);
    expect(cause).not.toContain("\n");
    expect(cause.length).toBeLessThanOrEqual(300);
  });

  it("falls back to the last line", () => {
    expect(failureCause("building...\nSegmentation fault\n")).toBe("Segmentation fault");
  });
});

describe("the Python check", () => {
  it.each([
    ["Python 3.11.7", [3, 11]],
    ["Python 3.9.6\n", [3, 9]],
    ["Python 3.13.0rc1", [3, 13]],
    ["pyenv: python3: command not found", null],
  ])("reads %j", (text, version) => {
    expect(parsePythonVersion(text)).toEqual(version);
  });
});

describe("file-system errors name the user's folder", () => {
  const error = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: open '/home/u/.acme-api.backend-starter-staging-1a2b'`), { code });

  it.each([
    ["EACCES", "Cannot write to /home/u: permission denied"],
    ["ENAMETOOLONG", "The path /home/u/acme-api is too long"],
    ["ENOSPC", "No space left on the disk holding /home/u"],
  ])("%s", (code, message) => {
    const explained = explainWriteError(error(code), "/home/u/acme-api", false);
    expect(explained).toBeInstanceOf(UserError);
    expect((explained as Error).message).toContain(message);
    expect((explained as Error).message).not.toContain("staging");
  });

  it("names the folder itself when writing into it (--force)", () => {
    expect((explainWriteError(error("EACCES"), "/home/u/acme-api", true) as Error).message).toContain("Cannot write to /home/u/acme-api:");
  });
});
