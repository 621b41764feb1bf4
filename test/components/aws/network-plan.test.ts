/**
 * The pure SegmentedNetwork planner: no Pulumi, no mocks.
 */
import fc from "fast-check";
import { parseCidr, cidrsOverlap, cidrContains } from "../../../components/core/cidr";
import { DEFAULT_CHANGE_TICKET_PATTERN } from "../../../components/core/governance";
import { DEFAULT_TIERS, FlowSpec } from "../../../components/aws/network/types";
import {
  NetworkPlan,
  NetworkPlanInput,
  tierIpv6Cidr,
  tryPlanNetwork,
} from "../../../components/aws/network/plan";
import { networkTopology, planSegmentedNetwork } from "../../../components/aws/network/topology";
import { numberEntries } from "../../../components/aws/network/rules";
import { ruleDescription } from "../../../components/aws/network/firewall";
import { SAMPLE_FLOWS } from "./network-fixtures";

function input(over: Partial<NetworkPlanInput> = {}): NetworkPlanInput {
  return {
    vpcCidr: "10.0.0.0/16",
    tiers: DEFAULT_TIERS,
    azCount: 3,
    nat: "perAz",
    ipv6: false,
    flows: SAMPLE_FLOWS,
    gatewayEndpoints: ["s3", "dynamodb"],
    interfaceEndpoints: [],
    ticketPattern: DEFAULT_CHANGE_TICKET_PATTERN,
    ...over,
  };
}

function plan(over: Partial<NetworkPlanInput> = {}): NetworkPlan {
  const r = tryPlanNetwork(input(over));
  if (!r.plan) throw new Error(JSON.stringify(r.problems, null, 2));
  return r.plan;
}

function codes(over: Partial<NetworkPlanInput>): string[] {
  return tryPlanNetwork(input(over)).problems.map((p) => p.code);
}

/** NACL entries of a tier and direction as `ref ports/protocol` strings, without the deny. */
function nacl(p: NetworkPlan, tier: string, direction: "ingress" | "egress"): string[] {
  return p.naclEntries
    .filter((e) => e.tier === tier && e.direction === direction && e.action === "allow")
    .map(
      (e) =>
        `${e.ref.kind === "cidr" ? e.ref.cidr : `${e.ref.tier}/v6`} ${e.range ? `${e.range.from}-${e.range.to}` : "all"}/${e.protocol}`,
    )
    .sort();
}

