// A rendered project as data, shared by the renderer (which makes plans) and the
// writers and manifest (which store them): kept apart from both so neither
// depends on the other.

/** Project-relative path -> file bytes. */
export type Plan = Map<string, Buffer>;

/** How `update` treats a file: three-way merge, create only if missing, or always regenerate. */
export type FilePolicy = "merge" | "once" | "managed";

/** Sorted copy, so plans compare and print the same whatever the layer order. */
export function sortedPlan(plan: Plan): Plan {
  return new Map([...plan.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
