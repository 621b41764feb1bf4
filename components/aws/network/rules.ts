/**
 * Firewall rules: turns normalised flows into security-group rules and NACL
 * entries (with return traffic and an explicit default deny), and both into
 * the firewall-rule register. Pure: no Pulumi here.
 *
 * Security groups are stateful: a flow A -> B becomes an ingress rule on B's
 * group (from A's group, or the CIDR) and an egress rule on A's group.
 * NACLs are stateless: the same flow becomes, on B's NACL, ingress on the
 * ports and egress on the ephemeral ports back to A; on A's NACL, egress on
 * the ports and ingress on the ephemeral ports. Tiers are named in NACLs by
 * their reserved block (see core/cidr.ts), which holds only that tier's
 * subnets, so adding an AZ never changes an entry. A tier that reaches the
 * internet through NAT also needs the NAT gateway's tier to pass the traffic
 * through: those transit entries are generated too.
 */
import { EPHEMERAL_PORTS, formatPortRange, PortRange, Protocol } from "../../core/ports";
import type { FirewallRule } from "../../core/register";
import { contentHash, FlowEnd, GENERATED_TICKET, isInternetEnd, NormalizedFlow } from "./flows";
import type { GatewayService } from "./types";
import { compareText } from "../../core/order";

export type Direction = "ingress" | "egress";

/** What a security-group rule admits or reaches. */
export type SgPeer =
  | { readonly kind: "sg"; readonly owner: string }
  | { readonly kind: "cidr"; readonly cidr: string; readonly version: 4 | 6 }
  | { readonly kind: "prefixList"; readonly service: GatewayService };

/** One security-group rule to create. */
export interface SgRulePlan {
  /** `sg-<owner>-<in|out>-<8 hex>`, from the rule's content. Also its Pulumi name suffix. */
  readonly id: string;
  /** The group that holds the rule: a tier name, or `endpoint:<service>`. */
  readonly owner: string;
  readonly direction: Direction;
  readonly protocol: Protocol;
  /** Undefined: every port (icmp, all). */
  readonly range?: PortRange;
  readonly peer: SgPeer;
  readonly justification: string;
  readonly ticket: string;
  readonly flowIds: readonly string[];
}

/** What a NACL entry names: a CIDR, or a tier's IPv6 block (known once AWS assigns the VPC's /56). */
export type NaclRef =
  | { readonly kind: "cidr"; readonly cidr: string; readonly version: 4 | 6; readonly label: string }
  | { readonly kind: "tier6"; readonly tier: string; readonly tierIndex: number };

/** One NACL entry to create. */
export interface NaclEntryPlan {
  /** `nacl-<tier>-<in|out>-<8 hex>`, or `...-deny-v4|v6`. Also its Pulumi name suffix. */
  readonly id: string;
  readonly tier: string;
  readonly direction: Direction;
  readonly action: "allow" | "deny";
  /** 100..31990 for allows (derived from the id), 32765/32766 for the default deny. */
  readonly ruleNumber: number;
  readonly protocol: Protocol;
  readonly range?: PortRange;
  readonly ref: NaclRef;
  readonly justification: string;
  readonly ticket: string;
}

/** What rule generation needs to know about the network. */
export interface RuleContext {
  readonly vpcCidr: string;
  readonly ipv6: boolean;
  /** Each tier's reserved IPv4 block and its index. */
  readonly tierBlocks: ReadonlyMap<string, { readonly cidr: string; readonly index: number }>;
  /** The tier whose subnets hold the NAT gateways, when there are any. */
  readonly natTier?: string;
  /** Tiers whose internet traffic goes through NAT (routing `nat` and a NAT strategy other than `none`). */
  readonly natRouted: ReadonlySet<string>;
  /** The tier whose subnets hold the interface endpoints. */
  readonly endpointTier?: string;
}

/** The rule number of the default deny entries: IPv4 and IPv6. */
export const DENY_RULE_NUMBER_V4 = 32766;
export const DENY_RULE_NUMBER_V6 = 32765;
const FIRST_RULE = 100;
const RULE_STEP = 10;
const RULE_SLOTS = 3190; // 100..31990

const short = (range: PortRange | undefined) => (range ? formatPortRange(range) : "all");

function returnRange(protocol: Protocol): PortRange | undefined {
  return protocol === "tcp" || protocol === "udp" ? EPHEMERAL_PORTS : undefined;
}

