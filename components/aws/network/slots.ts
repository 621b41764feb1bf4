/**
 * Tier slots: where each tier sits in the VPC, independent of the order the
 * tiers are listed in. Pure: no Pulumi.
 *
 * The CIDR planner (core/cidr.ts) lays tier blocks out one after the other.
 * SegmentedNetwork feeds it the tiers sorted by slot, so a tier's block
 * depends only on the tiers with lower slots, never on the list order:
 * - a tier's slot is its `slot`, or its position in the list when unset (so
 *   a network declared before slots existed keeps every CIDR);
 * - slots are unique and contiguous from 0. A collision is refused, and so is
 *   a gap: a tier added later in the gap would move every tier above it.
 * So listing the tiers in another order never moves a subnet, and a new tier
 * can only take the next free slot (above every existing one): appending is
 * the only change the validation lets through without a new slot number for
 * an existing tier, which is the user saying so.
 *
 * The IPv6 /64s follow the slot too (`slot × reservedAzs + az`).
 */
import type { ValidationProblem } from "../../core/errors";
import type { TierRouting, TierSpec } from "./types";

/** The highest slot: 64 tiers × 4 AZ slots fill the 256 IPv6 /64s of a /56. */
export const MAX_TIER_SLOT = 63;

/** The routing order a list without slots is expected in: public, then private, then isolated tiers. */
const NATURAL_ORDER: Record<TierRouting, number> = { internet: 0, nat: 1, none: 2 };

/** The result of {@link resolveTierSlots}. */
export interface TierSlots {
  /** Each tier's slot, by name. */
  readonly slotOf: ReadonlyMap<string, number>;
  /** The tiers sorted by slot: the order the CIDR planner lays them out in. */
  readonly layout: readonly TierSpec[];
  readonly problems: ValidationProblem[];
  /** Advice that does not stop the plan (the component logs it as a warning). */
  readonly warnings: string[];
}

/** Resolves, checks and explains the tiers' slots. */
export function resolveTierSlots(tiers: readonly TierSpec[]): TierSlots {
  const problems: ValidationProblem[] = [];
  const warnings: string[] = [];
  const slotOf = new Map<string, number>();
  const bySlot = new Map<number, string>();
  const collisions: { i: number; slot: number; other: string; implicit: boolean }[] = [];
  tiers.forEach((t, i) => {
    const given = (t as { slot?: unknown }).slot;
    if (
      given !== undefined &&
      (!Number.isInteger(given) || (given as number) < 0 || (given as number) > MAX_TIER_SLOT)
    ) {
      problems.push({
        arg: `tiers[${i}].slot`,
        problem: `${JSON.stringify(given)} is not a slot`,
        fix: `use a whole number 0..${MAX_TIER_SLOT}: the tier's place in the VPC`,
        code: "PAVED_TIER_SLOT",
      });
      return;
    }
    const slot = (given as number | undefined) ?? i;
    const other = bySlot.get(slot);
    if (other !== undefined) {
      collisions.push({ i, slot, other, implicit: given === undefined });
      return;
    }
    bySlot.set(slot, t.name);
    slotOf.set(t.name, slot);
  });
  let free = 0;
  while (bySlot.has(free)) free++;
  for (const c of collisions) {
    problems.push({
      arg: `tiers[${c.i}].slot`,
      problem: `${c.slot}${c.implicit ? " (its position in the list)" : ""} is also tier "${c.other}"'s slot`,
      fix: `give each tier its own slot; a new tier takes the next free one (${free}), so no existing subnet moves`,
      code: "PAVED_TIER_SLOT_COLLISION",
    });
    free++;
    while (bySlot.has(free)) free++;
  }
  if (problems.length === 0) {
    const max = Math.max(-1, ...bySlot.keys());
    for (let k = 0; k <= max; k++) {
      if (bySlot.has(k)) continue;
      const above = [...bySlot].filter(([s]) => s > k).map(([, n]) => n);
      problems.push({
        arg: "tiers",
        problem: `slot ${k} is empty: a tier added there later would move tier${above.length > 1 ? "s" : ""} "${above.join('", "')}"`,
        fix: `number the slots 0..${bySlot.size - 1} with no gap (changing a tier's slot moves its subnets: do it only on purpose)`,
        code: "PAVED_TIER_SLOT_GAP",
      });
    }
  }
  const unslotted = tiers.filter((t) => (t as { slot?: unknown }).slot === undefined);
  if (unslotted.length > 0) {
    const rank = (t: TierSpec) => NATURAL_ORDER[t.routing] ?? 0;
    const natural = tiers.every((t, i) => i === 0 || rank(tiers[i - 1]) <= rank(t));
    if (!natural) {
      const pins = tiers.map((t) => `${t.name}: ${slotOf.get(t.name) ?? "?"}`).join(", ");
      warnings.push(
        `tiers ${unslotted.map((t) => `"${t.name}"`).join(", ")} have no slot and the list is not in its natural order (routing internet, then nat, then none): their place in the VPC is their position, so inserting a tier where it belongs would move subnets; pin the current layout with a slot on every tier (${pins})`,
      );
    }
  }
  const layout =
    problems.length === 0
      ? [...tiers].sort((a, b) => (slotOf.get(a.name) ?? 0) - (slotOf.get(b.name) ?? 0))
      : [...tiers];
  return { slotOf, layout, problems, warnings };
}
