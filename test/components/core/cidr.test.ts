import fc from "fast-check";
import {
  classifyCidr,
  cidrContains,
  cidrsOverlap,
  CidrPlanInput,
  ipv6SubnetCidr,
  parseCidr,
  planCidrs,
  tryPlanCidrs,
  ParsedCidr,
} from "../../../components/core/cidr";
import { PavedValidationError } from "../../../components/core/errors";

const TIERS = [
  { name: "public", cidrMask: 24 },
  { name: "app", cidrMask: 20 },
  { name: "data", cidrMask: 22 },
  { name: "intra", cidrMask: 24 },
];

function codes(input: CidrPlanInput): string[] {
  return tryPlanCidrs(input).problems.map((p) => p.code);
}

describe("planCidrs layout", () => {
  test("places each tier's subnets in its own aligned block, AZ by AZ", () => {
    const plan = planCidrs({ vpcCidr: "10.0.0.0/16", tiers: TIERS, azCount: 3 });
    expect(plan.subnets.map((s) => `${s.tier}/${s.azIndex} ${s.cidr}`)).toEqual([
      "public/0 10.0.0.0/24",
      "public/1 10.0.1.0/24",
      "public/2 10.0.2.0/24",
      "app/0 10.0.64.0/20",
      "app/1 10.0.80.0/20",
      "app/2 10.0.96.0/20",
      "data/0 10.0.128.0/22",
      "data/1 10.0.132.0/22",
      "data/2 10.0.136.0/22",
      "intra/0 10.0.144.0/24",
      "intra/1 10.0.145.0/24",
      "intra/2 10.0.146.0/24",
    ]);
    expect(plan.blocks.map((b) => b.cidr)).toEqual([
      "10.0.0.0/22",
      "10.0.64.0/18",
      "10.0.128.0/20",
      "10.0.144.0/22",
    ]);
    expect(plan.slotsPerTier).toBe(4);
  });

  test("the same input always gives the same plan", () => {
    const input = { vpcCidr: "172.16.0.0/16", tiers: TIERS, azCount: 2, ipv6: true };
    expect(planCidrs(input)).toEqual(planCidrs(input));
  });

  test("assigns stable IPv6 /64 indexes, tier-major", () => {
    const plan = planCidrs({ vpcCidr: "10.0.0.0/16", tiers: TIERS.slice(0, 2), azCount: 2, ipv6: true });
    expect(plan.subnets.map((s) => s.ipv6Index)).toEqual([0, 1, 4, 5]);
    expect(ipv6SubnetCidr("2600:1f18:abcd:ef00::/56", 5)).toBe("2600:1f18:abcd:ef05::/64");
    expect(ipv6SubnetCidr("2600:1f18:abcd:ef00::/56", 255)).toBe("2600:1f18:abcd:efff::/64");
  });

  test("ipv6SubnetCidr refuses a range that is not a /56 and an index out of range", () => {
    expect(() => ipv6SubnetCidr("2600:1f18::/48", 0)).toThrow("is not an IPv6 /56");
    expect(() => ipv6SubnetCidr("2600:1f18:abcd:ef00::/56", 256)).toThrow("out of 0..255");
  });

  test("reports the free room left after the last tier", () => {
    const plan = planCidrs({ vpcCidr: "10.0.0.0/24", tiers: [{ name: "a", cidrMask: 28 }], azCount: 3 });
    expect(plan.freeAddresses).toBe(256n - 64n);
  });
});

