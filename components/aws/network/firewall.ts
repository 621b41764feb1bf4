/**
 * The firewall resources of SegmentedNetwork: a security group per tier with
 * separate rule resources (no inline rules), and a NACL per tier with
 * numbered entries and an explicit default deny. The rules themselves come
 * from the pure plan (rules.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { azSuffix, childName } from "../../core/naming";
import { awsProtocolNumber, PortRange, Protocol } from "../../core/ports";
import { NetworkPlan, tierIpv6Cidr } from "./plan";
import { NaclEntryPlan, ownerSlug, SgRulePlan } from "./rules";
import { securityGroupTags } from "./options";
import type { GatewayService } from "./types";

/** Characters AWS accepts in a security-group rule description. */
const SG_DESCRIPTION_UNSAFE = /[^a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]/g;

/** A justification as a valid rule description: unsafe characters become spaces; at most 255 characters. */
export function ruleDescription(justification: string): string {
  return justification.replace(SG_DESCRIPTION_UNSAFE, " ").replace(/\s+/g, " ").trim().slice(0, 255);
}

/** The protocol and ports of a security-group rule, as the aws.vpc rule resources take them. */
export function sgProtocolPorts(
  protocol: Protocol,
  range: PortRange | undefined,
  ipv6: boolean,
): { ipProtocol: string; fromPort?: number; toPort?: number } {
  switch (protocol) {
    case "tcp":
    case "udp":
      return { ipProtocol: protocol, fromPort: range?.from ?? 0, toPort: range?.to ?? 65535 };
    case "icmp":
      return { ipProtocol: ipv6 ? "icmpv6" : "icmp", fromPort: -1, toPort: -1 };
    case "all":
      return { ipProtocol: "-1" };
    default: {
      const never: never = protocol;
      throw new Error(`unknown protocol ${String(never)}`);
    }
  }
}

/** The protocol and ports of a NACL entry. */
export function naclProtocolPorts(
  protocol: Protocol,
  range: PortRange | undefined,
  ipv6: boolean,
): { protocol: string; fromPort?: number; toPort?: number; icmpType?: number; icmpCode?: number } {
  switch (protocol) {
    case "tcp":
    case "udp":
      return {
        protocol: awsProtocolNumber(protocol),
        fromPort: range?.from ?? 0,
        toPort: range?.to ?? 65535,
      };
    case "icmp":
      return { protocol: ipv6 ? "58" : "1", icmpType: -1, icmpCode: -1 };
    case "all":
      return { protocol: "-1", fromPort: 0, toPort: 0 };
    default: {
      const never: never = protocol;
      throw new Error(`unknown protocol ${String(never)}`);
    }
  }
}

/** What the firewall needs from the rest of the network. */
export interface FirewallContext {
  readonly name: string;
  readonly parent: pulumi.Resource;
  readonly plan: NetworkPlan;
  readonly vpc: aws.ec2.Vpc;
  readonly tags: (display: string) => Record<string, string>;
  /** Security groups by owner: tier name or `endpoint:<service>`. */
  readonly groups: ReadonlyMap<string, aws.ec2.SecurityGroup>;
  readonly prefixLists: ReadonlyMap<GatewayService, pulumi.Output<string>>;
  /** Subnets by tier, in AZ order. */
  readonly subnets: ReadonlyMap<string, readonly aws.ec2.Subnet[]>;
}

/** Creates the security groups (empty) for every tier and interface endpoint. */
export function createSecurityGroups(
  name: string,
  parent: pulumi.Resource,
  plan: NetworkPlan,
  vpc: aws.ec2.Vpc,
  tags: (display: string) => Record<string, string>,
): Map<string, aws.ec2.SecurityGroup> {
  const owners = [
    ...plan.tiers.map((t) => ({ owner: t.name, what: `tier ${t.name}` })),
    ...plan.interfaceEndpoints.map((s) => ({ owner: `endpoint:${s}`, what: `the ${s} interface endpoint` })),
  ];
  const groups = new Map<string, aws.ec2.SecurityGroup>();
  const tierRouting = new Map(plan.tiers.map((t) => [t.name, t.routing]));
  for (const { owner, what } of owners) {
    const n = childName(name, ownerSlug(owner), "sg");
    groups.set(
      owner,
      new aws.ec2.SecurityGroup(
        n,
        {
          vpcId: vpc.id,
          description: `SegmentedNetwork ${name}: ${what}; rules are separate resources`,
          revokeRulesOnDelete: true,
          tags: {
            ...tags(`${ownerSlug(owner)}-sg`),
            ...(owner.startsWith("endpoint:")
              ? {}
              : securityGroupTags(owner, tierRouting.get(owner), plan.flows)),
          },
        },
        { parent },
      ),
    );
  }
  return groups;
}