/** A group owner as a name part: `endpoint:ecr.api` -> `ep-ecr-api`. */
export function ownerSlug(owner: string): string {
  return owner.startsWith("endpoint:") ? `ep-${owner.slice(9).replace(/[^a-z0-9]/g, "-")}` : owner;
}

interface Acc<T> {
  rule: T;
  justifications: string[];
  tickets: string[];
  flowIds: string[];
}

function mergeInto<T>(map: Map<string, Acc<T>>, key: string, rule: T, flow: NormalizedFlow): void {
  const acc = map.get(key) ?? { rule, justifications: [], tickets: [], flowIds: [] };
  if (!acc.justifications.includes(flow.justification)) acc.justifications.push(flow.justification);
  if (!acc.tickets.includes(flow.ticket)) acc.tickets.push(flow.ticket);
  if (!acc.flowIds.includes(flow.id)) acc.flowIds.push(flow.id);
  map.set(key, acc);
}

/** Security-group peers for a flow end. */
function sgPeers(e: FlowEnd, ipv6: boolean): SgPeer[] {
  switch (e.kind) {
    case "tier":
      return [{ kind: "sg", owner: e.tier }];
    case "endpoint":
      return [{ kind: "sg", owner: `endpoint:${e.service}` }];
    case "internet":
      return [
        { kind: "cidr", cidr: "0.0.0.0/0", version: 4 },
        ...(ipv6 ? [{ kind: "cidr", cidr: "::/0", version: 6 } as const] : []),
      ];
    case "cidr":
      return [{ kind: "cidr", cidr: e.cidr, version: e.version }];
    case "gateway":
      return [{ kind: "prefixList", service: e.service }];
    default: {
      const never: never = e;
      throw new Error(`unknown flow end ${JSON.stringify(never)}`);
    }
  }
}

/** NACL references for a flow end. */
function naclRefs(e: FlowEnd, ctx: RuleContext): NaclRef[] {
  const tierRefs = (tier: string): NaclRef[] => {
    const b = ctx.tierBlocks.get(tier);
    if (!b) throw new Error(`no block for tier ${tier}`);
    return [
      { kind: "cidr", cidr: b.cidr, version: 4, label: `${tier} ${b.cidr}` },
      ...(ctx.ipv6 ? [{ kind: "tier6", tier, tierIndex: b.index } as const] : []),
    ];
  };
  switch (e.kind) {
    case "tier":
      return tierRefs(e.tier);
    case "endpoint":
      return tierRefs(ctx.endpointTier as string);
    case "internet":
      return [
        { kind: "cidr", cidr: "0.0.0.0/0", version: 4, label: "internet 0.0.0.0/0" },
        ...(ctx.ipv6 ? [{ kind: "cidr", cidr: "::/0", version: 6, label: "internet ::/0" } as const] : []),
      ];
    case "cidr":
      return [{ kind: "cidr", cidr: e.cidr, version: e.version, label: e.cidr }];
    case "gateway":
      return [{ kind: "cidr", cidr: "0.0.0.0/0", version: 4, label: `${e.service} prefix list (0.0.0.0/0)` }];
    default: {
      const never: never = e;
      throw new Error(`unknown flow end ${JSON.stringify(never)}`);
    }
  }
}

function refKey(r: NaclRef): string {
  return r.kind === "cidr" ? r.cidr : `tier6:${r.tier}`;
}

/** The register label of a NACL reference. */
export function refLabel(r: NaclRef): string {
  return r.kind === "cidr" ? r.label : `${r.tier} (IPv6 block)`;
}

function peerKey(p: SgPeer): string {
  switch (p.kind) {
    case "sg":
      return `sg:${p.owner}`;
    case "cidr":
      return p.cidr;
    case "prefixList":
      return `pl:${p.service}`;
    default: {
      const never: never = p;
      throw new Error(`unknown peer ${JSON.stringify(never)}`);
    }
  }
}

/** The register label of a security-group peer. */
export function peerLabel(p: SgPeer): string {
  switch (p.kind) {
    case "sg":
      return p.owner.startsWith("endpoint:") ? `${p.owner.slice(9)} (interface endpoint)` : p.owner;
    case "cidr":
      return p.cidr === "0.0.0.0/0" || p.cidr === "::/0" ? `internet ${p.cidr}` : p.cidr;
    case "prefixList":
      return `${p.service} prefix list`;
    default: {
      const never: never = p;
      throw new Error(`unknown peer ${JSON.stringify(never)}`);
    }
  }
}