describe("planCidrs errors", () => {
  test("a mask outside /16../28 names the tier and the allowed range", () => {
    let err: PavedValidationError | undefined;
    try {
      planCidrs(
        { vpcCidr: "10.0.0.0/16", tiers: [{ name: "data", cidrMask: 30 }], azCount: 3 },
        "SegmentedNetwork",
        "core",
      );
    } catch (e) {
      err = e as PavedValidationError;
    }
    expect(err?.message).toBe('SegmentedNetwork "core": tier "data" cidrMask 30 is too small; use 16..28');
    expect(err?.code).toBe("PAVED_CIDR_MASK_RANGE");
  });

  test("a subnet mask larger than the VPC is refused with the VPC's bound", () => {
    const { problems } = tryPlanCidrs({
      vpcCidr: "10.0.0.0/20",
      tiers: [{ name: "app", cidrMask: 18 }],
      azCount: 1,
    });
    expect(problems[0]).toMatchObject({ code: "PAVED_CIDR_MASK_RANGE", fix: "use 20..28" });
  });

  test("a VPC mask outside AWS limits", () => {
    expect(codes({ vpcCidr: "10.0.0.0/8", tiers: TIERS, azCount: 3 })).toContain("PAVED_CIDR_MASK_RANGE");
    expect(codes({ vpcCidr: "10.0.0.0/29", tiers: [{ name: "a", cidrMask: 28 }], azCount: 1 })).toContain(
      "PAVED_CIDR_MASK_RANGE",
    );
  });

  test("an invalid or unaligned VPC range, with the aligned range as the fix", () => {
    expect(codes({ vpcCidr: "10.0.0.300/16", tiers: TIERS, azCount: 3 })).toEqual(["PAVED_CIDR_INVALID"]);
    expect(codes({ vpcCidr: "2600::/56", tiers: TIERS, azCount: 3 })).toEqual(["PAVED_CIDR_INVALID"]);
    const { problems } = tryPlanCidrs({ vpcCidr: "10.0.1.0/16", tiers: TIERS, azCount: 3 });
    expect(problems[0]).toMatchObject({ code: "PAVED_CIDR_UNALIGNED", fix: "use 10.0.0.0/16" });
  });

  test("a range that overlaps a network to avoid", () => {
    const { problems } = tryPlanCidrs({
      vpcCidr: "10.0.0.0/16",
      tiers: TIERS,
      azCount: 3,
      avoid: ["192.168.0.0/16", "10.0.128.0/17"],
    });
    expect(problems).toEqual([
      expect.objectContaining({
        code: "PAVED_CIDR_OVERLAP",
        arg: "vpcCidr",
        problem: "10.0.0.0/16 overlaps 10.0.128.0/17 (avoid[1])",
      }),
    ]);
    expect(codes({ vpcCidr: "10.0.0.0/16", tiers: TIERS, azCount: 3, avoid: ["nope"] })).toEqual([
      "PAVED_CIDR_INVALID",
    ]);
  });

  test("tiers that do not fit", () => {
    const { problems } = tryPlanCidrs({
      vpcCidr: "10.0.0.0/20",
      tiers: [
        { name: "a", cidrMask: 22 },
        { name: "b", cidrMask: 22 },
      ],
      azCount: 3,
    });
    expect(problems.map((p) => [p.code, p.arg])).toEqual([["PAVED_CIDR_NO_ROOM", 'tier "b" cidrMask']]);
  });

  test("duplicate tiers, empty tiers, bad AZ counts", () => {
    expect(codes({ vpcCidr: "10.0.0.0/16", tiers: [TIERS[0], TIERS[0]], azCount: 1 })).toEqual([
      "PAVED_TIER_DUPLICATE",
    ]);
    expect(codes({ vpcCidr: "10.0.0.0/16", tiers: [], azCount: 1 })).toEqual(["PAVED_TIER_EMPTY"]);
    expect(codes({ vpcCidr: "10.0.0.0/16", tiers: TIERS, azCount: 0 })).toEqual(["PAVED_AZ_COUNT"]);
    expect(codes({ vpcCidr: "10.0.0.0/16", tiers: TIERS, azCount: 5 })).toEqual(["PAVED_AZ_COUNT"]);
    const small = TIERS.map((t) => ({ ...t, cidrMask: 24 }));
    expect(codes({ vpcCidr: "10.0.0.0/16", tiers: small, azCount: 5, reservedAzs: 8 })).toEqual([]);
    expect(planCidrs({ vpcCidr: "10.0.0.0/16", tiers: small, azCount: 5, reservedAzs: 6 }).slotsPerTier).toBe(
      8,
    );
    expect(codes({ vpcCidr: "10.0.0.0/16", tiers: TIERS, azCount: 1, reservedAzs: 0 })).toEqual([
      "PAVED_AZ_COUNT",
    ]);
  });

  test("too many IPv6 subnets for a /56", () => {
    const tiers = Array.from({ length: 17 }, (_, i) => ({ name: `t${i}`, cidrMask: 28 }));
    expect(codes({ vpcCidr: "10.0.0.0/16", tiers, azCount: 1, reservedAzs: 16, ipv6: true })).toEqual([
      "PAVED_CIDR_NO_ROOM",
    ]);
  });

  test("collects every problem at once", () => {
    expect(
      codes({
        vpcCidr: "10.0.0.0/8",
        tiers: [
          { name: "x", cidrMask: 29 },
          { name: "x", cidrMask: 24 },
        ],
        azCount: 9,
      }),
    ).toEqual(["PAVED_CIDR_MASK_RANGE", "PAVED_AZ_COUNT", "PAVED_CIDR_MASK_RANGE", "PAVED_TIER_DUPLICATE"]);
  });
});

