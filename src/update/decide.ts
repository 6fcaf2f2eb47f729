// What `update` does with one file, from three versions: B the clean base of
// the last generation, O the user's file now, T the new render (null = absent).
// Pure; the merge itself happens in plan.ts.
import type { FilePolicy } from "../plan.js";

export type Decision =
  /** Nothing to write: O stays as it is (no change, or only the user changed it). */
  | { readonly kind: "keep"; readonly report?: "user-deleted" | "edited-dropped" }
  /** Write T: a new file, or an update of a file the user did not touch. */
  | { readonly kind: "write"; readonly report: "added" | "updated" }
  /** Remove O: the templates dropped a file the user did not touch. */
  | { readonly kind: "delete" }
  /** Both sides changed a text file: three-way merge (B may be absent: both added). */
  | { readonly kind: "merge" }
  /** Both sides changed a binary file: keep O, write T beside it as <file>.new. */
  | { readonly kind: "binary-conflict" };

function same(a: Buffer | null, b: Buffer | null): boolean {
  return a === null ? b === null : b !== null && a.equals(b);
}

export function isBinary(content: Buffer): boolean {
  return content.includes(0);
}

export function decide(b: Buffer | null, o: Buffer | null, t: Buffer | null, policy: FilePolicy): Decision {
  if (policy === "once") {
    // Created once, then the user's: only a file that never existed is written.
    return o === null && b === null && t !== null ? { kind: "write", report: "added" } : { kind: "keep" };
  }
  if (policy === "managed") {
    if (same(o, t)) return { kind: "keep" };
    return t === null ? { kind: "delete" } : { kind: "write", report: o === null ? "added" : "updated" };
  }
  if (same(o, t)) return { kind: "keep" };
  if (o === null) {
    // Absent now but in the base: the user deleted it, and it stays deleted.
    if (b !== null) return { kind: "keep", report: "user-deleted" };
    return { kind: "write", report: "added" };
  }
  if (same(o, b)) return t === null ? { kind: "delete" } : { kind: "write", report: "updated" };
  // O was edited (or created by the user where the templates now add a file).
  if (same(t, b)) return { kind: "keep" };
  if (t === null) return { kind: "keep", report: "edited-dropped" };
  if (isBinary(o) || isBinary(t) || (b !== null && isBinary(b))) return { kind: "binary-conflict" };
  return { kind: "merge" };
}
