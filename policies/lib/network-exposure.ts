/**
 * Shared pieces of the network-exposure policies (policies/aws/network and the
 * security-group port policies):
 * - what counts as "the internet" as a source range (wide public slices count
 *   like 0.0.0.0/0: `0.0.0.0/1` plus `128.0.0.0/1` is the whole internet);
 * - how a security group declares that it faces the internet (an opt-in tag
 *   with a justification);
 * - network ACL entries in every shape, read into one form.
 * Pure: no Pulumi here.
 */
import { CidrClass, cidrContains, classifyCidr, parseCidr } from "../../components/core/cidr";
import { PortRange, Protocol, normaliseProtocol } from "../../components/core/ports";
import { asList, asNumber, asRecord, asString, isTrue, isUnknownValueError } from "./props";
import { portsOf } from "./sg-rules";

/** Default widest public prefix treated as "the internet" by the `any` source class: /16 (IPv4), /32 (IPv6). */
export const DEFAULT_WIDE_PREFIX_IPV4 = 16;
export const DEFAULT_WIDE_PREFIX_IPV6 = 32;

/** The config of the wide-range rule, as the policies take it. */
export interface WidePrefixConfig {
  /** A public IPv4 range with this prefix length or shorter counts as the internet. */
  readonly widePrefixIpv4: number;
  /** A public IPv6 range with this prefix length or shorter counts as the internet. */
  readonly widePrefixIpv6: number;
}

/** The configSchema properties of {@link WidePrefixConfig}. */
export const WIDE_PREFIX_SCHEMA = {
  widePrefixIpv4: {
    type: "integer",
    minimum: 0,
    maximum: 32,
    default: DEFAULT_WIDE_PREFIX_IPV4,
    description:
      "A public IPv4 source this wide or wider (prefix length at most this) counts as the internet, like 0.0.0.0/0 (0.0.0.0/1 and 128.0.0.0/1 together are the internet).",
  },
  widePrefixIpv6: {
    type: "integer",
    minimum: 0,
    maximum: 128,
    default: DEFAULT_WIDE_PREFIX_IPV6,
    description:
      "A public IPv6 source this wide or wider (prefix length at most this) counts as the internet, like ::/0 (::/1 and 8000::/1 together are the internet).",
  },
} as const;

/** `classifyCidr` is pure and a stack repeats the same few ranges: remember them (bounded). */
const classes = new Map<string, CidrClass>();
function cached(cidr: string): CidrClass {
  let c = classes.get(cidr);
  if (c === undefined) {
    if (classes.size >= 4096) classes.clear();
    c = classifyCidr(cidr);
    classes.set(cidr, c);
  }
  return c;
}

/** The prefix length of a CIDR (a bare address is a /32 or /128), or undefined. */
function prefixOf(cidr: string): { version: 4 | 6; mask: number } | undefined {
  const text = cidr.includes("/") ? cidr : `${cidr}/${cidr.includes(":") ? 128 : 32}`;
  const p = parseCidr(text);
  return p ? { version: p.version, mask: p.mask } : undefined;
}

/**
 * The source class of a range for exposure checks: `classifyCidr`'s class,
 * except that a public range at least as wide as the configured prefix is
 * `any` (a /1 half of the address space is the internet, not a partner's range).
 */
export function sourceClass(cidr: string, wide: WidePrefixConfig): CidrClass {
  const c = cached(cidr);
  if (c !== "public") return c;
  const p = prefixOf(cidr);
  if (!p) return c;
  const limit = p.version === 4 ? wide.widePrefixIpv4 : wide.widePrefixIpv6;
  return p.mask <= limit ? "any" : "public";
}

/** True when `cidr` lies inside one of the trusted ranges (both parsed; different versions never match). */
export function insideAny(cidr: string, trusted: readonly string[]): boolean {
  const text = cidr.includes("/") ? cidr : `${cidr}/${cidr.includes(":") ? 128 : 32}`;
  const inner = parseCidr(text);
  if (!inner) return false;
  return trusted.some((t) => {
    const outer = parseCidr(t);
    return outer !== undefined && cidrContains(outer, inner);
  });
}

