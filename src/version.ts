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

export const GENERATOR = readPackageJson();
