/**
 * SegmentedNetwork under the mock engine: the resources it creates, their
 * wiring, tags and outputs, and every argument error.
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
import { PavedValidationError } from "../../../components/core/errors";
import { PATTERN_TAG, REQUIRED_TAG_KEYS, VERSION_TAG } from "../../../components/core/governance";
import { SegmentedNetwork } from "../../../components/aws/network/network";
import type { SegmentedNetworkArgs } from "../../../components/aws/network/args";
import type { FlowSpec } from "../../../components/aws/network/types";
import { SAMPLE_FLOWS } from "./network-fixtures";

/** Types AWS cannot tag. */
const UNTAGGABLE = new Set([
  "aws:ec2/route:Route",
  "aws:ec2/routeTableAssociation:RouteTableAssociation",
  "aws:ec2/networkAclRule:NetworkAclRule",
  "aws:ec2/networkAclAssociation:NetworkAclAssociation",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:kms/alias:Alias",
]);

async function build(name: string, args: SegmentedNetworkArgs) {
  const net = new SegmentedNetwork(name, args);
  await settle();
  const kids = descendants(records, await valueOf(net.urn));
  const byName = (n: string): RecordedResource => {
    const r = kids.find((k) => k.name === n);
    if (!r) throw new Error(`no child ${n}`);
    return r;
  };
  const ofType = (t: string) => kids.filter((k) => k.type === `aws:${t}`);
  return { net, kids, byName, ofType };
}

function countByType(kids: readonly RecordedResource[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of kids) out[k.type.split(":").pop()!] = (out[k.type.split(":").pop()!] ?? 0) + 1;
  return out;
}

const BASE: SegmentedNetworkArgs = { vpcCidr: "10.0.0.0/16", flows: SAMPLE_FLOWS };

describe("resource counts per NAT strategy", () => {
  test("perAz: a NAT gateway and EIP per AZ, a route table per AZ for the nat tier", async () => {
    const { kids } = await build("peraz", { ...BASE, nat: "perAz" });
    expect(countByType(kids)).toMatchObject({
      Vpc: 1,
      Subnet: 12,
      InternetGateway: 1,
      Eip: 3,
      NatGateway: 3,
      RouteTable: 6,
      RouteTableAssociation: 12,
      Route: 4,
      NetworkAcl: 4,
      NetworkAclAssociation: 12,
      SecurityGroup: 4,
      SecurityGroupIngressRule: 4,
      SecurityGroupEgressRule: 3,
      DefaultSecurityGroup: 1,
      DefaultNetworkAcl: 1,
      VpcEndpoint: 2,
      FlowLog: 1,
      LogGroup: 1,
      Key: 1,
      Role: 1,
      RolePolicy: 1,
    });
    expect(countByType(kids).EgressOnlyInternetGateway).toBeUndefined();
  });

  test("single: one NAT gateway, one route table per tier", async () => {
    const { kids, ofType } = await build("single", { ...BASE, nat: "single" });
    const c = countByType(kids);
    expect([c.Eip, c.NatGateway, c.RouteTable, c.Route]).toEqual([1, 1, 4, 2]);
    expect(
      ofType("ec2/route:Route")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["single-app-rt-default4", "single-public-rt-default4"]);
  });

  test("none: no NAT gateway, no EIP, only the public default route", async () => {
    const { kids, ofType } = await build("nonat", { ...BASE, nat: "none", flows: SAMPLE_FLOWS.slice(0, 3) });
    const c = countByType(kids);
    expect([c.Eip, c.NatGateway, c.RouteTable, c.Route]).toEqual([undefined, undefined, 4, 1]);
    expect(ofType("ec2/route:Route")[0].inputs).toMatchObject({ destinationCidrBlock: "0.0.0.0/0" });
  });

  test("no public tier: no internet gateway", async () => {
    const { kids } = await build("private", {
      vpcCidr: "10.1.0.0/16",
      nat: "none",
      tiers: [{ name: "app", cidrMask: 24, routing: "none" }],
    });
    expect(countByType(kids).InternetGateway).toBeUndefined();
  });
});