// ---------------------------------------------------------------------------
// The internet-facing opt-in

/** The tag that declares a security group faces the internet (value "true"). */
export const INTERNET_FACING_TAG = "paved:internet-facing";
/** The tag that says why (a non-empty sentence or ticket); required with {@link INTERNET_FACING_TAG}. */
export const INTERNET_FACING_JUSTIFICATION_TAG = "paved:internet-facing-justification";
/** The component whose generated rules carry their own justification (flows from "internet"/"web" only reach tiers with routing "internet"). */
export const SEGMENTED_NETWORK_TYPE = "paved:aws:SegmentedNetwork";

/** What a resource's tags say about facing the internet. */
export type OptIn = "yes" | "no-justification" | "no";

/** Reads the opt-in from a `tags` input (unknown values throw; callers peek). */
export function internetFacingOptIn(tags: unknown): OptIn {
  const t = asRecord(tags);
  if (!t || !isTrue(t[INTERNET_FACING_TAG])) return "no";
  const why = asString(t[INTERNET_FACING_JUSTIFICATION_TAG]);
  return why !== undefined && why.trim() !== "" ? "yes" : "no-justification";
}

// ---------------------------------------------------------------------------
// Network ACL entries

export const NETWORK_ACL = "aws:ec2/networkAcl:NetworkAcl";
export const NETWORK_ACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";
export const DEFAULT_NETWORK_ACL = "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl";
export const NACL_TYPES = [NETWORK_ACL, NETWORK_ACL_RULE, DEFAULT_NETWORK_ACL] as const;

/** One inbound NACL entry, normalised. */
export interface NaclEntry {
  /** Where the user wrote it: `ingress[0]`, or `rule` for a NetworkAclRule. */
  readonly where: string;
  readonly ruleNumber: number | undefined;
  /** `allow`, `deny`, or what was written (lower-cased). */
  readonly action: string;
  readonly protocol: Protocol | undefined;
  readonly rawProtocol: string;
  /** The ports covered; every port for protocol all; undefined for icmp and port-less protocols. */
  readonly ports: PortRange | undefined;
  readonly cidrs: readonly string[];
  /** Set when part of the entry is unknown during preview. */
  readonly unknown?: string;
}

function naclEntry(
  where: string,
  raw: Record<string, unknown>,
  actionKey: string,
  numberKey: string,
): NaclEntry {
  try {
    const rawProtocol = asString(raw.protocol) ?? "";
    const protocol = normaliseProtocol(rawProtocol);
    const cidrs = [asString(raw.cidrBlock), asString(raw.ipv6CidrBlock)].filter(
      (c): c is string => c !== undefined && c !== "",
    );
    return {
      where,
      ruleNumber: asNumber(raw[numberKey]),
      action: (asString(raw[actionKey]) ?? "").trim().toLowerCase(),
      protocol,
      rawProtocol,
      ports: portsOf(protocol, raw.fromPort, raw.toPort),
      cidrs,
    };
  } catch (e) {
    if (!isUnknownValueError(e)) throw e;
    return {
      where,
      ruleNumber: undefined,
      action: "",
      protocol: undefined,
      rawProtocol: "",
      ports: undefined,
      cidrs: [],
      unknown: e.message,
    };
  }
}

/** The inbound entries a NACL resource holds, in the order written; `[]` for outbound rules and other types. */
export function naclIngressEntries(type: string, props: Record<string, unknown>): NaclEntry[] {
  switch (type) {
    case NETWORK_ACL:
    case DEFAULT_NETWORK_ACL:
      return asList(props.ingress).map((e, i) =>
        naclEntry(`ingress[${i}]`, asRecord(e) ?? {}, "action", "ruleNo"),
      );
    case NETWORK_ACL_RULE:
      return isTrue(props.egress) ? [] : [naclEntry("rule", props, "ruleAction", "ruleNumber")];
    default:
      return [];
  }
}
