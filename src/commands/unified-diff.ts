// One file's change as a patch `git apply` takes: /dev/null on the side that
// does not exist, so a deletion deletes the file instead of emptying it.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";

async function current(root: string, path: string): Promise<string | null> {
  return readFile(join(root, path), "utf8").catch(() => null);
}

/** git checks a deleted file's mode against the patch: name the one it has. */
async function gitMode(root: string, path: string): Promise<string> {
  const info = await stat(join(root, path)).catch(() => null);
  return info !== null && (info.mode & 0o111) !== 0 ? "100755" : "100644";
}

export async function unifiedDiff(root: string, path: string, content: Buffer | null): Promise<string> {
  const before = await current(root, path);
  const after = content === null ? null : content.toString("utf8");
  if (before === after || (before === null && after === null)) return "";
  const patch = createTwoFilesPatch(
    before === null ? "/dev/null" : `a/${path}`,
    after === null ? "/dev/null" : `b/${path}`,
    before ?? "",
    after ?? "",
    undefined,
    undefined,
    { context: 3 },
  );
  const header = `diff --git a/${path} b/${path}\n${before === null ? "new file mode 100644\n" : ""}${after === null ? `deleted file mode ${await gitMode(root, path)}\n` : ""}`;
  return header + patch.replace(/^=+\n/, "");
}