/** The NACL tier a flow end sits in, if any. */
function naclTier(e: FlowEnd, ctx: RuleContext): string | undefined {
  if (e.kind === "tier") return e.tier;
  if (e.kind === "endpoint") return ctx.endpointTier;
  return undefined;
}

/** Security-group rules for the flows, merged where two flows need the same rule. */
export function securityGroupRules(flows: readonly NormalizedFlow[], ctx: RuleContext): SgRulePlan[] {
  const map = new Map<string, Acc<Omit<SgRulePlan, "justification" | "ticket" | "flowIds">>>();
  const add = (owner: string, direction: Direction, peer: SgPeer, f: NormalizedFlow) => {
    const key = JSON.stringify([owner, direction, peerKey(peer), f.protocol, short(f.range)]);
    const id = `sg-${ownerSlug(owner)}-${direction === "ingress" ? "in" : "out"}-${contentHash(key, 8)}`;
    mergeInto(map, key, { id, owner, direction, protocol: f.protocol, range: f.range, peer }, f);
  };
  for (const f of flows) {
    const toOwner =
      f.to.kind === "tier" ? f.to.tier : f.to.kind === "endpoint" ? `endpoint:${f.to.service}` : undefined;
    // An interface endpoint's group admits the VPC's range (one generated flow), not each tier's group.
    const endpointFromTier = f.to.kind === "endpoint" && f.from.kind === "tier";
    if (toOwner && !endpointFromTier)
      for (const p of sgPeers(f.from, ctx.ipv6)) add(toOwner, "ingress", p, f);
    if (f.from.kind === "tier") for (const p of sgPeers(f.to, ctx.ipv6)) add(f.from.tier, "egress", p, f);
  }
  return [...map.values()]
    .map((a) => ({
      ...a.rule,
      justification: a.justifications.join("; "),
      ticket: a.tickets.join(", "),
      flowIds: a.flowIds,
    }))
    .sort((a, b) => compareText(a.id, b.id));
}

type NaclDraft = Omit<NaclEntryPlan, "ruleNumber" | "justification" | "ticket"> & { returnOf: boolean };

