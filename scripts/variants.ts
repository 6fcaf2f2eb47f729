// The snapshot of every offered combination, in a form a reviewer can read:
// each output path is stored once, as one file holding all its variants. Lines
// every variant shares appear once, plainly; lines only some combinations
// render sit in a block that names the answers which select them:
//
//   %%% if ci=github
//   ## Continuous integration
//   %%% end
//
// So a template edit shows in `git diff` once, as the edited line, however many
// combinations render it. An index (one line per path) says when each path is
// rendered and which answers its content depends on.
//
// Nothing here knows the option table: keys come from Object.keys(answers).
import { diffArrays } from "diff";
import { sha256 } from "../src/io/hash.js";

/** One rendered combination: its answers and its files (path -> content). */
export interface RenderedCombination {
  readonly answers: object;
  readonly files: ReadonlyMap<string, Buffer>;
}

export interface PathEntry {
  /** Which answers render this path: labels joined by " | ", or "*" for every combination. */
  readonly renderedWhen: string;
  /** The answer keys this path's content depends on (where it is rendered), in table order. */
  readonly contentDependsOn: readonly string[];
  /** How many distinct contents the path has. */
  readonly variants: number;
}

/** Output path -> when it is rendered. */
export type VariantIndex = Readonly<Record<string, PathEntry>>;

export interface VariantSnapshot {
  readonly index: VariantIndex;
  /** Output path -> the file with all its variants folded in. */
  readonly files: ReadonlyMap<string, string>;
}

/** The condition that holds for every combination. */
export const EVERY_COMBINATION = "*";
const MARKER = "%%%";
const BLOCK_START = `${MARKER} if `;
const BLOCK_END = `${MARKER} end`;
const OR = " | ";

