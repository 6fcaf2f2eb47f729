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

  it("refuses unknown values with the offered ones listed, and the others apart", () => {
    expect(() => parseCliArgs(["--db", "oracle"])).toThrow(/--db must be one of sqlite, postgres, mysql; got "oracle"\.$/);
    expect(() => parseCliArgs(["--framework", "rails"])).toThrow(/--framework must be one of fastapi, flask, django; got "rails"\.$/);
    expect(() => parseCliArgs(["--tests", "unit,smoke"])).toThrow(/comma-separated list of unit, integration, e2e/);
    // Every auth method is offered; unoffered.test.ts proves how a value not offered yet is listed apart.
    expect(() => parseCliArgs(["--auth", "saml"])).toThrow(/--auth must be one of none, jwt, session, oauth; got "saml"\.$/);
  });

  it("suggests the closest value for a typo", () => {
    expect(() => parseCliArgs(["--db", "sqllite"])).toThrow(/Did you mean sqlite\?/);
    expect(() => parseCliArgs(["--tests", "unit,intgration"])).toThrow(/Did you mean integration\?/);
    expect(() => parseCliArgs(["--ci", "github-actions"])).toThrow(/Did you mean github\?/);
    expect(() => parseCliArgs(["--db", "MySQL"])).toThrow(/got "MySQL"\. Did you mean mysql\?/);
    expect(() => parseCliArgs(["--framework", "Django"])).toThrow(/Did you mean django\?/);
  });

  it("points --rbac=false to --no-rbac", () => {
    expect(() => parseCliArgs(["--rbac=false"])).toThrow(/--rbac takes no value\. Use --rbac or --no-rbac\./);
    expect(() => parseCliArgs(["--no-docker=true"])).toThrow(/Use --no-docker or --docker\./);
  });

  it("refuses --overwrite without --force", () => {
    expect(() => parseCliArgs(["api", "--overwrite"])).toThrow(/--overwrite only works with --force/);
    expect(createFlags(["api", "--force", "--overwrite"])).toMatchObject({ force: true, overwrite: true });
  });

  it("routes subcommands, help and version", () => {
    expect(parseCliArgs(["update", "--dry-run"])).toEqual({ kind: "subcommand", command: "update", rest: ["--dry-run"] });
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["-v"]).kind).toBe("version");
    for (const command of ["update", "check", "diff", "add"] as const) {
      expect(parseCliArgs([command, "--help"])).toEqual({ kind: "help", command });
      expect(parseCliArgs([command, "--set", "docker=false", "-h"])).toEqual({ kind: "help", command });
    }
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
