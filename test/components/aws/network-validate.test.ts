/**
 * SegmentedNetwork's pure argument checks, region AZ table and price table.
 */
import { availabilityZones } from "../../../cli/engine/mocks";
import { DEFAULT_CHANGE_TICKET_PATTERN } from "../../../components/core/governance";
import { REGION_AZ_COUNTS, regionAzCount } from "../../../components/aws/network/regions";
import { azProblems, defaultNat, resolveArgs } from "../../../components/aws/network/validate";
import { planSegmentedNetwork } from "../../../components/aws/network/topology";
import { PavedValidationError } from "../../../components/core/errors";
import {
  DEFAULT_NETWORK_PRICES,
  estimateNetworkMonthlyCost,
  HOURS_PER_MONTH,
  NETWORK_PRICE_TABLE,
} from "../../../components/aws/network/pricing";

describe("AZs against the region", () => {
  test("azCount within the region's AZs resolves to the data source", () => {
    expect(azProblems({ azCount: 3 }, "eu-west-1")).toEqual({
      azs: { kind: "dataSource", count: 3 },
      problems: [],
    });
    expect(azProblems({}, "us-east-1").azs).toEqual({ kind: "dataSource", count: 3 });
  });

  test("more AZs than the region has is refused with the region's count", () => {
    const { problems } = azProblems({ azCount: 3 }, "us-west-1");
    expect(problems).toEqual([
      {
        arg: "azCount",
        problem: "3 is more AZs than us-west-1 has (2)",
        fix: "use at most 2",
        code: "PAVED_AZ_COUNT_REGION",
      },
    ]);
  });

  test("a region without a known AZ count needs explicit AZs", () => {
    for (const region of ["xx-nowhere-1", undefined]) {
      const { problems } = azProblems({ azCount: 2 }, region);
      expect(problems.map((p) => p.code)).toEqual(["PAVED_AZ_REGION_UNKNOWN"]);
      expect(problems[0].fix).toContain("availabilityZones");
    }
    expect(
      azProblems({ availabilityZones: ["xx-nowhere-1a", "xx-nowhere-1b"] }, "xx-nowhere-1").problems,
    ).toEqual([]);
  });

  test("explicit AZs: empty, malformed and duplicate lists are refused", () => {
    expect(azProblems({ availabilityZones: [] }, "eu-west-1").problems.map((p) => p.code)).toEqual([
      "PAVED_AZ_COUNT",
    ]);
    expect(azProblems({ availabilityZones: ["west"] }, "eu-west-1").problems.map((p) => p.code)).toEqual([
      "PAVED_AZ_NAME",
    ]);
    expect(
      azProblems({ availabilityZones: ["eu-west-1a", "eu-west-1a"] }, "eu-west-1").problems.map(
        (p) => p.code,
      ),
    ).toEqual(["PAVED_AZ_DUPLICATE"]);
  });

  test("the table agrees with the mock engine for every region the mocks know", () => {
    for (const region of [
      "us-east-1",
      "us-east-2",
      "us-west-1",
      "us-west-2",
      "eu-west-1",
      "eu-central-1",
      "ap-northeast-1",
      "ca-central-1",
    ]) {
      expect([region, regionAzCount(region)]).toEqual([region, availabilityZones(region).length]);
    }
    expect(Object.values(REGION_AZ_COUNTS).every((n) => Number.isInteger(n) && n >= 2)).toBe(true);
  });
});

describe("AZ suffixes stay within a..z", () => {
  // azSuffix throws a RangeError above index 25; the AZ and slot limits must stop user input first.
  const names = Array.from({ length: 27 }, (_, i) => `xx-test-1${String.fromCharCode(97 + (i % 26))}`);
  test.each<[string, Record<string, unknown>]>([
    ["azCount 27 in an unknown region", { azCount: 27 }],
    ["27 explicit AZs", { availabilityZones: names }],
    ["27 explicit AZs with 30 reserved slots", { availabilityZones: names, reservedAzs: 30 }],
    ["azCount 26 with 26 reserved slots", { azCount: 26, reservedAzs: 26 }],
  ])("%s is a PavedValidationError, not a RangeError", (_what, change) => {
    let err: unknown;
    try {
      planSegmentedNetwork("many", { vpcCidr: "10.0.0.0/16", ...change });
    } catch (e) {
      err = e;
    }
    expect(PavedValidationError.isInstance(err)).toBe(true);
  });
});

