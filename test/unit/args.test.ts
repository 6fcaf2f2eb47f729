import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/args.js";
import { UsageError } from "../../src/errors.js";
import { closest } from "../../src/suggest.js";

function createFlags(argv: string[]) {
  const parsed = parseCliArgs(argv);
  if (parsed.kind !== "create") throw new Error(`expected create, got ${parsed.kind}`);
  return parsed.flags;
}

describe("flag parsing", () => {
  it("reads every answer flag from the option table", () => {
    const flags = createFlags([
      "api", "--framework", "fastapi", "--orm", "sqlalchemy", "--db", "sqlite", "--auth", "none",
      "--no-rbac", "--tests", "e2e,unit", "--no-docker", "--ci", "none",
    ]);
    expect(flags.directory).toBe("api");
    expect(flags.answers).toEqual({
      framework: "fastapi", orm: "sqlalchemy", db: "sqlite", auth: "none", rbac: false,
      tests: ["unit", "e2e"], docker: false, ci: "none",
    });
  });

  it("leaves unanswered questions out, and run flags default to unset", () => {
    const flags = createFlags([]);
    expect(flags.answers).toEqual({});
    expect(flags.install).toBeUndefined();
    expect(flags.git).toBeUndefined();
    expect(createFlags(["--no-install", "--git"])).toMatchObject({ install: false, git: true });
  });

  it("refuses a flag and its negation together", () => {
    expect(() => parseCliArgs(["--docker", "--no-docker"])).toThrow(/contradict/);
  });

  it("suggests the closest flag for a typo", () => {
    expect(() => parseCliArgs(["--framwork", "fastapi"])).toThrow(/Did you mean --framework\?/);
    expect(() => parseCliArgs(["--dryrun"])).toThrow(/Did you mean --dry-run\?/);
    expect(() => parseCliArgs(["--zzzzzz"])).toThrow(UsageError);
  });

  it("refuses unknown values with the known ones listed", () => {
    expect(() => parseCliArgs(["--db", "oracle"])).toThrow(/--db must be one of sqlite, postgres, mysql/);
    expect(() => parseCliArgs(["--tests", "unit,smoke"])).toThrow(/comma-separated list of unit, integration, e2e/);
  });

  it("routes subcommands, help and version", () => {
    expect(parseCliArgs(["update", "--dry-run"])).toEqual({ kind: "subcommand", command: "update", rest: ["--dry-run"] });
    expect(parseCliArgs(["--help"]).kind).toBe("help");
    expect(parseCliArgs(["-v"]).kind).toBe("version");
  });

  it("refuses two directories", () => {
    expect(() => parseCliArgs(["a", "b"])).toThrow(/one directory/);
  });
});

describe("closest", () => {
  it("finds near misses and prefixes, not strangers", () => {
    expect(closest("framwork", ["framework", "force"])).toBe("framework");
    expect(closest("over", ["overwrite", "orm"])).toBe("overwrite");
    expect(closest("banana", ["framework", "force"])).toBeUndefined();
  });
});
