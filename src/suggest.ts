// "Did you mean ...?" for mistyped flags, values, presets and answer keys.

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The closest candidate within a few edits, or one that starts with the input
 * ("over" -> overwrite) or that the input starts with ("github-actions" -> github).
 * Case is no edit: every flag and value is lower case, so "MySQL" -> mysql.
 */
export function closest(given: string, candidates: readonly string[]): string | undefined {
  const input = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const prefix = candidate.startsWith(input) || (candidate.length >= 3 && input.startsWith(candidate));
    const d = prefix ? 0.5 : distance(input, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}
