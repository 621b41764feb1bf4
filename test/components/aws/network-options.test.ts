/**
 * SegmentedNetwork's terraform-aws-vpc parts under the mock engine: the DB
 * subnet group, the EKS subnet tags, the gateway endpoint policies, the
 * tier and internet-facing tags on the security groups, and the slot warning.
 */
import {
  DEV_GOVERNANCE,
  descendants,
  RecordedResource,
  settle,
  useMocks,
  valueOf,
} from "../../helpers/pulumi";
const REGION = "eu-west-1";
const BOUNDARY = "arn:aws:iam::123456789012:policy/platform-boundary";
const CONFIG = { ...DEV_GOVERNANCE, "aws:region": REGION, "paved:permissionsBoundaryArn": BOUNDARY };
const records = useMocks({ config: CONFIG, region: REGION });
import * as pulumi from "@pulumi/pulumi";
import { SegmentedNetwork } from "../../../components/aws/network/network";
import type { SegmentedNetworkArgs } from "../../../components/aws/network/args";
import {
  databaseSubnetGroupTier,
  gatewayEndpointPolicyDocument,
} from "../../../components/aws/network/options";
import { DEFAULT_TIERS } from "../../../components/aws/network/types";
import { statementIsPublic } from "../../../policies/lib/principals";
import { errorOf } from "../validation-error";
import { SAMPLE_FLOWS } from "./network-fixtures";

async function build(name: string, args: SegmentedNetworkArgs) {
  const net = new SegmentedNetwork(name, args);
  await settle();
  const kids = descendants(records, await valueOf(net.urn));
  const ofType = (t: string) => kids.filter((k) => k.type === `aws:${t}`);
  const byName = (n: string): RecordedResource => kids.find((k) => k.name === n)!;
  return { net, kids, ofType, byName };
}

const BASE: SegmentedNetworkArgs = { vpcCidr: "10.0.0.0/16", flows: SAMPLE_FLOWS, azCount: 2 };
const tagsOf = (r: RecordedResource) => r.inputs.tags as Record<string, string>;

describe("DB subnet group", () => {
  test("the data tier (routing none) gets one by default, over its subnets", async () => {
    const { ofType, net } = await build("dbsg", BASE);
    const [group] = ofType("rds/subnetGroup:SubnetGroup");
    expect(group.name).toBe("dbsg-data-db-subnets");
    expect(group.inputs.subnetIds).toHaveLength(2);
    expect(tagsOf(group)["paved:tier"]).toBe("data");
    expect(tagsOf(group)["paved:pattern"]).toBe("SegmentedNetwork");
    expect(await valueOf(net.databaseSubnetGroupName)).toBeDefined();
  });

  test("false turns it off; { tier } picks another tier", async () => {
    expect(
      (await build("dbsg-off", { ...BASE, databaseSubnetGroup: false })).ofType(
        "rds/subnetGroup:SubnetGroup",
      ),
    ).toEqual([]);
    const { ofType } = await build("dbsg-intra", { ...BASE, databaseSubnetGroup: { tier: "intra" } });
    expect(ofType("rds/subnetGroup:SubnetGroup").map((g) => g.name)).toEqual(["dbsg-intra-intra-db-subnets"]);
  });

  test("a public tier, an unknown tier, one AZ, or true without a data tier are refused", () => {
    const tiers = DEFAULT_TIERS;
    expect(databaseSubnetGroupTier({ tier: "public" }, tiers, 3).problems[0].problem).toMatch(/public tier/);
    expect(databaseSubnetGroupTier({ tier: "nope" }, tiers, 3).problems[0].problem).toMatch(/not a tier/);
    expect(databaseSubnetGroupTier(true, tiers, 1).problems[0].problem).toMatch(/two AZs/);
    expect(databaseSubnetGroupTier(true, [tiers[0]], 3).problems[0].code).toBe("PAVED_DB_SUBNET_GROUP");
    // The default never fails: one AZ, or no data tier, means no group.
    expect(databaseSubnetGroupTier(undefined, tiers, 1)).toEqual({ tier: undefined, problems: [] });
    expect(databaseSubnetGroupTier(undefined, tiers, 2).tier).toBe("data");
    const e = errorOf(
      () => new SegmentedNetwork("dbsg-bad", { ...BASE, databaseSubnetGroup: { tier: "public" } }),
    );
    expect(e.problems.map((p) => p.code)).toEqual(["PAVED_DB_SUBNET_GROUP"]);
  });
});

