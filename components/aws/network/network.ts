/**
 * SegmentedNetwork: the approved network pattern on AWS. A VPC split into
 * tiers of subnets across AZs, with NAT, routes, NACLs and security groups
 * derived from declared flows, a firewall-rule register, flow logs, locked
 * defaults, gateway and interface endpoints and optional IPv6.
 *
 * The constructor checks every argument first and throws one
 * `PavedValidationError` listing every problem, before any resource (the
 * component included) is registered. It then computes the plan (plan.ts, pure)
 * and creates the resources from it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { resolveGovernance, changeTicketPatternFromConfig } from "../../core/config";
import { PavedValidationError, Problems } from "../../core/errors";
import { arnProblems, plainValueProblems, warnIfPublicVpcCidr } from "../../core/validation";
import { componentTags, mergeKeepingFirst } from "../../core/governance";
import { azSuffix, childName } from "../../core/naming";
import { FirewallRule, renderRegisterMarkdown } from "../../core/register";
import type { SegmentedNetworkArgs } from "./args";
import { createNacls, createSecurityGroupRules, createSecurityGroups } from "./firewall";
import { createFlowLogs } from "./flowlogs";
import { configuredPermissionsBoundaryArn, resolvePermissionsBoundary } from "../iam/boundary";
import { ipv6SubnetCidr } from "../../core/cidr";
import { NetworkPlan, RouteTarget, tryPlanNetwork } from "./plan";
import { NetworkCostEstimate, estimateNetworkMonthlyCost } from "./pricing";
import { eksSubnetTags } from "./options";
import { createGatewayEndpoints, createInterfaceEndpoints } from "./endpoints";
import { networkTopology, NetworkTopology } from "./topology";
import { resolveArgs } from "./validate";

/** The pattern name stamped on every child as `paved:pattern`. */
export const SEGMENTED_NETWORK = "SegmentedNetwork";

/** The region the default provider deploys to: `aws:region`, else the AWS SDK's environment variables. */
export function configuredRegion(): string | undefined {
  return new pulumi.Config("aws").get("region") ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
}

/** The approved network pattern on AWS. See the module comment and {@link SegmentedNetworkArgs}. */
export class SegmentedNetwork extends pulumi.ComponentResource {
  /** The plan the network was built from: tiers, subnets per AZ, routes, flows, rules. Plain data. */
  readonly plan: NetworkPlan;
  /** AZ slots reserved per tier: azCount can grow to this without moving a subnet. */
  readonly reservedAzs: number;
  /** The VPC's id. */
  readonly vpcId: pulumi.Output<string>;
  /** The AZ names used, in AZ order (index i is AZ suffix a, b, ...). */
  readonly availabilityZones: pulumi.Output<string[]>;
  /** Subnet ids by tier, in AZ order: `subnetIds.app[0]` is app's subnet in the first AZ. */
  readonly subnetIds: pulumi.Output<Record<string, string[]>>;
  /** Route-table ids by tier: one per tier, or one per AZ (AZ order) for `nat` tiers with `perAz` NAT. */
  readonly routeTableIds: pulumi.Output<Record<string, string[]>>;
  /** Security-group ids by tier. Attach workloads to their tier's group. */
  readonly securityGroupIds: pulumi.Output<Record<string, string>>;
  /** NACL ids by tier. */
  readonly naclIds: pulumi.Output<Record<string, string>>;
  /** The flow log ids. */
  readonly flowLogIds: pulumi.Output<string[]>;
  /** Endpoint ids by service (`s3`, `dynamodb`, `ssm`, ...). */
  readonly endpointIds: pulumi.Output<Record<string, string>>;
  /** The internet gateway's id, when a public tier exists. */
  readonly internetGatewayId: pulumi.Output<string | undefined>;
  /** NAT gateway ids, in AZ order. */
  readonly natGatewayIds: pulumi.Output<string[]>;
  /** The RDS DB subnet group's name (`dbSubnetGroupName` of an instance or cluster), when there is one. */
  readonly databaseSubnetGroupName: pulumi.Output<string | undefined>;
  /** Every security-group rule and NACL entry, as data: the firewall-rule register. */
  readonly register: pulumi.Output<FirewallRule[]>;
  /** The register as a Markdown table, for the change board. */
  readonly registerMarkdown: pulumi.Output<string>;
  /** The fixed monthly cost of NAT, EIPs, interface endpoints and the flow-log key, with a breakdown. */
  readonly monthlyCostEstimate: pulumi.Output<NetworkCostEstimate>;
  /** Tiers, subnets per AZ, NAT placement and flows with ports: what `paved diagram` draws. */
  readonly topology: pulumi.Output<NetworkTopology>;

