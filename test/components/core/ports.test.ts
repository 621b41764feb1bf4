import {
  ADMIN_PORTS,
  awsProtocolNumber,
  coveredPorts,
  DATABASE_PORTS,
  formatPortRange,
  isProblem,
  normaliseProtocol,
  parsePortSpec,
  PortRange,
} from "../../../components/core/ports";

describe("parsePortSpec", () => {
  test.each([
    [443, { from: 443, to: 443 }],
    ["443", { from: 443, to: 443 }],
    ["8000-8080", { from: 8000, to: 8080 }],
    [" 1 - 65535 ", { from: 1, to: 65535 }],
    [
      { from: 53, to: 53 },
      { from: 53, to: 53 },
    ],
  ])("%j parses", (spec, range) => {
    expect(parsePortSpec(spec, "ports")).toEqual(range);
  });

  test.each([0, 65536, "80-70", "http", 1.5, "443,80"])("%j is refused with the arg and the fix", (spec) => {
    const r = parsePortSpec(spec as never, "flows[0].ports");
    expect(isProblem(r)).toBe(true);
    expect(r).toMatchObject({
      arg: "flows[0].ports",
      code: "PAVED_PORT_RANGE",
      fix: expect.stringContaining("1..65535"),
    });
  });
});

test("coveredPorts finds admin and database ports inside a range", () => {
  expect(coveredPorts({ from: 0, to: 65535 }, ADMIN_PORTS)).toEqual([22, 3389]);
  expect(coveredPorts({ from: 3000, to: 6000 }, DATABASE_PORTS)).toEqual([3306, 5432, 5984]);
  expect(coveredPorts({ from: 443, to: 443 }, ADMIN_PORTS)).toEqual([]);
});

test("formatPortRange", () => {
  const all: PortRange = { from: 0, to: 65535 };
  expect([
    formatPortRange(all),
    formatPortRange({ from: 22, to: 22 }),
    formatPortRange({ from: 1, to: 2 }),
  ]).toEqual(["all", "22", "1-2"]);
});

test.each([
  ["tcp", "tcp"],
  ["TCP", "tcp"],
  ["6", "tcp"],
  [17, "udp"],
  ["-1", "all"],
  ["all", "all"],
  ["icmpv6", "icmp"],
  ["gre", undefined],
  [undefined, undefined],
])("normaliseProtocol(%j) = %j", (p, want) => {
  expect(normaliseProtocol(p as never)).toBe(want);
});

test("awsProtocolNumber", () => {
  expect((["tcp", "udp", "icmp", "all"] as const).map(awsProtocolNumber)).toEqual(["6", "17", "1", "-1"]);
});