describe("layout", () => {
  test("tiers get aligned blocks in declaration order and subnets in AZ order", () => {
    const p = plan();
    expect(p.tiers.map((t) => [t.name, t.blockCidr])).toEqual([
      ["public", "10.0.0.0/22"],
      ["app", "10.0.64.0/18"],
      ["data", "10.0.128.0/22"],
      ["intra", "10.0.132.0/22"],
    ]);
    expect(p.tiers[1].subnets.map((s) => s.cidr)).toEqual(["10.0.64.0/20", "10.0.80.0/20", "10.0.96.0/20"]);
    expect(p.reservedAzs).toBe(4);
  });

  test("raising the AZ count and adding a tier never moves an existing subnet", () => {
    const before = plan({ azCount: 2 });
    const after = plan({
      azCount: 4,
      tiers: [...DEFAULT_TIERS, { name: "mgmt", cidrMask: 26, routing: "none" }],
    });
    for (const t of before.tiers) {
      const later = after.tiers.find((x) => x.name === t.name)!;
      expect(later.subnets.slice(0, 2).map((s) => s.cidr)).toEqual(t.subnets.map((s) => s.cidr));
    }
  });

  test("route tables: one per tier, one per AZ for nat tiers with perAz NAT", () => {
    expect(plan({ nat: "perAz" }).routeTables.map((r) => r.key)).toEqual([
      "public-rt",
      "app-rt-a",
      "app-rt-b",
      "app-rt-c",
      "data-rt",
      "intra-rt",
    ]);
    expect(plan({ nat: "single" }).routeTables.map((r) => r.key)).toEqual([
      "public-rt",
      "app-rt",
      "data-rt",
      "intra-rt",
    ]);
  });

  test("NAT strategy decides the gateways and the nat tier's default route", () => {
    const noNat = plan({ nat: "none", flows: SAMPLE_FLOWS.slice(0, 3) });
    expect(noNat.natGateways).toEqual([]);
    expect(noNat.routeTables.find((r) => r.tier === "app")!.routes).toEqual([]);
    expect(plan({ nat: "single" }).natGateways).toEqual([{ index: 0, azIndex: 0, tier: "public" }]);
    const perAz = plan({ nat: "perAz" });
    expect(perAz.natGateways.map((n) => n.azIndex)).toEqual([0, 1, 2]);
    expect(perAz.routeTables.find((r) => r.key === "app-rt-b")!.routes).toEqual([
      { destination: "0.0.0.0/0", target: { kind: "natGateway", index: 1 } },
    ]);
  });

  test("gateway endpoints attach to every non-public tier's tables", () => {
    const p = plan({ nat: "perAz" });
    expect(p.routeTables.filter((r) => r.gatewayEndpoints).map((r) => r.key)).toEqual([
      "app-rt-a",
      "app-rt-b",
      "app-rt-c",
      "data-rt",
      "intra-rt",
    ]);
  });

  test("IPv6 adds ::/0 to the IGW for public tiers and to the egress-only gateway for nat tiers", () => {
    const p = plan({ ipv6: true, nat: "single" });
    expect(p.egressOnlyGateway).toBe(true);
    expect(p.routeTables.find((r) => r.tier === "public")!.routes).toContainEqual({
      destination: "::/0",
      target: { kind: "internetGateway" },
    });
    expect(p.routeTables.find((r) => r.tier === "app")!.routes).toContainEqual({
      destination: "::/0",
      target: { kind: "egressOnlyGateway" },
    });
    expect(p.routeTables.find((r) => r.tier === "data")!.routes).toEqual([]);
    expect(p.tiers[1].subnets.map((s) => s.ipv6Index)).toEqual([4, 5, 6]);
    expect(tierIpv6Cidr("2600:1f18:1234:5600::/56", 1, 4)).toBe("2600:1f18:1234:5604::/62");
  });
});