  constructor(name: string, args: SegmentedNetworkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const problems = new Problems(SEGMENTED_NETWORK, name);
    // An Output where the plan needs a value: say so, before the checks that would misread it.
    problems.addAll(plainValueProblems(args, ["tags", "flowLogs.kmsKeyArn", "flowLogs.bucketArn"]));
    problems.throwIfAny();
    const gov = resolveGovernance(problems, args?.governance);
    const region = configuredRegion();
    const { resolved, problems: argProblems } = resolveArgs(args, {
      region,
      governance: gov,
      ticketPattern: changeTicketPatternFromConfig(),
    });
    problems.addAll(argProblems);
    const logArgs = args?.flowLogs;
    if (logArgs?.destination === "cloudWatch") {
      problems.addAll(
        arnProblems("flowLogs.kmsKeyArn", logArgs.kmsKeyArn, {
          service: "kms",
          what: "KMS key",
          example: "arn:aws:kms:eu-west-1:123456789012:key/<key-id>",
        }),
      );
    } else if (logArgs?.destination === "s3") {
      problems.addAll(
        arnProblems("flowLogs.bucketArn", logArgs.bucketArn, {
          service: "s3",
          what: "bucket",
          example: "arn:aws:s3:::<bucket>/<prefix>",
        }),
      );
    }
    let flowLogBoundary: string | undefined;
    if (resolved.flowLogs.destination === "cloudWatch") {
      const boundary = resolvePermissionsBoundary(resolved.flowLogs.permissionsBoundary, {
        environment: gov.environment,
        configured: configuredPermissionsBoundaryArn(),
        arg: "flowLogs.permissionsBoundary",
        role: "the flow-log delivery role",
      });
      problems.addAll(boundary.problems);
      flowLogBoundary = boundary.arn;
    }
    const planned = tryPlanNetwork(resolved.planInput);
    problems.addAll(planned.problems);
    problems.throwIfAny();
    if (!planned.plan) throw new PavedValidationError(SEGMENTED_NETWORK, name, planned.problems);
    const plan = planned.plan;
    warnIfPublicVpcCidr(SEGMENTED_NETWORK, name, "vpcCidr", plan.vpcCidr);

    super("paved:aws:SegmentedNetwork", name, {}, opts);
    for (const w of planned.warnings) void pulumi.log.warn(`${SEGMENTED_NETWORK} "${name}": ${w}`, this);
    this.plan = plan;
    this.reservedAzs = plan.reservedAzs;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- every child takes it as { parent }
    const parent: pulumi.Resource = this;
    const baseTags = componentTags(gov, SEGMENTED_NETWORK, args.tags);
    const tags = (display: string) => mergeKeepingFirst(baseTags, { Name: childName(name, display) });

    const azs =
      resolved.azs.kind === "explicit"
        ? pulumi.output([...resolved.azs.names])
        : aws
            .getAvailabilityZonesOutput(
              // Regular zones only: Local and Wavelength Zones are opt-in and lack most services.
              { state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] },
              { parent },
            )
            .apply((r) => {
              if (r.names.length < plan.azCount) {
                throw new Error(
                  `SegmentedNetwork "${name}": azCount ${plan.azCount} exceeds the ${r.names.length} AZs available; list availabilityZones or lower azCount`,
                );
              }
              return r.names.slice(0, plan.azCount);
            });

    const vpc = new aws.ec2.Vpc(
      childName(name, "vpc"),
      {
        cidrBlock: plan.vpcCidr,
        enableDnsSupport: true,
        enableDnsHostnames: true,
        assignGeneratedIpv6CidrBlock: plan.ipv6,
        tags: tags("vpc"),
      },
      { parent },
    );
    // Locked defaults: the default security group and NACL allow nothing.
    new aws.ec2.DefaultSecurityGroup(
      childName(name, "default-sg"),
      { vpcId: vpc.id, ingress: [], egress: [], tags: tags("default-sg-locked") },
      { parent },
    );
    new aws.ec2.DefaultNetworkAcl(
      childName(name, "default-nacl"),
      {
        defaultNetworkAclId: vpc.defaultNetworkAclId,
        ingress: [],
        egress: [],
        tags: tags("default-nacl-locked"),
      },
      { parent, ignoreChanges: ["subnetIds"] },
    );

