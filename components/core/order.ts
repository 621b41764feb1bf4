/**
 * One string order for everything paved sorts into a resource graph, a rule register or a report.
 *
 * `String.prototype.localeCompare` orders by the machine's locale, which ICU takes from `LANG`:
 * in Danish "aa" sorts after "z" (it is "å") and "Web" before "web", in English the other way.
 * NACL rule numbers resolve a hash collision in id order, so the same program would get other
 * rule numbers (a replacement of those rules) on a machine with another locale, and the register
 * and the reports another order. This compares UTF-16 code units, as `Array.prototype.sort`
 * does by default: the same on every machine.
 *
 * Text sorted for people in a fixed locale (`localeCompare(b, "en", { numeric: true })`) is
 * deterministic too and may keep it.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
