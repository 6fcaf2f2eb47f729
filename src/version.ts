import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PACKAGE_ROOT } from "./paths.js";

interface PackageJson {
  name: string;
  version: string;
}

function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8")) as PackageJson;
}

const PACKAGE = readPackageJson();

export const GENERATOR = {
  /**
   * The generator's name as manifests record it. It stays the product name
   * (the create bin) rather than the npm coordinates, so projects generated
   * before the package moved to its scope read the same.
   */
  name: "create-backend-starter",
  /** The npm package that ships this generator: what `npx --package` must name. */
  package: PACKAGE.name,
  version: PACKAGE.version,
} as const;

/**
 * How a user runs `backend-starter` from inside a generated project. The bare
 * `npx backend-starter` would fetch an unrelated package of that name from npm.
 */
export const PROJECT_COMMAND = `npx --package ${GENERATOR.package} backend-starter`;
