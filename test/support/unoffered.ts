// Every value in the option table is offered today, but the mechanism that
// refuses a value not offered yet stays for the next one. Tests prove it on a
// copy of the table in which they mark a value unavailable, by mocking the
// options module, so src/ needs no test seam:
//
//   vi.mock("../../src/options.js", async (importOriginal) => {
//     const { withUnoffered } = await import("../support/unoffered.js");
//     return withUnoffered(await importOriginal(), "auth", "oauth");
//   });
//
// Every module that imports options.js (rules engine, flag parsing, --help,
// prompts, answers files, update) then reads the copy, in that test file only.
import type * as Options from "../../src/options.js";
import type { AnswerKey, OptionSpec } from "../../src/options.js";

type OptionsModule = typeof Options;

/** The answers whose values are choices (a boolean option has no value to mark). */
type ChoiceAnswer = { [K in AnswerKey]: OptionsModule["OPTIONS"][K]["kind"] extends "boolean" ? never : K }[AnswerKey];

/** The options module with `key`'s choice `value` marked `available: false`; nothing else changes. */
export function withUnoffered(actual: OptionsModule, key: ChoiceAnswer, value: string): OptionsModule {
  const option = actual.OPTIONS[key];
  if (!option.choices.some((c) => c.value === value)) throw new Error(`${key} has no value ${value} to mark unavailable`);
  const choices = option.choices.map((c) => (c.value === value ? { ...c, available: false } : c));
  // The copy keeps the table's shape; only one choice's `available` differs from its declared literal.
  const OPTIONS = { ...actual.OPTIONS, [key]: { ...option, choices } } as unknown as OptionsModule["OPTIONS"];
  // The exported list of those choices (AUTH_METHODS for auth, ...) is swapped for the copy too.
  const lists = Object.fromEntries(Object.entries(actual).filter(([, list]) => list === option.choices).map(([name]) => [name, choices]));
  return { ...actual, ...lists, OPTIONS, optionSpec: (k: AnswerKey): OptionSpec => OPTIONS[k] };
}
