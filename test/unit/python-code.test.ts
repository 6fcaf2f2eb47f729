import { describe, expect, it } from "vitest";
import { LINE_LENGTH, fromImport } from "../../src/python-code.js";

describe("fromImport lays out an import as ruff's isort does", () => {
  it("keeps an import that fits on one line", () => {
    expect(fromImport("acme_api.auth.passwords", ["hash_password", "verify_password"])).toBe("from acme_api.auth.passwords import hash_password, verify_password");
  });

  it("puts one name per line, with a trailing comma, once the line would pass the limit", () => {
    const module = `${"p".repeat(40)}.auth.passwords`;
    const names = ["hash_password", "spend_verification_time", "verify_password"];
    expect(`from ${module} import ${names.join(", ")}`.length).toBeGreaterThan(LINE_LENGTH);
    expect(fromImport(module, names).split("\n")).toEqual([`from ${module} import (`, "    hash_password,", "    spend_verification_time,", "    verify_password,", ")"]);
  });
});