    const subnets = new Map<string, aws.ec2.Subnet[]>();
    for (const t of plan.tiers) {
      subnets.set(
        t.name,
        t.subnets.map((s) => {
          const ipv6Index = s.ipv6Index;
          return new aws.ec2.Subnet(
            childName(name, t.name, azSuffix(s.azIndex)),
            {
              vpcId: vpc.id,
              cidrBlock: s.cidr,
              availabilityZone: azs.apply((a) => a[s.azIndex]),
              mapPublicIpOnLaunch: false,
              ...(ipv6Index !== undefined
                ? {
                    ipv6CidrBlock: vpc.ipv6CidrBlock.apply((c) => ipv6SubnetCidr(c, ipv6Index)),
                    assignIpv6AddressOnCreation: true,
                  }
                : {}),
              tags: {
                ...tags(`${t.name}-${azSuffix(s.azIndex)}`),
                "paved:tier": t.name,
                ...eksSubnetTags(resolved.eksSubnetTags, t.routing),
              },
            },
            { parent },
          );
        }),
      );
    }

    const igw = plan.internetGateway
      ? new aws.ec2.InternetGateway(childName(name, "igw"), { vpcId: vpc.id, tags: tags("igw") }, { parent })
      : undefined;
    const eigw = plan.egressOnlyGateway
      ? new aws.ec2.EgressOnlyInternetGateway(
          childName(name, "eigw"),
          { vpcId: vpc.id, tags: tags("eigw") },
          { parent },
        )
      : undefined;
    const nats = plan.natGateways.map((n) => {
      const az = azSuffix(n.azIndex);
      const eip = new aws.ec2.Eip(
        childName(name, "nat", az, "eip"),
        { domain: "vpc", tags: tags(`nat-${az}-eip`) },
        { parent },
      );
      const subnet = (subnets.get(n.tier) ?? [])[n.azIndex];
      return new aws.ec2.NatGateway(
        childName(name, "nat", az),
        { allocationId: eip.id, subnetId: subnet.id, connectivityType: "public", tags: tags(`nat-${az}`) },
        { parent, dependsOn: igw ? [igw] : [] },
      );
    });

    const routeTables = new Map<string, aws.ec2.RouteTable[]>();
    const endpointTables: aws.ec2.RouteTable[] = [];
    for (const rt of plan.routeTables) {
      const table = new aws.ec2.RouteTable(
        childName(name, rt.key),
        { vpcId: vpc.id, tags: tags(rt.key) },
        { parent },
      );
      routeTables.set(rt.tier, [...(routeTables.get(rt.tier) ?? []), table]);
      if (rt.gatewayEndpoints) endpointTables.push(table);
      for (const route of rt.routes) {
        const target = routeTarget(route.target, igw, nats, eigw);
        new aws.ec2.Route(
          childName(name, rt.key, route.destination === "::/0" ? "default6" : "default4"),
          {
            routeTableId: table.id,
            ...(route.destination === "::/0"
              ? { destinationIpv6CidrBlock: route.destination }
              : { destinationCidrBlock: route.destination }),
            ...target,
          },
          { parent },
        );
      }
      for (const az of rt.azIndexes) {
        new aws.ec2.RouteTableAssociation(
          childName(name, rt.tier, azSuffix(az), "rta"),
          { routeTableId: table.id, subnetId: (subnets.get(rt.tier) ?? [])[az].id },
          { parent },
        );
      }
    }

    const regionName = aws.getRegionOutput({}, { parent }).region;
    const ctx = { name, parent, vpc, tags, regionName };
    const { endpoints, prefixLists } = createGatewayEndpoints(
      ctx,
      plan.gatewayEndpoints,
      endpointTables,
      resolved.gatewayEndpointPolicy,
    );
    const groups = createSecurityGroups(name, parent, plan, vpc, tags);
    const endpointSubnets = plan.endpointTier ? (subnets.get(plan.endpointTier) ?? []) : [];
    Object.assign(endpoints, createInterfaceEndpoints(ctx, plan.interfaceEndpoints, endpointSubnets, groups));

