// Text for the user: the answers summary, the dry-run listing, next steps.
import type { ProjectNames } from "../names.js";
import { type Answers, ANSWER_KEYS, OPTIONS } from "../options.js";
import type { Plan } from "../plan.js";
import type { Target } from "./target.js";

function shownValue(key: keyof Answers, answers: Answers): string {
  const value = answers[key];
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.join(", ");
  const option = OPTIONS[key];
  if (option.kind === "choice") return option.choices.find((c) => c.value === value)?.label ?? String(value);
  return String(value);
}

export function summary(names: ProjectNames, answers: Answers): string {
  const rows: Array<[string, string]> = [
    ["Name", `${names.dist} (package ${names.pkg})`],
    ...ANSWER_KEYS.map((key): [string, string] => [OPTIONS[key].label, shownValue(key, answers)]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n");
}

export function planListing(target: Target, plan: Plan): string {
  const lines = [...plan].map(([path, content]) => `  ${path} (${content.length} bytes)`);
  return `Dry run: would write ${plan.size} files to ${target.shown}; nothing was written.\n${lines.join("\n")}`;
}
