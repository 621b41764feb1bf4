/**
 * "Did you mean": the known name closest to a misspelt one, when it is close
 * enough to be a typo. Shared by the exemption checks (policy and setting
 * names) and the Kubernetes schema errors (field names). Pure.
 */
import { distance } from "fastest-levenshtein";

/** The largest edit distance still read as a misspelling of `word`: a third of its length, at least 2. */
export function typoLimit(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}

/**
 * The first of `names` at the smallest edit distance from `word` (case ignored),
 * when that distance is within {@link typoLimit}; otherwise undefined.
 */
export function closest(word: string, names: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = typoLimit(word);
  let best: string | undefined;
  let bestD = limit + 1;
  for (const name of names) {
    const n = name.toLowerCase();
    // The distance is at least the difference in length: a name that far off cannot beat the best so
    // far (at first, one past the limit), so it is not compared.
    if (Math.abs(n.length - w.length) >= bestD) continue;
    const d = distance(w, n);
    if (d < bestD) {
      best = name;
      bestD = d;
    }
  }
  return best;
}