    const dbTier = resolved.databaseSubnetTier;
    const dbSubnetGroup = dbTier
      ? new aws.rds.SubnetGroup(
          childName(name, dbTier, "db-subnets"),
          {
            subnetIds: (subnets.get(dbTier) ?? []).map((s) => s.id),
            description: `SegmentedNetwork ${name}: the ${dbTier} tier's subnets, for RDS and Aurora`,
            tags: { ...tags(`${dbTier}-db-subnets`), "paved:tier": dbTier },
          },
          { parent },
        )
      : undefined;

    const fw = { name, parent, plan, vpc, tags, groups, prefixLists, subnets };
    createSecurityGroupRules(fw);
    const { acls } = createNacls(fw);
    const logs = createFlowLogs({
      name,
      parent,
      vpc,
      config: resolved.flowLogs,
      permissionsBoundary: flowLogBoundary,
      tags,
    });

    const idsByTier = <T extends { id: pulumi.Output<string> }>(m: Map<string, T[]>) =>
      pulumi.all(Object.fromEntries([...m].map(([k, v]) => [k, pulumi.all(v.map((x) => x.id))])));
    this.vpcId = vpc.id;
    this.availabilityZones = azs;
    this.subnetIds = idsByTier(subnets);
    this.routeTableIds = idsByTier(routeTables);
    this.securityGroupIds = pulumi.all(
      Object.fromEntries(plan.tiers.map((t) => [t.name, groups.get(t.name)!.id])),
    );
    this.naclIds = pulumi.all(Object.fromEntries([...acls].map(([k, v]) => [k, v.id])));
    this.flowLogIds = pulumi.all([logs.flowLog.id]);
    this.endpointIds = pulumi.all(Object.fromEntries(Object.entries(endpoints).map(([k, v]) => [k, v.id])));
    this.internetGatewayId = igw ? igw.id : pulumi.output(undefined);
    this.natGatewayIds = pulumi.all(nats.map((n) => n.id));
    this.databaseSubnetGroupName = dbSubnetGroup ? dbSubnetGroup.name : pulumi.output(undefined);
    this.register = pulumi.output(plan.register.map((r) => ({ ...r })));
    this.registerMarkdown = pulumi.output(renderRegisterMarkdown(`SegmentedNetwork ${name}`, plan.register));
    this.monthlyCostEstimate = pulumi.output(
      estimateNetworkMonthlyCost({
        region,
        nat: plan.nat,
        natGateways: plan.natGateways.length,
        interfaceEndpoints: plan.interfaceEndpoints.length,
        azCount: plan.azCount,
        kmsKey: resolved.flowLogs.destination === "cloudWatch" && resolved.flowLogs.kmsKeyArn === undefined,
      }),
    );
    this.topology = pulumi.output(networkTopology(plan));
    this.registerOutputs({
      vpcId: this.vpcId,
      availabilityZones: this.availabilityZones,
      subnetIds: this.subnetIds,
      routeTableIds: this.routeTableIds,
      securityGroupIds: this.securityGroupIds,
      naclIds: this.naclIds,
      flowLogIds: this.flowLogIds,
      endpointIds: this.endpointIds,
      internetGatewayId: this.internetGatewayId,
      natGatewayIds: this.natGatewayIds,
      databaseSubnetGroupName: this.databaseSubnetGroupName,
      register: this.register,
      registerMarkdown: this.registerMarkdown,
      monthlyCostEstimate: this.monthlyCostEstimate,
      topology: this.topology,
    });
  }
}

function routeTarget(
  t: RouteTarget,
  igw: aws.ec2.InternetGateway | undefined,
  nats: readonly aws.ec2.NatGateway[],
  eigw: aws.ec2.EgressOnlyInternetGateway | undefined,
): {
  gatewayId?: pulumi.Input<string>;
  natGatewayId?: pulumi.Input<string>;
  egressOnlyGatewayId?: pulumi.Input<string>;
} {
  switch (t.kind) {
    case "internetGateway":
      return { gatewayId: (igw as aws.ec2.InternetGateway).id };
    case "natGateway":
      return { natGatewayId: nats[t.index].id };
    case "egressOnlyGateway":
      return { egressOnlyGatewayId: (eigw as aws.ec2.EgressOnlyInternetGateway).id };
    default: {
      const never: never = t;
      throw new Error(`unknown route target ${JSON.stringify(never)}`);
    }
  }
}
