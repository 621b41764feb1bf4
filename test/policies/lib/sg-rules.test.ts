/** Properties of the shared rule reader and the public-ingress check, over generated rules. */
import fc from "fast-check";
import { ADMIN_PORTS, DATABASE_PORTS } from "../../../components/core/ports";
import { lastResourceMemo } from "../../../policies/lib/props";
import { publicIngressFindings } from "../../../policies/lib/public-ingress";
import {
  SECURITY_GROUP,
  SECURITY_GROUP_RULE,
  VPC_INGRESS_RULE,
  sgRules,
} from "../../../policies/lib/sg-rules";

const config = { forbiddenSources: ["any"] as const, additionalPorts: [] };
const sensitive = [...Object.keys(ADMIN_PORTS), ...Object.keys(DATABASE_PORTS)].map(Number);
const range = fc
  .tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }))
  .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
const source = fc.constantFrom("0.0.0.0/0", "::/0", "10.0.0.0/8", "203.0.113.0/24", "fd00::/8");

/** The same rule in each of the three shapes a user can write. */
function shapes(protocol: string, from: number, to: number, cidr: string) {
  const v6 = cidr.includes(":");
  return [
    {
      type: SECURITY_GROUP,
      props: {
        ingress: [{ protocol, fromPort: from, toPort: to, [v6 ? "ipv6CidrBlocks" : "cidrBlocks"]: [cidr] }],
      },
    },
    {
      type: SECURITY_GROUP_RULE,
      props: {
        type: "ingress",
        protocol,
        fromPort: from,
        toPort: to,
        [v6 ? "ipv6CidrBlocks" : "cidrBlocks"]: [cidr],
      },
    },
    {
      type: VPC_INGRESS_RULE,
      props: { ipProtocol: protocol, fromPort: from, toPort: to, [v6 ? "cidrIpv6" : "cidrIpv4"]: cidr },
    },
  ];
}

test("a tcp rule is flagged exactly when its source is any and its range covers a sensitive port, in every shape", () => {
  fc.assert(
    fc.property(range, source, ({ from, to }, cidr) => {
      const expected =
        (cidr === "0.0.0.0/0" || cidr === "::/0") && sensitive.some((p) => from <= p && p <= to);
      for (const r of shapes("tcp", from, to, cidr)) {
        const found =
          publicIngressFindings(r.type, r.props, ADMIN_PORTS, config, "fix").length +
          publicIngressFindings(r.type, r.props, DATABASE_PORTS, config, "fix").length;
        expect([r.type, found > 0]).toEqual([r.type, expected]);
      }
    }),
    { numRuns: 300 },
  );
});

test("protocol -1 opens every port whatever the ports say, in every shape", () => {
  fc.assert(
    fc.property(range, ({ from, to }) => {
      for (const r of shapes("-1", from, to, "10.0.0.0/8")) {
        expect(sgRules(r.type, r.props).map((x) => x.ports)).toEqual([{ from: 0, to: 65535 }]);
      }
    }),
  );
});

test("ICMP and unmapped protocols carry no ports, so they never open a sensitive one", () => {
  for (const protocol of ["icmp", "icmpv6", "58", "50", "gre"]) {
    for (const r of shapes(protocol, 0, 65535, "0.0.0.0/0")) {
      expect(publicIngressFindings(r.type, r.props, ADMIN_PORTS, config, "fix")).toEqual([]);
    }
  }
});

test("a wide public slice counts as the internet in every shape: halves, a /8, an IPv6 /1; a /24 or a reserved range does not", () => {
  const cases: [string, boolean][] = [
    ["0.0.0.0/1", true],
    ["128.0.0.0/1", true],
    ["3.0.0.0/8", true],
    ["52.0.0.0/16", true],
    ["::/1", true],
    ["8000::/1", true],
    ["2600::/16", true],
    ["203.0.113.0/24", false],
    ["2001:db8:1::/48", false],
    ["240.0.0.0/4", false],
    ["224.0.0.0/4", false],
    ["ff00::/8", false],
  ];
  for (const [cidr, flagged] of cases) {
    for (const r of shapes("tcp", 22, 22, cidr)) {
      const found = publicIngressFindings(r.type, r.props, ADMIN_PORTS, config, "fix").length > 0;
      expect([cidr, r.type, found]).toEqual([cidr, r.type, flagged]);
    }
  }
});

describe("lastResourceMemo (behind sgRules and the IAM documents)", () => {
  test("reads once for the same inputs object and type, again for another object or type", () => {
    const reads: string[] = [];
    const read = lastResourceMemo((type, props) => (reads.push(type), [props.x]));
    const a = { x: 1 };
    expect(read("t:a:A", a)).toEqual([1]);
    expect(read("t:a:A", a)).toBe(read("t:a:A", a));
    expect(read("t:a:A", { x: 1 })).toEqual([1]);
    read("t:b:B", a);
    expect(reads).toEqual(["t:a:A", "t:a:A", "t:b:B"]);
    expect(Object.isFrozen(read("t:b:B", a))).toBe(true);
  });
});
