/**
 * Tier slots: inserting or reordering tiers never moves an existing subnet.
 * Pure planner, no Pulumi; the property tests use fast-check.
 */
import fc from "fast-check";
import { DEFAULT_CHANGE_TICKET_PATTERN } from "../../../components/core/governance";
import { NetworkPlan, NetworkPlanInput, tryPlanNetwork } from "../../../components/aws/network/plan";
import { resolveTierSlots } from "../../../components/aws/network/slots";
import { DEFAULT_TIERS, TierRouting, TierSpec } from "../../../components/aws/network/types";

function input(tiers: readonly TierSpec[], over: Partial<NetworkPlanInput> = {}): NetworkPlanInput {
  return {
    vpcCidr: "10.0.0.0/16",
    tiers,
    azCount: 2,
    nat: "none",
    ipv6: false,
    flows: [],
    gatewayEndpoints: [],
    interfaceEndpoints: [],
    ticketPattern: DEFAULT_CHANGE_TICKET_PATTERN,
    ...over,
  };
}

/** Every tier's subnets (IPv4 and IPv6 index) by name. */
function layout(plan: NetworkPlan): Record<string, string[]> {
  return Object.fromEntries(
    plan.tiers.map((t) => [t.name, t.subnets.map((s) => `${s.cidr} ${s.ipv6Index ?? "-"}`)]),
  );
}

const codes = (tiers: readonly TierSpec[]) => tryPlanNetwork(input(tiers)).problems.map((p) => p.code);

describe("tier slots", () => {
  test("without slots the layout is the list's order, as before slots existed", () => {
    const tiers: TierSpec[] = DEFAULT_TIERS.map(({ name, cidrMask, routing }) => ({
      name,
      cidrMask,
      routing,
    }));
    const a = tryPlanNetwork(input(tiers)).plan!;
    const b = tryPlanNetwork(input(DEFAULT_TIERS)).plan!;
    expect(layout(a)).toEqual(layout(b));
    expect(layout(a).public).toEqual(["10.0.0.0/24 -", "10.0.1.0/24 -"]);
    expect(layout(a).app[0]).toMatch(/^10\.0\.64\.0\/20/);
  });

  test("a tier inserted at the top of the list with the next slot moves nothing", () => {
    const before = tryPlanNetwork(input(DEFAULT_TIERS)).plan!;
    const after = tryPlanNetwork(
      input([{ name: "cache", cidrMask: 24, routing: "nat", slot: 4 }, ...DEFAULT_TIERS]),
    ).plan!;
    const { cache, ...rest } = layout(after);
    expect(rest).toEqual(layout(before));
    expect(cache).toHaveLength(2);
    expect(after.tiers.find((t) => t.name === "cache")!.slot).toBe(4);
  });

  test("two tiers in one slot are refused, naming both", () => {
    const r = tryPlanNetwork(
      input([...DEFAULT_TIERS, { name: "cache", cidrMask: 24, routing: "nat", slot: 1 }]),
    );
    expect(r.problems.map((p) => p.code)).toEqual(["PAVED_TIER_SLOT_COLLISION"]);
    expect(r.problems[0].problem).toBe('1 is also tier "app"\'s slot');
    expect(r.problems[0].fix).toMatch(/next free one \(4\)/);
  });

  test("a tier without a slot collides with an explicit slot at its position", () => {
    expect(
      codes([
        { name: "public", cidrMask: 24, routing: "internet", slot: 1 },
        { name: "app", cidrMask: 20, routing: "nat" },
      ]),
    ).toEqual(["PAVED_TIER_SLOT_COLLISION"]);
  });

  test("a gap is refused: a tier added there later would move the tiers above", () => {
    const r = tryPlanNetwork(
      input([
        { name: "public", cidrMask: 24, routing: "internet", slot: 0 },
        { name: "data", cidrMask: 24, routing: "none", slot: 2 },
      ]),
    );
    expect(r.problems.map((p) => p.code)).toEqual(["PAVED_TIER_SLOT_GAP"]);
    expect(r.problems[0].problem).toBe('slot 1 is empty: a tier added there later would move tier "data"');
  });

  test.each([-1, 1.5, 64, "2"])("slot %p is refused", (slot) => {
    expect(codes([{ name: "public", cidrMask: 24, routing: "internet", slot: slot as number }])).toContain(
      "PAVED_TIER_SLOT",
    );
  });

  test("tiers without slots out of their natural order get a warning with the pins to copy", () => {
    const w = resolveTierSlots([
      { name: "public", cidrMask: 24, routing: "internet" },
      { name: "data", cidrMask: 24, routing: "none" },
      { name: "cache", cidrMask: 24, routing: "nat" },
    ]).warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/not in its natural order/);
    expect(w[0]).toMatch(/\(public: 0, data: 1, cache: 2\)/);
    expect(tryPlanNetwork(input(DEFAULT_TIERS)).warnings).toEqual([]);
    // Natural order, or every tier pinned: no warning.
    expect(resolveTierSlots(DEFAULT_TIERS.map(({ slot: _, ...t }) => t)).warnings).toEqual([]);
    expect(
      resolveTierSlots([
        { name: "data", cidrMask: 24, routing: "none", slot: 1 },
        { name: "public", cidrMask: 24, routing: "internet", slot: 0 },
      ]).warnings,
    ).toEqual([]);
  });
});