function sgRule(ctx: FirewallContext, rule: SgRulePlan): pulumi.CustomResource {
  const group = ctx.groups.get(rule.owner);
  if (!group) throw new Error(`no security group for ${rule.owner}`);
  const peer = rule.peer;
  const v6 = peer.kind === "cidr" && peer.version === 6;
  const target: {
    cidrIpv4?: string;
    cidrIpv6?: string;
    referencedSecurityGroupId?: pulumi.Input<string>;
    prefixListId?: pulumi.Input<string>;
  } = {};
  switch (peer.kind) {
    case "sg": {
      const other = ctx.groups.get(peer.owner);
      if (!other) throw new Error(`no security group for ${peer.owner}`);
      target.referencedSecurityGroupId = other.id;
      break;
    }
    case "cidr":
      if (peer.version === 4) target.cidrIpv4 = peer.cidr;
      else target.cidrIpv6 = peer.cidr;
      break;
    case "prefixList":
      target.prefixListId = ctx.prefixLists.get(peer.service);
      break;
    default: {
      const never: never = peer;
      throw new Error(`unknown peer ${JSON.stringify(never)}`);
    }
  }
  const args = {
    securityGroupId: group.id,
    ...sgProtocolPorts(rule.protocol, rule.range, v6),
    ...target,
    description: ruleDescription(rule.justification),
    tags: { ...ctx.tags(rule.id), "paved:rule-id": rule.id },
  };
  const n = childName(ctx.name, rule.id);
  return rule.direction === "ingress"
    ? new aws.vpc.SecurityGroupIngressRule(n, args, { parent: ctx.parent })
    : new aws.vpc.SecurityGroupEgressRule(n, args, { parent: ctx.parent });
}

/** Creates every security-group rule of the plan. */
export function createSecurityGroupRules(ctx: FirewallContext): pulumi.CustomResource[] {
  return ctx.plan.securityGroupRules.map((r) => sgRule(ctx, r));
}

function naclRule(ctx: FirewallContext, acl: aws.ec2.NetworkAcl, e: NaclEntryPlan): aws.ec2.NetworkAclRule {
  const ref = e.ref;
  const v6 = ref.kind === "tier6" || ref.version === 6;
  const where: { cidrBlock?: pulumi.Input<string>; ipv6CidrBlock?: pulumi.Input<string> } = {};
  if (ref.kind === "tier6") {
    const slots = ctx.plan.reservedAzs;
    where.ipv6CidrBlock = ctx.vpc.ipv6CidrBlock.apply((c) => tierIpv6Cidr(c, ref.tierIndex, slots));
  } else if (ref.version === 4) {
    where.cidrBlock = ref.cidr;
  } else {
    where.ipv6CidrBlock = ref.cidr;
  }
  return new aws.ec2.NetworkAclRule(
    childName(ctx.name, e.id),
    {
      networkAclId: acl.id,
      ruleNumber: e.ruleNumber,
      egress: e.direction === "egress",
      ruleAction: e.action,
      ...naclProtocolPorts(e.protocol, e.range, v6),
      ...where,
    },
    // A rule number is unique per ACL and direction: free it before its replacement takes it.
    { parent: ctx.parent, deleteBeforeReplace: true },
  );
}

/** Creates a NACL per tier, its entries and its subnet associations. */
export function createNacls(ctx: FirewallContext): {
  acls: Map<string, aws.ec2.NetworkAcl>;
  entries: aws.ec2.NetworkAclRule[];
} {
  const acls = new Map<string, aws.ec2.NetworkAcl>();
  const entries: aws.ec2.NetworkAclRule[] = [];
  for (const t of ctx.plan.tiers) {
    const acl = new aws.ec2.NetworkAcl(
      childName(ctx.name, t.name, "nacl"),
      { vpcId: ctx.vpc.id, tags: ctx.tags(`${t.name}-nacl`) },
      { parent: ctx.parent },
    );
    acls.set(t.name, acl);
    for (const e of ctx.plan.naclEntries.filter((x) => x.tier === t.name))
      entries.push(naclRule(ctx, acl, e));
    (ctx.subnets.get(t.name) ?? []).forEach((subnet, az) => {
      new aws.ec2.NetworkAclAssociation(
        childName(ctx.name, t.name, "nacl", azSuffix(az)),
        { networkAclId: acl.id, subnetId: subnet.id },
        { parent: ctx.parent },
      );
    });
  }
  return { acls, entries };
}