describe("planCidrs properties", () => {
  const tierArb = fc.record({ name: fc.string(), cidrMask: fc.integer({ min: 20, max: 28 }) });
  const inputArb = fc.record({
    base: fc.integer({ min: 0, max: 255 }),
    vpcMask: fc.integer({ min: 16, max: 20 }),
    tiers: fc.uniqueArray(tierArb, { minLength: 1, maxLength: 6, selector: (t) => t.name }),
    azCount: fc.integer({ min: 1, max: 4 }),
  });
  const toInput = (x: {
    base: number;
    vpcMask: number;
    tiers: { name: string; cidrMask: number }[];
    azCount: number;
  }) => ({
    vpcCidr: `10.${x.base}.0.0/16`.replace("/16", `/${x.vpcMask}`),
    tiers: x.tiers,
    azCount: x.azCount,
  });
  // 10.x.0.0 is aligned for every mask from /16 down to /20.

  test("no two subnets overlap and every subnet lies inside the VPC", () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = toInput(x);
        const { plan } = tryPlanCidrs(input);
        if (!plan) return true; // a plan that does not fit is refused, checked elsewhere
        const vpc = parseCidr(input.vpcCidr) as ParsedCidr;
        const subnets = plan.subnets.map((s) => parseCidr(s.cidr) as ParsedCidr);
        for (let i = 0; i < subnets.length; i++) {
          if (!cidrContains(vpc, subnets[i])) return false;
          for (let j = i + 1; j < subnets.length; j++) if (cidrsOverlap(subnets[i], subnets[j])) return false;
        }
        return plan.subnets.length === input.tiers.length * input.azCount;
      }),
      { numRuns: 300 },
    );
  });

  test("adding a tier at the end never moves an existing subnet", () => {
    fc.assert(
      fc.property(inputArb, tierArb, (x, extra) => {
        const input = toInput(x);
        const before = tryPlanCidrs(input).plan;
        const after = tryPlanCidrs({
          ...input,
          tiers: [...input.tiers, { ...extra, name: `${extra.name}#new` }],
        }).plan;
        if (!before || !after) return true;
        return before.subnets.every(
          (s, i) => after.subnets[i].cidr === s.cidr && after.subnets[i].tier === s.tier,
        );
      }),
      { numRuns: 300 },
    );
  });

  test("raising the AZ count never moves an existing subnet", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 3 }), (x, more) => {
        const input = toInput(x);
        const azCount = Math.min(4, input.azCount + more);
        const before = tryPlanCidrs(input).plan;
        const after = tryPlanCidrs({ ...input, azCount }).plan;
        if (!before || !after) return true;
        const key = (s: { tier: string; azIndex: number }) => `${s.tier}/${s.azIndex}`;
        const afterByKey = new Map(after.subnets.map((s) => [key(s), s.cidr]));
        return before.subnets.every((s) => afterByKey.get(key(s)) === s.cidr);
      }),
      { numRuns: 300 },
    );
  });
});

describe("CIDR classes", () => {
  test.each([
    ["0.0.0.0/0", "any"],
    ["::/0", "any"],
    ["10.1.2.0/24", "private"],
    ["172.16.0.0/12", "private"],
    ["172.32.0.0/16", "public"],
    ["192.168.1.10", "private"],
    ["100.64.0.0/10", "private"],
    ["fd00::/8", "private"],
    ["203.0.113.0/24", "public"],
    ["2001:db8::/32", "public"],
    ["8.8.8.8", "public"],
    ["0.0.0.0/1", "public"],
    ["128.0.0.0/1", "public"],
    ["::/1", "public"],
    ["8000::/1", "public"],
    ["0.0.0.0/8", "reserved"],
    ["224.0.0.0/4", "reserved"],
    ["240.0.0.0/4", "reserved"],
    ["255.255.255.255", "reserved"],
    ["198.18.0.0/15", "reserved"],
    ["ff02::1", "reserved"],
    ["::/128", "reserved"],
    ["not-a-cidr", "invalid"],
    ["10.0.0.0/33", "invalid"],
  ])("%s is %s", (cidr, cls) => {
    expect(classifyCidr(cidr)).toBe(cls);
  });

  test("overlap and containment respect the IP version", () => {
    const a = parseCidr("10.0.0.0/16") as ParsedCidr;
    const b = parseCidr("10.0.255.0/24") as ParsedCidr;
    const c = parseCidr("::/0") as ParsedCidr;
    expect(cidrContains(a, b)).toBe(true);
    expect(cidrContains(b, a)).toBe(false);
    expect(cidrsOverlap(a, b)).toBe(true);
    expect(cidrsOverlap(a, c)).toBe(false);
    expect(parseCidr("10.0.0.0")).toBeUndefined();
  });
});

describe("parseCidr remembers what it parsed", () => {
  test("the same text gives the same frozen result, so a caller cannot change another's", () => {
    const a = parseCidr("10.40.0.0/16");
    expect(parseCidr("10.40.0.0/16")).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toMatchObject({ version: 4, mask: 16, aligned: true });
  });

  test("text that is not a CIDR stays undefined when asked again", () => {
    expect(parseCidr("10.40.0.0/33")).toBeUndefined();
    expect(parseCidr("10.40.0.0/33")).toBeUndefined();
  });

  test("past the bound (4,096 texts) it still parses correctly", () => {
    for (let i = 0; i < 5000; i++) {
      const text = `10.${(i >> 8) & 255}.${i & 255}.0/24`;
      expect(parseCidr(text)?.start).toBe(
        BigInt(10 * 2 ** 24 + ((i >> 8) & 255) * 2 ** 16 + (i & 255) * 2 ** 8),
      );
    }
  });
});
