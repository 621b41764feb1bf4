/**
 * Security group rules in every shape a user can write them, read into one
 * form. The network policies map their checks over this, so a new shape is
 * taught once:
 * - inline `ingress` / `egress` on `aws.ec2.SecurityGroup`;
 * - `aws.ec2.SecurityGroupRule` (`type: "ingress" | "egress"`);
 * - `aws.vpc.SecurityGroupIngressRule` / `SecurityGroupEgressRule` (one CIDR each).
 * Protocols as AWS writes them (`tcp`, `6`, `-1`, `all`) via the core's
 * `normaliseProtocol`; `-1` means every port.
 */
import { ALL_PORTS, PortRange, Protocol, normaliseProtocol } from "../../components/core/ports";
import {
  asList,
  asNumber,
  asRecord,
  asString,
  asStrings,
  isUnknownValueError,
  lastResourceMemo,
} from "./props";

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const VPC_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const VPC_EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

/** Every type that holds security group rules. */
export const RULE_TYPES = [SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_INGRESS_RULE, VPC_EGRESS_RULE] as const;

/** One rule, normalised. */
export interface SgRule {
  readonly direction: "ingress" | "egress";
  /** Where the user wrote it, for messages: `ingress[1]`, or `rule` for a rule resource. */
  readonly where: string;
  /** The protocol; undefined for one that carries no ports (esp, gre, a number we do not map). */
  readonly protocol: Protocol | undefined;
  /** The raw protocol, for messages. */
  readonly rawProtocol: string;
  /** The ports the rule opens; every port for `all`; undefined when the protocol has no ports. */
  readonly ports: PortRange | undefined;
  /** IPv4 and IPv6 source (or destination) ranges. */
  readonly cidrs: readonly string[];
  readonly description: string | undefined;
  /** Set when part of the rule is unknown during preview: why it could not be read. */
  readonly unknown?: string;
}

/** The ports a rule or ACL entry covers, as AWS reads them (shared with network ACL entries). */
export function portsOf(protocol: Protocol | undefined, from: unknown, to: unknown): PortRange | undefined {
  switch (protocol) {
    case "all":
      return ALL_PORTS;
    case "tcp":
    case "udp": {
      const f = asNumber(from);
      const t = asNumber(to);
      // Missing or -1 ports on tcp/udp: AWS reads that as every port.
      if (f === undefined || t === undefined || f < 0 || t < 0) return ALL_PORTS;
      return { from: Math.min(f, t), to: Math.max(f, t) };
    }
    case "icmp":
    case undefined:
      return undefined;
    default: {
      const never: never = protocol;
      throw new Error(`unknown protocol ${String(never)}`);
    }
  }
}

/** Reads one rule; a preview unknown inside it gives a rule marked `unknown` instead of stopping the check. */
function guarded(direction: SgRule["direction"], where: string, read: () => SgRule): SgRule {
  try {
    return read();
  } catch (e) {
    if (!isUnknownValueError(e)) throw e;
    return {
      direction,
      where,
      protocol: undefined,
      rawProtocol: "",
      ports: undefined,
      cidrs: [],
      description: undefined,
      unknown: e.message,
    };
  }
}

function rule(
  direction: SgRule["direction"],
  where: string,
  raw: Record<string, unknown>,
  protocolKey: string,
  cidrs: string[],
): SgRule {
  const rawProtocol = asString(raw[protocolKey]) ?? "";
  const protocol = normaliseProtocol(rawProtocol);
  return {
    direction,
    where,
    protocol,
    rawProtocol,
    ports: portsOf(protocol, raw.fromPort, raw.toPort),
    cidrs,
    description: asString(raw.description),
  };
}

/**
 * The rules a resource holds, in the order written. Types that hold none give
 * `[]`. Three policies read them from every security group and rule in a row.
 */
export const sgRules = lastResourceMemo(readRules);

function readRules(type: string, props: Record<string, unknown>): SgRule[] {
  switch (type) {
    case SECURITY_GROUP: {
      const out: SgRule[] = [];
      for (const direction of ["ingress", "egress"] as const) {
        asList(props[direction]).forEach((r, i) => {
          const where = `${direction}[${i}]`;
          out.push(
            guarded(direction, where, () => {
              const raw = asRecord(r) ?? {};
              const cidrs = [...asStrings(raw.cidrBlocks), ...asStrings(raw.ipv6CidrBlocks)];
              return rule(direction, where, raw, "protocol", cidrs);
            }),
          );
        });
      }
      return out;
    }
    case SECURITY_GROUP_RULE: {
      const direction = asString(props.type) === "egress" ? "egress" : "ingress";
      const cidrs = [...asStrings(props.cidrBlocks), ...asStrings(props.ipv6CidrBlocks)];
      return [rule(direction, "rule", props, "protocol", cidrs)];
    }
    case VPC_INGRESS_RULE:
    case VPC_EGRESS_RULE: {
      const direction = type === VPC_INGRESS_RULE ? "ingress" : "egress";
      const cidrs = [asString(props.cidrIpv4), asString(props.cidrIpv6)].filter(
        (c): c is string => c !== undefined,
      );
      return [rule(direction, "rule", props, "ipProtocol", cidrs)];
    }
    default:
      return [];
  }
}