describe("the perAz network with the sample flows", () => {
  const ready = build("core", { ...BASE, nat: "perAz", interfaceEndpoints: ["ssm"] });

  test("every taggable child carries governance tags, the stamps and a Name", async () => {
    const { kids } = await ready;
    const taggable = kids.filter((k) => !UNTAGGABLE.has(k.type));
    expect(taggable.length).toBeGreaterThan(40);
    for (const k of taggable) {
      const tags = k.inputs.tags as Record<string, string>;
      expect({ name: k.name, keys: Object.keys(tags ?? {}) }).toEqual({
        name: k.name,
        keys: expect.arrayContaining([...REQUIRED_TAG_KEYS, PATTERN_TAG, VERSION_TAG, "Name"]),
      });
      expect(tags[PATTERN_TAG]).toBe("SegmentedNetwork");
      expect(tags["app-id"]).toBe("payments-api");
    }
  });

  test("subnets: planned CIDRs, AZs from the data source, no public IPs on launch", async () => {
    const { byName } = await ready;
    expect(byName("core-app-b").inputs).toMatchObject({
      cidrBlock: "10.0.80.0/20",
      availabilityZone: "eu-west-1b",
      mapPublicIpOnLaunch: false,
    });
    expect(byName("core-public-a").inputs.tags).toMatchObject({
      Name: "core-public-a",
      "paved:tier": "public",
    });
  });

  test("the default security group and NACL are locked: no rules at all", async () => {
    const { byName, ofType } = await ready;
    const vpcId = ofType("ec2/vpc:Vpc")[0].id;
    expect(byName("core-default-sg").inputs).toMatchObject({ vpcId, ingress: [], egress: [] });
    expect(byName("core-default-nacl").inputs).toMatchObject({ ingress: [], egress: [] });
  });

  test("security-group rules, rule by rule", async () => {
    const { ofType, byName } = await ready;
    const owners = ["public", "app", "data", "intra", "ep-ssm"];
    const ownerOf = (id: unknown) => owners.find((o) => byName(`core-${o}-sg`).id === id) ?? String(id);
    const rows = [
      ...ofType("vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
      ...ofType("vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
    ]
      .map((r) => {
        const i = r.inputs;
        const peer = i.cidrIpv4 ?? ownerOf(i.referencedSecurityGroupId);
        const dir = r.type.includes("Ingress") ? "in" : "out";
        return `${ownerOf(i.securityGroupId)} ${dir} ${peer} ${i.ipProtocol} ${i.fromPort}-${i.toPort} | ${i.description}`;
      })
      .sort();
    const endpoint = "tcp 443-443 | Reach the ssm interface endpoint (AWS API over PrivateLink)";
    expect(rows).toEqual(
      [
        "app in public tcp 8080-8080 | Load balancer forwards to the app",
        "app out 0.0.0.0/0 tcp 443-443 | App calls the payment provider API",
        "app out data tcp 5432-5432 | App reads and writes PostgreSQL",
        `app out ep-ssm ${endpoint}`,
        "data in app tcp 5432-5432 | App reads and writes PostgreSQL",
        `data out ep-ssm ${endpoint}`,
        "ep-ssm in 10.0.0.0/16 tcp 443-443 | The ssm interface endpoint admits HTTPS from the VPC s range",
        `intra out ep-ssm ${endpoint}`,
        "public in 0.0.0.0/0 tcp 443-443 | Customers reach the public load balancer",
        "public in 0.0.0.0/0 tcp 80-80 | Customers reach the public load balancer",
        "public out app tcp 8080-8080 | Load balancer forwards to the app",
        `public out ep-ssm ${endpoint}`,
      ].sort(),
    );
  });

  test("the security groups have no inline rules", async () => {
    const { ofType } = await ready;
    for (const sg of ofType("ec2/securityGroup:SecurityGroup")) {
      expect(sg.inputs.ingress).toBeUndefined();
      expect(sg.inputs.egress).toBeUndefined();
    }
  });

  test("NACL entries of the data tier, entry by entry", async () => {
    const { ofType, byName, net } = await ready;
    const acl = byName("core-data-nacl").id;
    const rows = ofType("ec2/networkAclRule:NetworkAclRule")
      .filter((r) => r.inputs.networkAclId === acl)
      .map((r) => {
        const i = r.inputs;
        return `${i.egress ? "out" : "in"} #${i.ruleNumber} ${i.ruleAction} ${i.protocol} ${i.fromPort}-${i.toPort} ${i.cidrBlock}`;
      })
      .sort();
    const n = (direction: string, ports: string) =>
      net.plan.register.find(
        (r) =>
          r.kind === "network-acl" &&
          r.direction === direction &&
          r.ports === ports &&
          (r.from === "data" || r.to === "data"),
      )!.ruleNumber;
    expect(rows).toEqual(
      [
        `in #${n("ingress", "5432")} allow 6 5432-5432 10.0.64.0/18`,
        `in #${n("ingress", "1024-65535")} allow 6 1024-65535 10.0.64.0/18`,
        "in #32766 deny -1 0-0 0.0.0.0/0",
        `out #${n("egress", "1024-65535")} allow 6 1024-65535 10.0.64.0/18`,
        `out #${n("egress", "443")} allow 6 443-443 10.0.64.0/18`,
        "out #32766 deny -1 0-0 0.0.0.0/0",
      ].sort(),
    );
    const justification = (id: string) => net.plan.naclEntries.find((e) => e.id === id)!.justification;
    const dataIn = net.plan.naclEntries
      .filter((e) => e.tier === "data" && e.direction === "ingress")
      .map((e) => justification(e.id));
    expect(dataIn).toEqual(
      expect.arrayContaining([
        "App reads and writes PostgreSQL",
        "Return traffic (ephemeral ports) of: Reach the ssm interface endpoint (AWS API over PrivateLink)",
        "Default deny: everything no flow allows",
      ]),
    );
  });

  test("each tier's NACL is associated with its subnets in every AZ", async () => {
    const { ofType, byName } = await ready;
    const assoc = ofType("ec2/networkAclAssociation:NetworkAclAssociation").filter(
      (a) => a.inputs.networkAclId === byName("core-app-nacl").id,
    );
    expect(assoc.map((a) => a.inputs.subnetId).sort()).toEqual(
      ["core-app-a", "core-app-b", "core-app-c"].map((n) => byName(n).id).sort(),
    );
  });

  test("the register output holds every rule, and its Markdown lists them for the change board", async () => {
    const { net, ofType } = await ready;
    const register = await valueOf(net.register);
    expect(register).toHaveLength(
      ofType("ec2/networkAclRule:NetworkAclRule").length +
        ofType("vpc/securityGroupIngressRule:SecurityGroupIngressRule").length +
        ofType("vpc/securityGroupEgressRule:SecurityGroupEgressRule").length,
    );
    expect(register).toContainEqual(
      expect.objectContaining({
        kind: "security-group",
        direction: "ingress",
        from: "app",
        to: "data",
        ports: "5432",
        protocol: "tcp",
        justification: "App reads and writes PostgreSQL",
        ticket: "CHG-101",
      }),
    );
    expect(register).toContainEqual(
      expect.objectContaining({
        kind: "network-acl",
        direction: "egress",
        from: "data",
        to: "app 10.0.64.0/18",
        ports: "1024-65535",
        ticket: "CHG-101",
      }),
    );
    const md = await valueOf(net.registerMarkdown);
    expect(md).toContain("## Firewall-rule register: SegmentedNetwork core");
    expect(md).toContain(`${register.length} rules.`);
    expect(md).toMatch(
      /\| sg-data-in-[0-9a-f]{8} \| security-group \| ingress \| allow \| app \| data \| 5432 \| tcp \| App reads and writes PostgreSQL \| CHG-101 \|/,
    );
  });

  test("rule resources are named by their stable rule id", async () => {
    const { net, kids } = await ready;
    for (const r of net.plan.securityGroupRules)
      expect(kids.some((k) => k.name === `core-${r.id}`)).toBe(true);
  });

  test("flow logs are on by default: ALL traffic to a KMS-encrypted log group kept 365 days", async () => {
    const { byName, net } = await ready;
    const key = byName("core-flow-log-key");
    const group = byName("core-flow-log-group");
    const log = byName("core-flow-log");
    expect(log.inputs).toMatchObject({
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      vpcId: await valueOf(net.vpcId),
    });
    expect(group.inputs).toMatchObject({
      retentionInDays: 365,
      name: "/paved/paved-test/dev/core/vpc-flow-logs",
    });
    expect(group.inputs.kmsKeyId).toMatch(/^arn:aws:kms:eu-west-1:/);
    expect(key.inputs.enableKeyRotation).toBe(true);
    expect(byName("core-flow-log-key-alias").inputs.targetKeyId).toBe(group.inputs.kmsKeyId);
    const policy = JSON.parse(key.inputs.policy as string);
    // The shared key policy: the account root administers but cannot encrypt or decrypt.
    const root = policy.Statement.find((s: any) => s.Principal.AWS === "arn:aws:iam::123456789012:root");
    expect(root.Action).not.toContain("kms:*");
    expect(root.Action).not.toContain("kms:Decrypt");
    const logs = policy.Statement.find((s: any) => s.Principal.Service === "logs.eu-west-1.amazonaws.com");
    expect(logs.Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"]).toBe(
      "arn:aws:logs:eu-west-1:123456789012:log-group:/paved/paved-test/dev/core/vpc-flow-logs",
    );
    const trust = JSON.parse(byName("core-flow-log-role").inputs.assumeRolePolicy as string);
    expect(trust.Statement[0].Principal).toEqual({ Service: "vpc-flow-logs.amazonaws.com" });
    expect(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"]).toBe("123456789012");
    const perms = JSON.parse(byName("core-flow-log-policy").inputs.policy as string);
    expect(perms.Statement.flatMap((s: any) => [s.Action].flat()).sort()).toEqual([
      "logs:CreateLogStream",
      "logs:DescribeLogGroups",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]);
    expect(JSON.stringify(perms)).not.toContain('"Resource":"*"');
    expect(await valueOf(net.flowLogIds)).toEqual([log.id]);
  });

  test("gateway endpoints are wired to every non-public route table", async () => {
    const { byName } = await ready;
    const s3 = byName("core-s3-gateway");
    expect(s3.inputs).toMatchObject({
      vpcEndpointType: "Gateway",
      serviceName: "com.amazonaws.eu-west-1.s3",
    });
    const expected = ["core-app-rt-a", "core-app-rt-b", "core-app-rt-c", "core-data-rt", "core-intra-rt"].map(
      (n) => byName(n).id,
    );
    expect(s3.inputs.routeTableIds).toEqual(expected);
    expect(byName("core-dynamodb-gateway").inputs.routeTableIds).toEqual(expected);
    expect(s3.inputs.routeTableIds).not.toContain(byName("core-public-rt").id);
  });

  test("an interface endpoint sits in the endpoint tier with its own group admitting only the VPC range", async () => {
    const { byName, ofType } = await ready;
    const ep = byName("core-ep-ssm");
    const sg = byName("core-ep-ssm-sg");
    expect(ep.inputs).toMatchObject({
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      serviceName: "com.amazonaws.eu-west-1.ssm",
      securityGroupIds: [sg.id],
      subnetIds: ["core-app-a", "core-app-b", "core-app-c"].map((n) => byName(n).id),
    });
    const ingress = ofType("vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
      (r) => r.inputs.securityGroupId === sg.id,
    );
    expect(ingress.map((r) => r.inputs)).toEqual([
      expect.objectContaining({ cidrIpv4: "10.0.0.0/16", ipProtocol: "tcp", fromPort: 443, toPort: 443 }),
    ]);
  });

  test("routes: public to the IGW, each AZ's app table to its own NAT gateway", async () => {
    const { byName } = await ready;
    expect(byName("core-public-rt-default4").inputs).toMatchObject({
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: byName("core-igw").id,
    });
    for (const az of ["a", "b", "c"]) {
      expect(byName(`core-app-rt-${az}-default4`).inputs).toMatchObject({
        natGatewayId: byName(`core-nat-${az}`).id,
      });
      expect(byName(`core-nat-${az}`).inputs.subnetId).toBe(byName(`core-public-${az}`).id);
    }
  });

  test("outputs: ids by tier and AZ, and the monthly cost of perAz NAT with its breakdown", async () => {
    const { net, byName } = await ready;
    expect(await valueOf(net.subnetIds)).toMatchObject({
      app: ["core-app-a", "core-app-b", "core-app-c"].map((n) => byName(n).id),
    });
    expect((await valueOf(net.routeTableIds)).app).toHaveLength(3);
    expect(await valueOf(net.securityGroupIds)).toEqual({
      public: byName("core-public-sg").id,
      app: byName("core-app-sg").id,
      data: byName("core-data-sg").id,
      intra: byName("core-intra-sg").id,
    });
    expect(Object.keys(await valueOf(net.naclIds))).toEqual(["public", "app", "data", "intra"]);
    expect(Object.keys(await valueOf(net.endpointIds)).sort()).toEqual(["dynamodb", "s3", "ssm"]);
    expect(await valueOf(net.availabilityZones)).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    expect(net.reservedAzs).toBe(4);
    const cost = await valueOf(net.monthlyCostEstimate);
    expect(cost.items).toEqual([
      { item: "NAT gateway", quantity: 3, unitPrice: 0.048, unit: "hour", monthly: 105.12 },
      { item: "Elastic IP (NAT)", quantity: 3, unitPrice: 0.005, unit: "hour", monthly: 10.95 },
      { item: "Interface endpoint AZ-hours", quantity: 3, unitPrice: 0.011, unit: "hour", monthly: 24.09 },
      { item: "KMS key (flow logs)", quantity: 1, unitPrice: 1, unit: "month", monthly: 1 },
    ]);
    expect(cost.total).toBe(141.16);
    const topo = await valueOf(net.topology);
    expect(topo.tiers.map((t) => [t.name, t.natAzs])).toEqual([
      ["public", [0, 1, 2]],
      ["app", []],
      ["data", []],
      ["intra", []],
    ]);
    expect(topo.flows).toContainEqual(
      expect.objectContaining({ from: "app", to: "data", protocol: "tcp", ports: "5432", generated: false }),
    );
    expect(cost).toMatchObject({ currency: "USD", region: "eu-west-1", nat: "perAz", defaultPrices: false });
  });
});

describe("options", () => {
  test("IPv6: a /56 for the VPC, a /64 per subnet, ::/0 to the IGW and the egress-only gateway", async () => {
    const { byName, ofType } = await build("dual", { ...BASE, nat: "single", ipv6: true });
    expect(ofType("ec2/vpc:Vpc")[0].inputs.assignGeneratedIpv6CidrBlock).toBe(true);
    expect(byName("dual-app-b").inputs).toMatchObject({
      ipv6CidrBlock: "2600:1f18:1234:5605::/64",
      assignIpv6AddressOnCreation: true,
    });
    expect(byName("dual-public-rt-default6").inputs).toMatchObject({
      destinationIpv6CidrBlock: "::/0",
      gatewayId: byName("dual-igw").id,
    });
    expect(byName("dual-app-rt-default6").inputs).toMatchObject({
      destinationIpv6CidrBlock: "::/0",
      egressOnlyGatewayId: byName("dual-eigw").id,
    });
    expect(ofType("ec2/route:Route").some((r) => r.name.startsWith("dual-data-rt"))).toBe(false);
    const v6Entries = ofType("ec2/networkAclRule:NetworkAclRule").filter(
      (r) => r.inputs.ipv6CidrBlock === "2600:1f18:1234:5604::/62",
    );
    expect(v6Entries.length).toBeGreaterThan(0);
  });

  test("explicit AZs are used as given", async () => {
    const { byName, net } = await build("explicit", {
      vpcCidr: "10.2.0.0/16",
      availabilityZones: ["eu-west-1c", "eu-west-1a"],
    });
    expect(byName("explicit-data-a").inputs.availabilityZone).toBe("eu-west-1c");
    expect(byName("explicit-data-b").inputs.availabilityZone).toBe("eu-west-1a");
    expect(net.plan.azCount).toBe(2);
  });

  test("flow logs to S3: no log group, key or role", async () => {
    const { byName, kids, net } = await build("tos3", {
      vpcCidr: "10.3.0.0/16",
      flowLogs: { destination: "s3", bucketArn: "arn:aws:s3:::org-log-archive/vpc" },
    });
    expect(byName("tos3-flow-log").inputs).toMatchObject({
      trafficType: "ALL",
      logDestinationType: "s3",
      logDestination: "arn:aws:s3:::org-log-archive/vpc",
    });
    expect(kids.filter((k) => /LogGroup|kms|iam/.test(k.type))).toEqual([]);
    expect((await valueOf(net.monthlyCostEstimate)).items.map((i) => i.item)).toEqual([
      "NAT gateway",
      "Elastic IP (NAT)",
    ]);
  });

  test("prod defaults to perAz NAT; other environments to single", async () => {
    const prod = await build("prodnet", {
      vpcCidr: "10.4.0.0/16",
      governance: { environment: "prod", changeTicket: "CHG-9" },
    });
    expect(prod.net.plan.nat).toBe("perAz");
    const dev = await build("devnet", { vpcCidr: "10.5.0.0/16" });
    expect(dev.net.plan.nat).toBe("single");
  });

  test("flows without a ticket take the governance change ticket", async () => {
    const { net } = await build("ticketed", {
      vpcCidr: "10.6.0.0/16",
      governance: { changeTicket: "CHG-77" },
      flows: [{ from: "app", to: "data", ports: 5432, justification: "App reads and writes PostgreSQL" }],
    });
    expect(
      (await valueOf(net.register)).filter((r) => r.action === "allow").every((r) => r.ticket === "CHG-77"),
    ).toBe(true);
  });
});

describe("bad input: one PavedValidationError before any resource", () => {
  function failure(name: string, args: SegmentedNetworkArgs): PavedValidationError {
    const before = records.length;
    try {
      new SegmentedNetwork(name, args);
    } catch (e) {
      expect(PavedValidationError.isInstance(e)).toBe(true);
      expect(records.length).toBe(before);
      expect(records.some((r) => r.name === name || r.name.startsWith(`${name}-`))).toBe(false);
      return e as PavedValidationError;
    }
    throw new Error("expected a PavedValidationError");
  }

  test.each<[string, SegmentedNetworkArgs, string, RegExp]>([
    [
      "overlapping CIDR",
      { vpcCidr: "10.0.0.0/16", avoid: ["10.0.0.0/8"] },
      "PAVED_CIDR_OVERLAP",
      /vpcCidr 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/8.*; choose a VPC range/,
    ],
    [
      "out-of-range CIDR",
      { vpcCidr: "10.0.0.0/12" },
      "PAVED_CIDR_MASK_RANGE",
      /vpcCidr mask \/12 is outside the AWS limits; use \/16..\/28/,
    ],
    ["unaligned CIDR", { vpcCidr: "10.0.0.1/16" }, "PAVED_CIDR_UNALIGNED", /use 10\.0\.0\.0\/16/],
    [
      "more AZs than the region has",
      { vpcCidr: "10.0.0.0/16", azCount: 4 },
      "PAVED_AZ_COUNT_REGION",
      /azCount 4 is more AZs than eu-west-1 has \(3\); use at most 3/,
    ],
    [
      "more explicit AZs than the region has",
      { vpcCidr: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"] },
      "PAVED_AZ_COUNT_REGION",
      /availabilityZones lists 4 AZs and eu-west-1 has 3/,
    ],
    [
      "AZ of another region",
      { vpcCidr: "10.0.0.0/16", availabilityZones: ["us-east-1a"] },
      "PAVED_AZ_NAME",
      /availabilityZones\[0\] "us-east-1a" is not in region eu-west-1/,
    ],
    [
      "both azCount and availabilityZones",
      { vpcCidr: "10.0.0.0/16", azCount: 2, availabilityZones: ["eu-west-1a"] },
      "PAVED_AZ_AMBIGUOUS",
      /azCount is set together with availabilityZones; give either/,
    ],
    [
      "mask outside /16../28",
      { vpcCidr: "10.0.0.0/16", tiers: [{ name: "tiny", cidrMask: 30, routing: "none" }], nat: "none" },
      "PAVED_CIDR_MASK_RANGE",
      /tier "tiny" cidrMask 30 is too small; use 16..28/,
    ],
    [
      "flow naming an unknown tier",
      {
        vpcCidr: "10.0.0.0/16",
        flows: [
          { from: "app", to: "dmz", ports: 443, justification: "Reach the DMZ proxies", ticket: "CHG-1" },
        ],
      },
      "PAVED_FLOW_UNKNOWN_TIER",
      /flows\[0\]\.to "dmz" is not a tier.*; use one of the tiers \(public, app, data, intra\)/,
    ],
    [
      "missing justification",
      {
        vpcCidr: "10.0.0.0/16",
        flows: [{ from: "app", to: "data", ports: 5432, ticket: "CHG-1" } as FlowSpec],
      },
      "PAVED_FLOW_JUSTIFICATION",
      /flows\[0\]\.justification is missing; say why/,
    ],
    [
      "duplicate tier",
      {
        vpcCidr: "10.0.0.0/16",
        nat: "none",
        tiers: [
          { name: "app", cidrMask: 24, routing: "none" },
          { name: "app", cidrMask: 24, routing: "none" },
        ],
      },
      "PAVED_TIER_DUPLICATE",
      /tier "app" is declared twice; give every tier a unique name/,
    ],
    [
      "invalid port range",
      {
        vpcCidr: "10.0.0.0/16",
        flows: [
          {
            from: "app",
            to: "data",
            ports: "5432-80",
            justification: "App reads and writes PostgreSQL",
            ticket: "CHG-1",
          },
        ],
      },
      "PAVED_PORT_RANGE",
      /flows\[0\]\.ports 5432-80 runs backwards; use a port 1\.\.65535/,
    ],
    [
      "internet to a private tier",
      {
        vpcCidr: "10.0.0.0/16",
        flows: [
          {
            from: "internet",
            to: "data",
            ports: 5432,
            justification: "Somebody wants direct access",
            ticket: "CHG-1",
          },
        ],
      },
      "PAVED_FLOW_INTERNET_TIER",
      /flows\[0\]\.to "data" is not a public tier/,
    ],
    [
      "admin port from the internet",
      {
        vpcCidr: "10.0.0.0/16",
        flows: [
          {
            from: "internet",
            to: "public",
            ports: 22,
            justification: "Operators log in with SSH",
            ticket: "CHG-1",
          },
        ],
      },
      "PAVED_FLOW_ADMIN_PORT",
      /flows\[0\]\.ports open 22 \(SSH\) to the internet; admin ports are never opened/,
    ],
    [
      "flow-log retention",
      { vpcCidr: "10.0.0.0/16", flowLogs: { destination: "cloudWatch", retentionInDays: 100 } },
      "PAVED_FLOW_LOG_RETENTION",
      /flowLogs\.retentionInDays 100 is not a retention/,
    ],
    [
      "S3 flow logs without a bucket",
      { vpcCidr: "10.0.0.0/16", flowLogs: { destination: "s3", bucketArn: "" } },
      "PAVED_FLOW_LOG_BUCKET",
      /flowLogs\.bucketArn is missing/,
    ],
    [
      "unknown gateway endpoint",
      { vpcCidr: "10.0.0.0/16", gatewayEndpoints: ["sqs" as never] },
      "PAVED_ENDPOINT_SERVICE",
      /gatewayEndpoints\[0\] "sqs" is not a gateway endpoint service/,
    ],
    [
      "NACL limit out of range",
      { vpcCidr: "10.0.0.0/16", naclRuleLimit: 100 },
      "PAVED_NACL_LIMIT",
      /naclRuleLimit 100 is out of range/,
    ],
    [
      "bad governance",
      { vpcCidr: "10.0.0.0/16", governance: { dataClassification: "secret" as never } },
      "PAVED_TAG_INVALID",
      /governance\.dataClassification "secret" is not a classification/,
    ],
  ])("%s", (label, args, code, message) => {
    const e = failure(`bad-${label.replace(/[^a-z]/gi, "")}`, args);
    expect(e.hasCode(code)).toBe(true);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(`SegmentedNetwork "bad-`);
  });

  test("every problem is listed in one error", () => {
    const e = failure("bad-many", {
      vpcCidr: "10.0.0.0/12",
      azCount: 9,
      flows: [{ from: "dmz", to: "app", ports: 99999, justification: "" } as FlowSpec],
    });
    expect(e.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining([
        "PAVED_CIDR_MASK_RANGE",
        "PAVED_AZ_COUNT_REGION",
        "PAVED_FLOW_UNKNOWN_TIER",
        "PAVED_PORT_RANGE",
        "PAVED_FLOW_JUSTIFICATION",
        "PAVED_FLOW_TICKET",
      ]),
    );
    expect(e.message.split("\n").length).toBe(e.problems.length);
  });
});

test("URN snapshot for a fixed configuration (guards against unintended replacement)", async () => {
  const { kids } = await build("snap", {
    vpcCidr: "10.9.0.0/16",
    nat: "perAz",
    ipv6: true,
    interfaceEndpoints: ["ssm", "ecr.api"],
    flows: SAMPLE_FLOWS,
  });
  expect(kids.map((k) => k.urn.replace(/^urn:pulumi:[^:]+::[^:]+::/, "")).sort()).toMatchSnapshot();
});