// Labels are split on " ", "=" and " | " when read back, so those characters
// (and "%", the escape itself) are percent-encoded in keys and values, as
// two hex digits, which decodeURIComponent reads back.
function encode(text: string): string {
  return text.replace(/[ \t\n\r\f\v=|%]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

function valueLabel(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(valueLabel).join("+");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// Labels are computed for every combination and key many times over (the
// search for deciding keys, the test's read-back), so each pair is built once.
const pairCache = new WeakMap<object, Map<string, string>>();

function pair(answers: object, key: string): string {
  let pairs = pairCache.get(answers);
  if (!pairs) pairCache.set(answers, (pairs = new Map()));
  let label = pairs.get(key);
  if (label === undefined) {
    label = `${encode(key)}=${encode(valueLabel((answers as Record<string, unknown>)[key]))}`;
    pairs.set(key, label);
  }
  return label;
}

/** "db=postgres auth=jwt": the values of the given keys in one combination. */
export function answersLabel(answers: object, keys: readonly string[]): string {
  if (keys.length === 0) return EVERY_COMBINATION;
  return keys.map((key) => pair(answers, key)).join(" ");
}

interface ParsedCondition {
  readonly keys: readonly string[];
  readonly labels: ReadonlySet<string>;
}

const parsedConditions = new Map<string, ParsedCondition>();

/** "db=postgres auth=jwt | db=sqlite auth=jwt": which keys it tests, and the labels that satisfy it. */
function parseCondition(condition: string): ParsedCondition {
  let parsed = parsedConditions.get(condition);
  if (!parsed) {
    const labels = condition.split(OR);
    const first = labels[0] ?? "";
    const keys = first === EVERY_COMBINATION ? [] : first.split(" ").map((p) => decodeURIComponent(p.slice(0, p.indexOf("="))));
    parsed = { keys, labels: new Set(labels) };
    parsedConditions.set(condition, parsed);
  }
  return parsed;
}

export function conditionHolds(condition: string, answers: object): boolean {
  const { keys, labels } = parseCondition(condition);
  return labels.has(answersLabel(answers, keys));
}

function determines(combos: readonly RenderedCombination[], results: readonly string[], keys: readonly string[]): boolean {
  const seen = new Map<string, string>();
  for (const [i, combo] of combos.entries()) {
    const label = answersLabel(combo.answers, keys);
    const result = results[i] as string;
    const before = seen.get(label);
    if (before !== undefined && before !== result) return false;
    seen.set(label, result);
  }
  return true;
}

/**
 * A minimal set of answer keys whose values decide results[i] for combos[i]:
 * start from all keys and drop each one that is not needed. Keys are tried in
 * table order, so the result is deterministic.
 */
export function decidingKeys(combos: readonly RenderedCombination[], results: readonly string[], allKeys: readonly string[]): string[] {
  let keys = [...allKeys];
  for (const key of allKeys) {
    const without = keys.filter((k) => k !== key);
    if (determines(combos, results, without)) keys = without;
  }
  return keys;
}

/** The combinations for which holds[i] is true, as the fewest answers that say so. */
function condition(combos: readonly RenderedCombination[], holds: readonly boolean[], allKeys: readonly string[]): string {
  const keys = decidingKeys(combos, holds.map(String), allKeys);
  const labels = new Set<string>();
  for (const [i, combo] of combos.entries()) if (holds[i]) labels.add(answersLabel(combo.answers, keys));
  return [...labels].join(OR);
}

interface FoldedLine {
  readonly text: string;
  /** The variants (indices into the distinct contents) that have this line here. */
  readonly variants: Set<number>;
}

/**
 * One line sequence that holds every variant as a subsequence: each variant in
 * turn is diffed against the lines so far; shared lines gain the variant, its
 * other lines are inserted where the diff puts them.
 */
function foldVariants(contents: readonly string[]): FoldedLine[] {
  let folded: FoldedLine[] = [];
  for (const [variant, content] of contents.entries()) {
    const next: FoldedLine[] = [];
    let at = 0;
    for (const change of diffArrays(folded.map((l) => l.text), content.split("\n"))) {
      if (change.added) {
        for (const text of change.value) next.push({ text, variants: new Set([variant]) });
        continue;
      }
      for (const line of folded.slice(at, at + change.value.length)) {
        if (!change.removed) line.variants.add(variant);
        next.push(line);
      }
      at += change.value.length;
    }
    folded = next;
  }
  return folded;
}

/** A content line that looks like a marker is written with one more "%". */
function escapeLine(text: string): string {
  return text.startsWith(MARKER) ? `%${text}` : text;
}

function unescapeLine(text: string): string {
  return text.startsWith(`${MARKER}%`) ? text.slice(1) : text;
}

function foldedFile(combos: readonly RenderedCombination[], path: string, allKeys: readonly string[]): { text: string; variants: number; dependsOn: string[] } {
  const texts = combos.map(({ files }) => {
    const content = files.get(path) as Buffer;
    const text = content.toString("utf8");
    // Lines are compared as text; a binary file needs its own snapshot form.
    if (!Buffer.from(text, "utf8").equals(content)) throw new Error(`${path} is not UTF-8 text: leave it out of the variants`);
    return text;
  });
  const hashes = texts.map((text) => sha256(text));
  const distinct = [...new Set(hashes)];
  const variantOf = hashes.map((hash) => distinct.indexOf(hash));
  const contents = distinct.map((hash) => texts[hashes.indexOf(hash)] as string);
  const out: string[] = [];
  let block: { key: string; lines: string[] } | undefined;
  const flush = (): void => {
    if (!block) return;
    const members = new Set(block.key.split(",").map(Number));
    const holds = variantOf.map((v) => members.has(v));
    out.push(`${BLOCK_START}${condition(combos, holds, allKeys)}`, ...block.lines, BLOCK_END);
    block = undefined;
  };
  for (const line of foldVariants(contents)) {
    const text = escapeLine(line.text);
    if (line.variants.size === contents.length) {
      flush();
      out.push(text);
      continue;
    }
    const key = [...line.variants].sort((a, b) => a - b).join(",");
    if (block?.key !== key) {
      flush();
      block = { key, lines: [] };
    }
    block.lines.push(text);
  }
  flush();
  return { text: out.join("\n"), variants: contents.length, dependsOn: decidingKeys(combos, hashes, allKeys) };
}

/** The content a combination renders for a path, read back from its folded file. */
export function unfold(folded: string, answers: object): string {
  const out: string[] = [];
  let selected = true;
  for (const line of folded.split("\n")) {
    if (line.startsWith(BLOCK_START)) selected = conditionHolds(line.slice(BLOCK_START.length), answers);
    else if (line === BLOCK_END) selected = true;
    else if (selected) out.push(unescapeLine(line));
  }
  return out.join("\n");
}

function answerKeys(combos: readonly RenderedCombination[]): string[] {
  const keys = new Set<string>();
  for (const { answers } of combos) for (const key of Object.keys(answers)) keys.add(key);
  return [...keys];
}

/** Folds every rendered file of every combination into one file per path, plus the index. */
export function buildVariants(combos: readonly RenderedCombination[]): VariantSnapshot {
  const allKeys = answerKeys(combos);
  const paths = [...new Set(combos.flatMap(({ files }) => [...files.keys()]))].sort();
  const index: Record<string, PathEntry> = {};
  const files = new Map<string, string>();
  for (const path of paths) {
    const rendered = combos.map(({ files }) => files.has(path));
    const present = combos.filter((_, i) => rendered[i]);
    const folded = foldedFile(present, path, allKeys);
    files.set(path, folded.text);
    index[path] = { renderedWhen: condition(combos, rendered, allKeys), contentDependsOn: folded.dependsOn, variants: folded.variants };
  }
  return { index, files };
}

/** JSON with one line per path, so a change in when a path is rendered shows as one line. */
export function formatIndex(index: VariantIndex): string {
  const lines = Object.entries(index).map(([path, entry]) => `  ${JSON.stringify(path)}: ${JSON.stringify(entry)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}