describe("argument resolution", () => {
  const ctx = { region: "eu-west-1", governance: {}, ticketPattern: DEFAULT_CHANGE_TICKET_PATTERN };

  test("defaults: four tiers, three AZs, CloudWatch flow logs, both gateway endpoints, single NAT outside prod", () => {
    const { resolved, problems } = resolveArgs({ vpcCidr: "10.0.0.0/16" }, ctx);
    expect(problems).toEqual([]);
    expect(resolved.planInput).toMatchObject({
      tiers: [{ name: "public" }, { name: "app" }, { name: "data" }, { name: "intra" }],
      azCount: 3,
      nat: "single",
      ipv6: false,
      flows: [],
      gatewayEndpoints: ["s3", "dynamodb"],
      interfaceEndpoints: [],
      naclRuleLimit: 20,
    });
    expect(resolved.flowLogs).toEqual({ destination: "cloudWatch" });
    expect(defaultNat("prod")).toBe("perAz");
    expect(defaultNat("staging")).toBe("single");
  });

  test("a missing vpcCidr is reported, not crashed on", () => {
    const { problems } = resolveArgs({} as never, ctx);
    expect(problems.map((p) => [p.arg, p.code])).toContainEqual(["vpcCidr", "PAVED_CIDR_INVALID"]);
  });

  test("flow logs cannot be switched off", () => {
    const { problems } = resolveArgs(
      { vpcCidr: "10.0.0.0/16", flowLogs: { destination: "none" } as never },
      ctx,
    );
    expect(problems.map((p) => p.code)).toEqual(["PAVED_FLOW_LOG_DESTINATION"]);
    expect(problems[0].fix).toContain("cannot be turned off");
  });

  test("a duplicate gateway endpoint is refused", () => {
    const { problems } = resolveArgs({ vpcCidr: "10.0.0.0/16", gatewayEndpoints: ["s3", "s3"] }, ctx);
    expect(problems.map((p) => [p.arg, p.code])).toEqual([["gatewayEndpoints[1]", "PAVED_ENDPOINT_SERVICE"]]);
  });
});

describe("monthly cost", () => {
  const base = { nat: "perAz" as const, natGateways: 3, interfaceEndpoints: 0, azCount: 3, kmsKey: false };

  test("perAz in us-east-1: three NAT gateways and three Elastic IPs", () => {
    const c = estimateNetworkMonthlyCost({ ...base, region: "us-east-1" });
    expect(c.items).toEqual([
      { item: "NAT gateway", quantity: 3, unitPrice: 0.045, unit: "hour", monthly: 98.55 },
      { item: "Elastic IP (NAT)", quantity: 3, unitPrice: 0.005, unit: "hour", monthly: 10.95 },
    ]);
    expect(c.total).toBe(109.5);
    expect(c.defaultPrices).toBe(false);
  });

  test("none costs nothing fixed; single costs a third of perAz", () => {
    expect(
      estimateNetworkMonthlyCost({ ...base, nat: "none", natGateways: 0, region: "eu-west-1" }).total,
    ).toBe(0);
    const single = estimateNetworkMonthlyCost({
      ...base,
      nat: "single",
      natGateways: 1,
      region: "eu-west-1",
    });
    expect(single.total).toBe(Math.round((0.048 + 0.005) * HOURS_PER_MONTH * 100) / 100);
  });

  test("an unknown region uses the documented default prices and says so", () => {
    const c = estimateNetworkMonthlyCost({ ...base, region: "xx-nowhere-1" });
    expect(c.defaultPrices).toBe(true);
    expect(c.items[0].unitPrice).toBe(DEFAULT_NETWORK_PRICES.natGatewayHour);
    expect(c.notes.join(" ")).toContain('No prices recorded for region "xx-nowhere-1"');
  });

  test("every table row is a plausible hourly price", () => {
    for (const p of Object.values(NETWORK_PRICE_TABLE)) {
      expect(p.natGatewayHour).toBeGreaterThan(0.03);
      expect(p.natGatewayHour).toBeLessThan(0.2);
      expect(p.interfaceEndpointAzHour).toBeGreaterThan(0.005);
    }
  });
});