const ROUTINGS: TierRouting[] = ["internet", "nat", "none"];
const tierArb = (name: string) =>
  fc.record({
    name: fc.constant(name),
    cidrMask: fc.integer({ min: 22, max: 28 }),
    routing: fc.constantFrom(...ROUTINGS),
  });
const NAMES = ["public", "app", "data", "intra", "cache", "mgmt", "edge", "batch"];

/** A base network: 1..6 tiers with slots 0..n-1 given in a random order, optionally dual stack. */
const baseArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.record({
      tiers: fc.tuple(...NAMES.slice(0, n).map(tierArb)),
      slots: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      ipv6: fc.boolean(),
    }),
  )
  .map(({ tiers, slots, ipv6 }) => ({
    tiers: tiers.map((t, i) => ({ ...t, slot: slots[i] })) as TierSpec[],
    ipv6,
  }));

describe("tier slots (properties)", () => {
  test("reordering the list never changes any tier's CIDRs", () => {
    fc.assert(
      fc.property(baseArb, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), ({ tiers, ipv6 }, keys) => {
        const before = tryPlanNetwork(input(tiers, { ipv6 }));
        fc.pre(before.plan !== undefined);
        // A permutation: sort by random keys (index breaks ties).
        const shuffled = tiers
          .map((t, i) => ({ t, k: keys[i] * 8 + i }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.t);
        const after = tryPlanNetwork(input(shuffled, { ipv6 }));
        expect(after.plan).toBeDefined();
        expect(layout(after.plan!)).toEqual(layout(before.plan!));
      }),
      { numRuns: 200 },
    );
  });

  test("adding a tier (any slot, anywhere in the list) either is refused or keeps every existing CIDR", () => {
    fc.assert(
      fc.property(
        baseArb,
        tierArb("added"),
        fc.integer({ min: 0, max: 8 }),
        fc.nat(),
        ({ tiers, ipv6 }, added, slot, at) => {
          const before = tryPlanNetwork(input(tiers, { ipv6 }));
          fc.pre(before.plan !== undefined);
          const list = [...tiers];
          list.splice(at % (list.length + 1), 0, { ...added, slot } as TierSpec);
          const after = tryPlanNetwork(input(list, { ipv6 }));
          if (!after.plan) {
            // Refused: the slot collides, leaves a gap, or the VPC is full.
            expect(after.problems.length).toBeGreaterThan(0);
            return;
          }
          expect(slot).toBe(tiers.length);
          const { added: _, ...existing } = layout(after.plan);
          expect(existing).toEqual(layout(before.plan!));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("adding and reordering together keeps every existing CIDR", () => {
    fc.assert(
      fc.property(baseArb, tierArb("added"), ({ tiers, ipv6 }, added) => {
        const before = tryPlanNetwork(input(tiers, { ipv6 }));
        fc.pre(before.plan !== undefined);
        const list = [{ ...added, slot: tiers.length } as TierSpec, ...[...tiers].reverse()];
        const after = tryPlanNetwork(input(list, { ipv6 }));
        fc.pre(after.plan !== undefined); // the VPC may be full
        const { added: _, ...existing } = layout(after.plan!);
        expect(existing).toEqual(layout(before.plan!));
      }),
      { numRuns: 200 },
    );
  });
});