/** NACL entries for the flows, with return traffic, NAT transit and a default deny per tier and direction. */
export function naclEntries(
  flows: readonly NormalizedFlow[],
  tiers: readonly string[],
  ctx: RuleContext,
): NaclEntryPlan[] {
  const map = new Map<string, Acc<NaclDraft>>();
  const add = (
    tier: string,
    direction: Direction,
    ref: NaclRef,
    protocol: Protocol,
    range: PortRange | undefined,
    returnOf: boolean,
    f: NormalizedFlow,
  ) => {
    const key = JSON.stringify([tier, direction, refKey(ref), protocol, short(range)]);
    const id = `nacl-${tier}-${direction === "ingress" ? "in" : "out"}-${contentHash(key, 8)}`;
    mergeInto(map, key, { id, tier, direction, action: "allow", protocol, range, ref, returnOf }, f);
  };
  for (const f of flows) {
    const back = returnRange(f.protocol);
    const src = naclTier(f.from, ctx);
    const dst = naclTier(f.to, ctx);
    // The endpoint tier's NACL admits the VPC's range once (the generated VPC flow), not each tier.
    if (dst && !(f.to.kind === "endpoint" && f.from.kind === "tier")) {
      for (const r of naclRefs(f.from, ctx)) {
        add(dst, "ingress", r, f.protocol, f.range, false, f);
        add(dst, "egress", r, f.protocol, back, true, f);
      }
    }
    if (src) {
      for (const r of naclRefs(f.to, ctx)) {
        add(src, "egress", r, f.protocol, f.range, false, f);
        add(src, "ingress", r, f.protocol, back, true, f);
      }
    }
    // IPv4 to the internet from a NAT-routed tier crosses the NAT gateway's subnet.
    if (src && ctx.natTier && ctx.natRouted.has(src) && isInternetEnd(f.to)) {
      const srcV4 = naclRefs(f.from, ctx).filter((r) => r.kind === "cidr" && r.version === 4);
      const dstV4 = naclRefs(f.to, ctx).filter((r) => r.kind === "cidr" && r.version === 4);
      for (const s of srcV4) {
        add(ctx.natTier, "ingress", s, f.protocol, f.range, false, f);
        add(ctx.natTier, "egress", s, f.protocol, back, true, f);
      }
      for (const d of dstV4) {
        add(ctx.natTier, "egress", d, f.protocol, f.range, false, f);
        add(ctx.natTier, "ingress", d, f.protocol, back, true, f);
      }
    }
  }
  const allows = [...map.values()].map((a) => ({
    ...a.rule,
    justification: a.rule.returnOf
      ? `Return traffic (ephemeral ports) of: ${a.justifications.join("; ")}`
      : a.justifications.join("; "),
    ticket: a.tickets.join(", "),
  }));
  const numbered = numberEntries(allows);
  const denies: NaclEntryPlan[] = tiers.flatMap((tier) =>
    (["ingress", "egress"] as const).flatMap((direction) =>
      ([4, ...(ctx.ipv6 ? [6] : [])] as const).map((version): NaclEntryPlan => ({
        id: `nacl-${tier}-${direction === "ingress" ? "in" : "out"}-deny-v${version}`,
        tier,
        direction,
        action: "deny",
        ruleNumber: version === 4 ? DENY_RULE_NUMBER_V4 : DENY_RULE_NUMBER_V6,
        protocol: "all",
        ref:
          version === 4
            ? { kind: "cidr", cidr: "0.0.0.0/0", version: 4, label: "anywhere 0.0.0.0/0" }
            : { kind: "cidr", cidr: "::/0", version: 6, label: "anywhere ::/0" },
        justification: "Default deny: everything no flow allows",
        ticket: GENERATED_TICKET,
      })),
    ),
  );
  return [...numbered, ...denies].sort(
    (a, b) =>
      compareText(a.tier, b.tier) || compareText(a.direction, b.direction) || a.ruleNumber - b.ruleNumber,
  );
}

/**
 * Numbers allow entries from their ids: the number is a hash of the id, so it
 * does not depend on where a flow sits in the list; a collision takes the next
 * free number, resolved in id order, so the result is deterministic. Allows
 * never overlap a deny, so their relative order does not change what passes.
 */
export function numberEntries<T extends Omit<NaclEntryPlan, "ruleNumber">>(
  entries: readonly T[],
): (T & { ruleNumber: number })[] {
  const used = new Map<string, Set<number>>();
  return [...entries]
    .sort((a, b) => compareText(a.id, b.id))
    .map((e) => {
      const scope = `${e.tier}/${e.direction}`;
      const taken = used.get(scope) ?? new Set<number>();
      used.set(scope, taken);
      let slot = parseInt(contentHash(e.id, 8), 16) % RULE_SLOTS;
      while (taken.has(slot)) slot = (slot + 1) % RULE_SLOTS;
      taken.add(slot);
      return { ...e, ruleNumber: FIRST_RULE + slot * RULE_STEP };
    });
}

/** The register rows of the security-group rules and NACL entries. */
export function registerRules(sg: readonly SgRulePlan[], nacl: readonly NaclEntryPlan[]): FirewallRule[] {
  const sgRows = sg.map((r): FirewallRule => ({
    id: r.id,
    kind: "security-group",
    direction: r.direction,
    action: "allow",
    from: r.direction === "ingress" ? peerLabel(r.peer) : peerLabel({ kind: "sg", owner: r.owner }),
    to: r.direction === "ingress" ? peerLabel({ kind: "sg", owner: r.owner }) : peerLabel(r.peer),
    ports: short(r.range),
    protocol: r.protocol,
    justification: r.justification,
    ticket: r.ticket,
  }));
  const naclRows = nacl.map((e): FirewallRule => ({
    id: e.id,
    kind: "network-acl",
    direction: e.direction,
    action: e.action,
    from: e.direction === "ingress" ? refLabel(e.ref) : e.tier,
    to: e.direction === "ingress" ? e.tier : refLabel(e.ref),
    ports: short(e.range),
    protocol: e.protocol,
    justification: e.justification,
    ticket: e.ticket,
    ruleNumber: e.ruleNumber,
  }));
  return [...sgRows, ...naclRows];
}