describe("rules for the sample flows", () => {
  const p = plan({ nat: "perAz" });

  test("security-group rules, one by one", () => {
    const rows = p.securityGroupRules
      .map((r) => {
        const peer =
          r.peer.kind === "sg"
            ? `sg:${r.peer.owner}`
            : r.peer.kind === "cidr"
              ? r.peer.cidr
              : `pl:${r.peer.service}`;
        return `${r.owner} ${r.direction} ${peer} ${r.range!.from}/${r.protocol}`;
      })
      .sort();
    expect(rows).toEqual([
      "app egress 0.0.0.0/0 443/tcp",
      "app egress sg:data 5432/tcp",
      "app ingress sg:public 8080/tcp",
      "data ingress sg:app 5432/tcp",
      "public egress sg:app 8080/tcp",
      "public ingress 0.0.0.0/0 443/tcp",
      "public ingress 0.0.0.0/0 80/tcp",
    ]);
    const db = p.securityGroupRules.find((r) => r.owner === "data")!;
    expect(db.justification).toBe("App reads and writes PostgreSQL");
    expect(db.ticket).toBe("CHG-101");
  });

  test("NACL entries of the public tier: web in, returns out, NAT transit for app's egress", () => {
    expect(nacl(p, "public", "ingress")).toEqual([
      "0.0.0.0/0 1024-65535/tcp",
      "0.0.0.0/0 443-443/tcp",
      "0.0.0.0/0 80-80/tcp",
      "10.0.64.0/18 1024-65535/tcp",
      "10.0.64.0/18 443-443/tcp",
    ]);
    expect(nacl(p, "public", "egress")).toEqual([
      "0.0.0.0/0 1024-65535/tcp",
      "0.0.0.0/0 443-443/tcp",
      "10.0.64.0/18 1024-65535/tcp",
      "10.0.64.0/18 8080-8080/tcp",
    ]);
  });

  test("NACL entries of app and data: the flows and their return traffic", () => {
    expect(nacl(p, "app", "ingress")).toEqual([
      "0.0.0.0/0 1024-65535/tcp",
      "10.0.0.0/22 8080-8080/tcp",
      "10.0.128.0/22 1024-65535/tcp",
    ]);
    expect(nacl(p, "app", "egress")).toEqual([
      "0.0.0.0/0 443-443/tcp",
      "10.0.0.0/22 1024-65535/tcp",
      "10.0.128.0/22 5432-5432/tcp",
    ]);
    expect(nacl(p, "data", "ingress")).toEqual(["10.0.64.0/18 5432-5432/tcp"]);
    expect(nacl(p, "data", "egress")).toEqual(["10.0.64.0/18 1024-65535/tcp"]);
    expect(nacl(p, "intra", "ingress")).toEqual([]);
  });

  test("every NACL ends in an explicit deny, numbered after every allow", () => {
    for (const t of p.tiers) {
      for (const d of ["ingress", "egress"] as const) {
        const entries = p.naclEntries.filter((e) => e.tier === t.name && e.direction === d);
        const deny = entries.filter((e) => e.action === "deny");
        expect(deny).toHaveLength(1);
        expect(deny[0]).toMatchObject({ ruleNumber: 32766, protocol: "all", ref: { cidr: "0.0.0.0/0" } });
        const numbers = entries.map((e) => e.ruleNumber);
        expect(new Set(numbers).size).toBe(numbers.length);
        expect(
          Math.max(...entries.filter((e) => e.action === "allow").map((e) => e.ruleNumber), 0),
        ).toBeLessThan(32000);
      }
    }
  });

  test("return entries say whose return traffic they carry", () => {
    const ret = p.naclEntries.find(
      (e) => e.tier === "data" && e.direction === "egress" && e.action === "allow",
    )!;
    expect(ret.justification).toBe("Return traffic (ephemeral ports) of: App reads and writes PostgreSQL");
    expect(ret.ticket).toBe("CHG-101");
  });

  test("the register lists every SG rule and NACL entry with id, ends, ports, justification and ticket", () => {
    expect(p.register).toHaveLength(p.securityGroupRules.length + p.naclEntries.length);
    expect(p.register).toContainEqual({
      id: p.securityGroupRules.find((r) => r.owner === "data")!.id,
      kind: "security-group",
      direction: "ingress",
      action: "allow",
      from: "app",
      to: "data",
      ports: "5432",
      protocol: "tcp",
      justification: "App reads and writes PostgreSQL",
      ticket: "CHG-101",
    });
    expect(p.register).toContainEqual(
      expect.objectContaining({
        kind: "network-acl",
        action: "deny",
        from: "anywhere 0.0.0.0/0",
        to: "intra",
        ticket: "generated",
      }),
    );
    const ids = p.register.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("stability", () => {
  test("reordering flows keeps every rule id and number", () => {
    const a = plan();
    const b = plan({ flows: [...SAMPLE_FLOWS].reverse() });
    expect(b.register).toEqual(a.register);
  });

  test("adding a flow keeps every existing SG rule id", () => {
    const a = plan();
    const b = plan({
      flows: [
        ...SAMPLE_FLOWS,
        {
          from: "app",
          to: "intra",
          ports: 9000,
          justification: "App reaches the batch workers",
          ticket: "CHG-103",
        },
      ],
    });
    const bIds = new Set(b.securityGroupRules.map((r) => r.id));
    for (const r of a.securityGroupRules) expect(bIds.has(r.id)).toBe(true);
  });

  test("rule numbers resolve collisions deterministically, independent of input order", () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({
      id: `nacl-app-in-${i}`,
      tier: "app",
      direction: "ingress" as const,
      action: "allow" as const,
      protocol: "tcp" as const,
      ref: { kind: "cidr" as const, cidr: "10.0.0.0/8", version: 4 as const, label: "x" },
      justification: "x",
      ticket: "x",
    }));
    const a = numberEntries(entries);
    const b = numberEntries([...entries].reverse());
    expect(b).toEqual(a);
    expect(new Set(a.map((e) => e.ruleNumber)).size).toBe(50);
  });

  test("property: any flow order gives the same register", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(SAMPLE_FLOWS, { minLength: SAMPLE_FLOWS.length }), (flows) => {
        expect(plan({ flows }).register).toEqual(plan().register);
      }),
      { numRuns: 30 },
    );
  });

  test("property: subnets never overlap, stay in their tier's block and the VPC, for any AZ count and masks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        // At most four tiers of at most /20 (a /18 block each): always room in a /16.
        fc.array(fc.integer({ min: 20, max: 28 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<NetworkPlanInput["nat"]>("none", "single", "perAz"),
        (azCount, masks, nat) => {
          const tiers = masks.map((m, i) => ({
            name: `t${i}`,
            cidrMask: m,
            routing: i === 0 ? ("internet" as const) : ("nat" as const),
          }));
          const p = plan({ azCount, tiers, nat, flows: [] });
          const vpc = parseCidr("10.0.0.0/16")!;
          const all = p.tiers.flatMap((t) => t.subnets.map((s) => ({ t, c: parseCidr(s.cidr)! })));
          expect(all).toHaveLength(azCount * masks.length);
          all.forEach(({ t, c }, i) => {
            expect(cidrContains(vpc, c)).toBe(true);
            expect(cidrContains(parseCidr(t.blockCidr)!, c)).toBe(true);
            all.slice(i + 1).forEach((o) => expect(cidrsOverlap(c, o.c)).toBe(false));
          });
          expect(p.natGateways).toHaveLength(nat === "none" ? 0 : nat === "single" ? 1 : azCount);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("property: every tier-to-tier tcp flow opens both sides and the return path", () => {
    const names = DEFAULT_TIERS.map((t) => t.name);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...names),
        fc.integer({ min: 1, max: 65535 }),
        (from, to, port) => {
          const p = plan({
            flows: [{ from, to, ports: port, justification: "A generated test flow", ticket: "CHG-1" }],
          });
          const has = (tier: string, d: string, cidr: string, lo: number) =>
            p.naclEntries.some(
              (e) =>
                e.tier === tier &&
                e.direction === d &&
                e.ref.kind === "cidr" &&
                e.ref.cidr === cidr &&
                e.range?.from === lo,
            );
          const block = (t: string) => p.tiers.find((x) => x.name === t)!.blockCidr;
          expect(has(to, "ingress", block(from), port)).toBe(true);
          expect(has(to, "egress", block(from), 1024)).toBe(true);
          expect(has(from, "egress", block(to), port)).toBe(true);
          expect(has(from, "ingress", block(to), 1024)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("security invariants (property)", () => {
  const ends = [...DEFAULT_TIERS.map((t) => t.name), "internet", "web", "8.8.8.0/24", "192.168.0.0/16"];
  const flowArb = fc.record({
    from: fc.constantFrom(...ends),
    to: fc.constantFrom(...DEFAULT_TIERS.map((t) => t.name), "internet", "s3"),
    protocol: fc.constantFrom<FlowSpec["protocol"]>("tcp", "udp", "icmp", "all"),
    lo: fc.integer({ min: 1, max: 65535 }),
    span: fc.integer({ min: 0, max: 5000 }),
  });

  test("whatever flows are accepted, the internet reaches only public tiers and never an admin port", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 6 }), fc.boolean(), (raw, ipv6) => {
        const flows: FlowSpec[] = raw.map((f) => ({
          from: f.from,
          to: f.to,
          protocol: f.protocol,
          ports:
            f.protocol === "tcp" || f.protocol === "udp"
              ? `${f.lo}-${Math.min(65535, f.lo + f.span)}`
              : undefined,
          justification: "A generated test flow",
          ticket: "CHG-1",
        }));
        const r = tryPlanNetwork(input({ flows, ipv6, naclRuleLimit: 40 }));
        if (!r.plan) return;
        const publicTiers = new Set(DEFAULT_TIERS.filter((t) => t.routing === "internet").map((t) => t.name));
        const anywhere = (c: string) => c === "0.0.0.0/0" || c === "::/0" || c === "8.8.8.0/24";
        for (const rule of r.plan.securityGroupRules) {
          if (rule.direction !== "ingress" || rule.peer.kind !== "cidr" || !anywhere(rule.peer.cidr))
            continue;
          expect(publicTiers.has(rule.owner)).toBe(true);
          const range = rule.range ?? { from: 0, to: 65535 };
          if (rule.protocol !== "icmp") expect(range.from > 22 || range.to < 22).toBe(true);
          if (rule.protocol !== "icmp") expect(range.from > 3389 || range.to < 3389).toBe(true);
        }
        for (const e of r.plan.naclEntries) {
          if (
            e.action !== "allow" ||
            e.direction !== "ingress" ||
            e.ref.kind !== "cidr" ||
            !anywhere(e.ref.cidr)
          )
            continue;
          if (publicTiers.has(e.tier)) continue;
          // Off the public tier, the internet only ever gets return traffic back in.
          expect(e.justification).toMatch(/^Return traffic/);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("interface endpoints", () => {
  test("each endpoint's group admits only the VPC range on 443; every tier may reach it", () => {
    const p = plan({ interfaceEndpoints: ["ssm", "ecr.api"], flows: [] });
    expect(p.endpointTier).toBe("app");
    const ssmIngress = p.securityGroupRules.filter(
      (r) => r.owner === "endpoint:ssm" && r.direction === "ingress",
    );
    expect(ssmIngress).toEqual([
      expect.objectContaining({
        peer: { kind: "cidr", cidr: "10.0.0.0/16", version: 4 },
        range: { from: 443, to: 443 },
      }),
    ]);
    const egressToSsm = p.securityGroupRules.filter(
      (r) => r.direction === "egress" && r.peer.kind === "sg" && r.peer.owner === "endpoint:ssm",
    );
    expect(egressToSsm.map((r) => r.owner).sort()).toEqual(["app", "data", "intra", "public"]);
    expect(nacl(p, "app", "ingress")).toContain("10.0.0.0/16 443-443/tcp");
    expect(nacl(p, "data", "egress")).toContain("10.0.64.0/18 443-443/tcp");
  });
});

describe("gateway endpoint flows", () => {
  test('"to: s3" names the prefix list in the SG and 0.0.0.0/0 in the NACL, even from a tier with no route out', () => {
    const p = plan({
      flows: [
        { from: "data", to: "s3", ports: 443, justification: "Backups go to the S3 vault", ticket: "CHG-7" },
      ],
    });
    expect(p.securityGroupRules).toEqual([
      expect.objectContaining({
        owner: "data",
        direction: "egress",
        peer: { kind: "prefixList", service: "s3" },
      }),
    ]);
    expect(nacl(p, "data", "egress")).toEqual(["0.0.0.0/0 443-443/tcp"]);
  });
});

describe("IPv6 rules", () => {
  test("internet flows add ::/0 twins and tier flows add the tier's IPv6 block", () => {
    const p = plan({ ipv6: true });
    expect(
      p.securityGroupRules
        .filter((r) => r.owner === "public" && r.direction === "ingress")
        .map((r) => r.peer),
    ).toContainEqual({
      kind: "cidr",
      cidr: "::/0",
      version: 6,
    });
    expect(nacl(p, "data", "ingress")).toEqual(["10.0.64.0/18 5432-5432/tcp", "app/v6 5432-5432/tcp"]);
    expect(
      p.naclEntries
        .filter((e) => e.action === "deny" && e.tier === "data")
        .map((e) => e.ruleNumber)
        .sort(),
    ).toEqual([32765, 32765, 32766, 32766]);
  });
});

describe("bad input (pure)", () => {
  test.each<[string, Partial<NetworkPlanInput>, string]>([
    ["overlapping CIDR", { avoid: ["10.0.128.0/17"] }, "PAVED_CIDR_OVERLAP"],
    ["out-of-range VPC CIDR", { vpcCidr: "10.0.0.0/8" }, "PAVED_CIDR_MASK_RANGE"],
    ["invalid VPC CIDR", { vpcCidr: "10.0.0/16" }, "PAVED_CIDR_INVALID"],
    [
      "mask too small",
      { tiers: [{ name: "a", cidrMask: 29, routing: "none" }], flows: [], nat: "none" },
      "PAVED_CIDR_MASK_RANGE",
    ],
    [
      "mask too large",
      { tiers: [{ name: "a", cidrMask: 15, routing: "none" }], flows: [], nat: "none" },
      "PAVED_CIDR_MASK_RANGE",
    ],
    ["no room", { vpcCidr: "10.0.0.0/20", flows: [] }, "PAVED_CIDR_NO_ROOM"],
    ["duplicate tier", { tiers: [...DEFAULT_TIERS, DEFAULT_TIERS[2]], flows: [] }, "PAVED_TIER_DUPLICATE"],
    [
      "reserved tier name",
      { tiers: [{ name: "internet", cidrMask: 24, routing: "internet" }], flows: [] },
      "PAVED_TIER_NAME",
    ],
    [
      "bad tier name",
      { tiers: [{ name: "App-Tier", cidrMask: 24, routing: "internet" }], flows: [] },
      "PAVED_TIER_NAME",
    ],
    [
      "bad routing",
      { tiers: [{ name: "a", cidrMask: 24, routing: "public" as never }], flows: [], nat: "none" },
      "PAVED_TIER_ROUTING",
    ],
    ["bad nat", { nat: "always" as never }, "PAVED_NAT_STRATEGY"],
    [
      "nat without public tier",
      { tiers: [{ name: "a", cidrMask: 24, routing: "nat" }], flows: [], nat: "single" },
      "PAVED_NAT_NO_PUBLIC",
    ],
    ["too many AZs for the reserved slots", { azCount: 5 }, "PAVED_AZ_COUNT"],
    ["bad endpoint", { interfaceEndpoints: ["SSM!"] }, "PAVED_ENDPOINT_SERVICE"],
    ["duplicate endpoint", { interfaceEndpoints: ["ssm", "ssm"] }, "PAVED_ENDPOINT_SERVICE"],
    ["unknown endpoint tier", { interfaceEndpoints: ["ssm"], endpointTier: "dmz" }, "PAVED_ENDPOINT_TIER"],
  ])("%s", (_label, over, code) => {
    expect(codes(over)).toContain(code);
  });

  const flow = (f: Partial<FlowSpec>): Partial<NetworkPlanInput> => ({
    flows: [
      {
        from: "public",
        to: "app",
        ports: 8080,
        justification: "A valid justification",
        ticket: "CHG-1",
        ...f,
      } as FlowSpec,
    ],
  });
  test.each<[string, Partial<FlowSpec>, string]>([
    ["unknown from tier", { from: "dmz" }, "PAVED_FLOW_UNKNOWN_TIER"],
    ["unknown to tier", { to: "dmz" }, "PAVED_FLOW_UNKNOWN_TIER"],
    ["out-of-range source CIDR", { from: "10.0.0.0/33" }, "PAVED_CIDR_INVALID"],
    ["host address as source CIDR", { from: "10.1.2.3/16" }, "PAVED_CIDR_INVALID"],
    ["invalid destination CIDR", { from: "app", to: "300.0.0.0/8" }, "PAVED_CIDR_INVALID"],
    ["missing justification", { justification: undefined }, "PAVED_FLOW_JUSTIFICATION"],
    ["blank justification", { justification: "   " }, "PAVED_FLOW_JUSTIFICATION"],
    ["missing ticket", { ticket: undefined }, "PAVED_FLOW_TICKET"],
    ["malformed ticket", { ticket: "JIRA-1" }, "PAVED_CHANGE_TICKET_FORMAT"],
    ["port out of range", { ports: 70000 }, "PAVED_PORT_RANGE"],
    ["backwards range", { ports: "9000-8000" }, "PAVED_PORT_RANGE"],
    ["not a port", { ports: "http" }, "PAVED_PORT_RANGE"],
    ["missing ports", { ports: undefined }, "PAVED_PORT_RANGE"],
    ["ports with icmp", { protocol: "icmp" }, "PAVED_PORT_RANGE"],
    ["bad protocol", { protocol: "sctp" as never }, "PAVED_FLOW_PROTOCOL"],
    ["internet to a private tier", { from: "internet", to: "app", ports: 443 }, "PAVED_FLOW_INTERNET_TIER"],
    [
      "public CIDR to a private tier",
      { from: "8.8.8.0/24", to: "data", ports: 443 },
      "PAVED_FLOW_INTERNET_TIER",
    ],
    ["SSH from the internet", { from: "internet", to: "public", ports: 22 }, "PAVED_FLOW_ADMIN_PORT"],
    [
      "RDP inside a range from the internet",
      { from: "0.0.0.0/0", to: "public", ports: "3000-4000" },
      "PAVED_FLOW_ADMIN_PORT",
    ],
    [
      "all protocols from the internet",
      { from: "internet", to: "public", ports: undefined, protocol: "all" },
      "PAVED_FLOW_ADMIN_PORT",
    ],
    ["web on another port", { from: "web", to: "public", ports: 8443 }, "PAVED_FLOW_WEB_PORTS"],
    [
      "a non-web port from the internet",
      { from: "internet", to: "public", ports: 8080 },
      "PAVED_FLOW_INTERNET_PORT",
    ],
    [
      "a range from a public CIDR",
      { from: "8.8.8.0/24", to: "public", ports: "80-443" },
      "PAVED_FLOW_INTERNET_PORT",
    ],
    ["egress to internet with no route", { from: "data", to: "internet", ports: 443 }, "PAVED_FLOW_NO_ROUTE"],
    ["no tier on either side", { from: "10.9.0.0/16", to: "internet", ports: 443 }, "PAVED_FLOW_NO_TIER"],
  ])("flow: %s", (_label, f, code) => {
    expect(codes(flow(f))).toContain(code);
  });

  test("a flow to a gateway endpoint that is not created", () => {
    const f: FlowSpec = {
      from: "data",
      to: "s3",
      ports: 443,
      justification: "Backups go to S3",
      ticket: "CHG-1",
    };
    expect(codes({ gatewayEndpoints: ["dynamodb"], flows: [f] })).toEqual(["PAVED_FLOW_NO_ENDPOINT"]);
  });

  test("egress to internet from a nat tier with nat none has no route", () => {
    expect(codes({ nat: "none", flows: [SAMPLE_FLOWS[3]] })).toContain("PAVED_FLOW_NO_ROUTE");
  });

  test("a duplicate flow is reported against its first occurrence", () => {
    const problems = tryPlanNetwork(
      input({ flows: [SAMPLE_FLOWS[2], { ...SAMPLE_FLOWS[2], justification: "Same flow again here" }] }),
    ).problems;
    expect(problems).toEqual([expect.objectContaining({ code: "PAVED_FLOW_DUPLICATE", arg: "flows[1]" })]);
    expect(problems[0].problem).toContain("flows[0]");
  });

  test("private CIDRs may reach any tier, admin ports included", () => {
    expect(codes(flow({ from: "192.168.0.0/16", to: "app", ports: 22 }))).toEqual([]);
  });

  test("too many NACL entries are refused with the limit named", () => {
    const many: FlowSpec[] = Array.from({ length: 20 }, (_, i) => ({
      from: "app",
      to: "data",
      ports: 6000 + i,
      justification: "One of many ports for the test",
      ticket: "CHG-1",
    }));
    const problems = tryPlanNetwork(input({ flows: many })).problems;
    expect(problems.map((p) => p.code)).toContain("PAVED_NACL_LIMIT");
    expect(problems[0].problem).toContain("limit of 20");
  });

  test("every problem is collected, not just the first", () => {
    const c = codes({
      vpcCidr: "10.0.0.0/8",
      flows: [{ from: "dmz", to: "app", ports: 99999, justification: "" } as FlowSpec],
    });
    expect(c).toEqual(
      expect.arrayContaining([
        "PAVED_CIDR_MASK_RANGE",
        "PAVED_FLOW_UNKNOWN_TIER",
        "PAVED_PORT_RANGE",
        "PAVED_FLOW_JUSTIFICATION",
        "PAVED_FLOW_TICKET",
      ]),
    );
  });
});

describe("helpers", () => {
  test("rule descriptions keep only characters AWS accepts", () => {
    expect(ruleDescription("App's calls → PSP (ok?)")).toBe("App s calls PSP (ok )");
    expect(ruleDescription("x".repeat(300))).toHaveLength(255);
  });

  test("planSegmentedNetwork and networkTopology give the CLI a diagram view", () => {
    const p = planSegmentedNetwork(
      "core",
      { vpcCidr: "10.0.0.0/16", flows: SAMPLE_FLOWS },
      { region: "eu-west-1" },
    );
    const topo = networkTopology(p);
    expect(topo.tiers.map((t) => [t.name, t.routing, t.subnets.length, t.natAzs])).toEqual([
      ["public", "internet", 3, [0]],
      ["app", "nat", 3, []],
      ["data", "none", 3, []],
      ["intra", "none", 3, []],
    ]);
    expect(topo.flows).toContainEqual(
      expect.objectContaining({ from: "app", to: "data", ports: "5432", protocol: "tcp" }),
    );
    expect(() => planSegmentedNetwork("core", { vpcCidr: "10.0.0.0/8" }, { region: "eu-west-1" })).toThrow(
      /SegmentedNetwork "core": vpcCidr mask \/8 is outside the AWS limits; use \/16..\/28/,
    );
  });
});
