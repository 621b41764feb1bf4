/**
 * The plain-value types SegmentedNetwork plans with. Pure: no Pulumi here, so
 * the planner, the CLI (`paved diagram`) and the policy pack can share them.
 */
import type { PortSpec, Protocol } from "../../core/ports";

/**
 * Where a tier's traffic to outside the VPC goes:
 * - `internet`: a route to the internet gateway (a public tier; NAT gateways live here);
 * - `nat`: a route to a NAT gateway (IPv4) and, with IPv6, to the egress-only gateway;
 * - `none`: no route out of the VPC at all (only the gateway endpoints).
 */
export type TierRouting = "internet" | "nat" | "none";
export const TIER_ROUTINGS: readonly TierRouting[] = ["internet", "nat", "none"];

/**
 * How many NAT gateways: `none`, one `single` gateway for the whole VPC (cheap,
 * one AZ's outage cuts every AZ's egress), or one `perAz` (resilient).
 */
export type NatStrategy = "none" | "single" | "perAz";
export const NAT_STRATEGIES: readonly NatStrategy[] = ["none", "single", "perAz"];

/** One tier of subnets: a subnet of this tier in each AZ. */
export interface TierSpec {
  /**
   * The tier's name: lower-case letters and digits, starting with a letter,
   * at most 16 characters. Part of every child's Pulumi name, so renaming a
   * tier replaces its subnets. `web`, `internet`, `s3` and `dynamodb` are
   * reserved (flows use them).
   */
  readonly name: string;
  /** The IPv4 mask of each of the tier's subnets, /16 to /28 and not larger than the VPC. */
  readonly cidrMask: number;
  /** Where the tier's outbound traffic may go. */
  readonly routing: TierRouting;
  /**
   * The tier's place in the VPC: tiers are laid out by slot, whatever the
   * order of the list, so reordering the list never moves a subnet. Slots are
   * unique and run from 0 with no gap; a new tier takes the next free slot.
   * Changing a tier's slot moves (replaces) its subnets and those of the
   * tiers above it.
   * @default its position in the list (the layout before slots existed)
   */
  readonly slot?: number;
}

/**
 * The default tiers: `public` (/24, internet), `app` (/20, NAT), `data` (/24,
 * no route out) and `intra` (/24, no route out), in slots 0..3. A new tier
 * takes slot 4: every existing subnet stays where it is.
 */
export const DEFAULT_TIERS: readonly TierSpec[] = [
  { name: "public", cidrMask: 24, routing: "internet", slot: 0 },
  { name: "app", cidrMask: 20, routing: "nat", slot: 1 },
  { name: "data", cidrMask: 24, routing: "none", slot: 2 },
  { name: "intra", cidrMask: 24, routing: "none", slot: 3 },
];

/** Gateway endpoints the network can create. */
export type GatewayService = "s3" | "dynamodb";
export const GATEWAY_SERVICES: readonly GatewayService[] = ["s3", "dynamodb"];

/** Source and destination keywords a flow may use besides tier names and CIDRs. */
export const RESERVED_NAMES = ["web", "internet", ...GATEWAY_SERVICES] as const;

/**
 * One permitted flow of traffic: connections that `from` opens to `to`. Every
 * flow becomes security-group rules on both sides and NACL entries (with the
 * return traffic on ephemeral ports) on both tiers.
 *
 * `from`:
 * - a tier name;
 * - `"internet"`: any address (0.0.0.0/0, and ::/0 with IPv6) on the ports given;
 *   only to a tier with `routing: "internet"`, never on an admin port (22, 3389);
 * - `"web"`: the internet on TCP 80 and 443 only (the ports may be omitted; if
 *   given they must be within 80 and 443); only to a tier with `routing: "internet"`;
 * - a CIDR: a public range counts as internet (same limits); a private range
 *   (RFC 1918, on-premises, a peered VPC) may reach any tier.
 *
 * `to`:
 * - a tier name;
 * - `"internet"` or a CIDR, when `from` is a tier (outbound traffic): the tier
 *   needs a route out (`internet`, or `nat` with a NAT strategy other than `none`)
 *   for `internet` and public CIDRs;
 * - `"s3"` or `"dynamodb"`, when `from` is a tier: the gateway endpoint's
 *   prefix list (the security group names the prefix list; the NACL, which
 *   cannot, admits 0.0.0.0/0 on those ports and relies on the route table).
 */
export interface FlowSpec {
  /** Who opens the connection: a tier, `internet`, `web`, or a CIDR. */
  readonly from: string;
  /** Who receives it: a tier; or, from a tier, `internet`, a CIDR, `s3` or `dynamodb`. */
  readonly to: string;
  /**
   * The destination ports: `443`, `"8000-8080"`, `{ from, to }`, or a list of them.
   * Required for `tcp` and `udp`; not allowed for `icmp` and `all`.
   * @default [80, 443] for `from: "web"`
   */
  readonly ports?: PortSpec | readonly PortSpec[];
  /** @default "tcp" */
  readonly protocol?: Protocol;
  /** Why the flow exists, for the change board. Required; it becomes each rule's description. */
  readonly justification: string;
  /**
   * The approved change that introduced the flow (`CHG-1234`).
   * @default the governance change ticket; one of the two is required
   */
  readonly ticket?: string;
}
