/** PromQL text helpers shared by the rule builders. Pure. */

/** A number as PromQL text, without floating-point noise: 14.4 × 0.001 → `0.0144`. */
export function promNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}