describe("EKS subnet tags", () => {
  test("off by default", async () => {
    const { ofType } = await build("eks-off", BASE);
    for (const s of ofType("ec2/subnet:Subnet")) {
      expect(Object.keys(tagsOf(s)).filter((k) => k.startsWith("kubernetes.io/"))).toEqual([]);
    }
  });

  test("elb on public tiers, internal-elb on nat tiers, cluster tags on both, none on isolated tiers", async () => {
    const { byName } = await build("eks", { ...BASE, eksSubnetTags: { clusterNames: ["prod-a"] } });
    expect(tagsOf(byName("eks-public-a"))).toMatchObject({
      "kubernetes.io/role/elb": "1",
      "kubernetes.io/cluster/prod-a": "shared",
    });
    expect(tagsOf(byName("eks-app-b"))).toMatchObject({
      "kubernetes.io/role/internal-elb": "1",
      "kubernetes.io/cluster/prod-a": "shared",
    });
    expect(Object.keys(tagsOf(byName("eks-data-a"))).filter((k) => k.startsWith("kubernetes.io/"))).toEqual(
      [],
    );
    const plain = await build("eks2", { ...BASE, eksSubnetTags: true });
    expect(tagsOf(plain.byName("eks2-public-a"))["kubernetes.io/role/elb"]).toBe("1");
  });

  test("a bad cluster name is refused", () => {
    const e = errorOf(
      () => new SegmentedNetwork("eks-bad", { ...BASE, eksSubnetTags: { clusterNames: ["-no"] } }),
    );
    expect(e.problems.map((p) => `${p.code}@${p.arg}`)).toEqual([
      "PAVED_EKS_SUBNET_TAGS@eksSubnetTags.clusterNames[0]",
    ]);
  });
});

describe("gateway endpoint policies", () => {
  const CTX = { accountId: "123456789012", partition: "aws", region: "eu-west-1" };

  test("by default each gateway endpoint admits this account's principals on this account's resources", async () => {
    const { byName } = await build("gep", BASE);
    for (const svc of ["s3", "dynamodb"]) {
      const policy = JSON.parse(byName(`gep-${svc}-gateway`).inputs.policy as string);
      expect(policy.Statement[0].Condition.StringEquals).toEqual({
        "aws:PrincipalAccount": ["123456789012"],
        "aws:ResourceAccount": ["123456789012"],
      });
      // The pack's reader agrees: Principal "*" is pinned.
      for (const s of policy.Statement) expect(statementIsPublic(s).public).toBe(false);
    }
    const s3 = JSON.parse(byName("gep-s3-gateway").inputs.policy as string);
    expect(s3.Statement[1].Resource).toEqual(["arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"]);
  });

  test("principalAccount drops the resource condition; open leaves AWS's default", async () => {
    const doc = gatewayEndpointPolicyDocument("s3", "principalAccount", CTX)!;
    expect(doc.Statement).toEqual([
      expect.objectContaining({ Condition: { StringEquals: { "aws:PrincipalAccount": ["123456789012"] } } }),
    ]);
    const { byName } = await build("gep-open", { ...BASE, gatewayEndpointPolicy: "open" });
    expect(byName("gep-open-s3-gateway").inputs.policy).toBeUndefined();
    const e = errorOf(
      () => new SegmentedNetwork("gep-bad", { ...BASE, gatewayEndpointPolicy: "none" as "open" }),
    );
    expect(e.problems.map((p) => p.code)).toEqual(["PAVED_ENDPOINT_POLICY"]);
  });
});

describe("security-group tags", () => {
  test("every tier's group names its tier; the public group that receives internet flows says so, and why", async () => {
    const { byName } = await build("sgt", BASE);
    expect(tagsOf(byName("sgt-app-sg"))["paved:tier"]).toBe("app");
    expect(tagsOf(byName("sgt-app-sg"))["paved:internet-facing"]).toBeUndefined();
    const pub = tagsOf(byName("sgt-public-sg"));
    expect(pub["paved:tier"]).toBe("public");
    expect(pub["paved:internet-facing"]).toBe("true");
    expect(pub["paved:internet-facing-justification"]).toMatch(
      /^Customers reach the public load balancer \(CHG-100\)/,
    );
  });

  test("a public tier without internet flows is not declared internet-facing", async () => {
    const { byName } = await build("sgt2", { ...BASE, flows: [] });
    expect(tagsOf(byName("sgt2-public-sg"))["paved:internet-facing"]).toBeUndefined();
  });
});

test("tiers without slots out of their natural order log a warning", async () => {
  const warn = jest.spyOn(pulumi.log, "warn");
  try {
    await build("slotwarn", {
      vpcCidr: "10.0.0.0/16",
      azCount: 2,
      nat: "none",
      tiers: [
        { name: "data", cidrMask: 24, routing: "none" },
        { name: "public", cidrMask: 24, routing: "internet" },
      ],
    });
    expect(warn.mock.calls.map((c) => c[0]).join("\n")).toMatch(
      /SegmentedNetwork "slotwarn": tiers "data", "public" have no slot .*\(data: 0, public: 1\)/,
    );
  } finally {
    warn.mockRestore();
  }
});
