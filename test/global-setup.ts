// The CLI tests run the built bin, so build once before any test file: the
// whole build, since the bin's templates come precompiled from it (src/render/built.ts).
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
}
