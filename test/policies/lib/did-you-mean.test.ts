import fc from "fast-check";
import { closest, typoLimit } from "../../../policies/lib/did-you-mean";

/** The plain definition: edit distance by dynamic programming, the first name at the smallest one. */
function reference(word: string, names: readonly string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  };
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = dist(word.toLowerCase(), n.toLowerCase());
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= typoLimit(word) ? best : undefined;
}

describe("closest (did you mean)", () => {
  test("a misspelling gets the nearest known name, case ignored", () => {
    expect(closest("replcas", ["replicas", "selector", "template"])).toBe("replicas");
    expect(closest("ServiceAccountname", ["serviceAccountName", "nodeName"])).toBe("serviceAccountName");
  });

  test("nothing close enough: undefined (a third of the length, at least 2 edits)", () => {
    expect(typoLimit("abc")).toBe(2);
    expect(typoLimit("automountServiceAccountToken")).toBe(9);
    expect(closest("xyz", ["replicas", "selector"])).toBeUndefined();
    expect(closest("anything", [])).toBeUndefined();
  });

  test("a tie goes to the first name listed", () => {
    expect(closest("cat", ["bat", "cap"])).toBe("bat");
    expect(closest("cat", ["cap", "bat"])).toBe("cap");
  });

  test("agrees with the plain definition on generated names (the length shortcut changes nothing)", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "A", "-"), maxLength: 12 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (w, names) => {
        expect(closest(w, names)).toBe(reference(w, names));
      }),
      { numRuns: 500 },
    );
  });
});
