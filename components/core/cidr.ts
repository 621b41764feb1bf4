/**
 * CIDR planning: a pure planner that splits a VPC range into tiers and AZs,
 * plus the address classes the policy pack shares with the components.
 *
 * Layout rule (what makes the plan stable):
 * - Each tier, in declaration order, gets one block reserved for `reservedAzs`
 *   subnets (rounded up to a power of two), aligned to its size and placed
 *   after the previous tier's block.
 * - Subnet `j` of a tier is the `j`-th slot of its block.
 * So adding a tier at the end never moves an earlier block, and raising the
 * AZ count up to `reservedAzs` only fills empty slots. Nothing else decides an
 * address: the same input always gives the same plan.
 *
 * Address math uses `ip-address` (MIT), which gives BigInt values for v4 and v6.
 */
import { Address4, Address6 } from "ip-address";
import { PavedValidationError, ValidationProblem } from "./errors";

/** AWS limits for VPC and subnet IPv4 masks. */
export const AWS_MIN_MASK = 16;
export const AWS_MAX_MASK = 28;
/** AWS gives a VPC an IPv6 /56 and each subnet a /64: 256 subnets at most. */
export const IPV6_VPC_MASK = 56;
export const IPV6_SUBNET_MASK = 64;
export const IPV6_MAX_SUBNETS = 2 ** (IPV6_SUBNET_MASK - IPV6_VPC_MASK);
/** The default number of AZ slots reserved per tier. */
export const DEFAULT_RESERVED_AZS = 4;

/** A parsed CIDR block: first and last address as BigInt. */
export interface ParsedCidr {
  readonly version: 4 | 6;
  readonly cidr: string;
  readonly mask: number;
  readonly start: bigint;
  readonly end: bigint;
  /** True when the address part is the network address (`10.0.0.0/16`, not `10.0.0.1/16`). */
  readonly aligned: boolean;
}

/**
 * Parsed CIDRs by text: a stack repeats the same few ranges in thousands of
 * rules, and the policies parse each one (ip-address was 9 % of the pack's
 * time on 10,000 resources). Bounded: cleared when full. The results are frozen, so sharing them is safe.
 */
const parsed = new Map<string, ParsedCidr | undefined>();

/** Parses an IPv4 or IPv6 CIDR (`10.0.0.0/16`, `::/0`). Returns undefined when it is not one. */
export function parseCidr(cidr: string): ParsedCidr | undefined {
  if (typeof cidr !== "string") return undefined;
  const known = parsed.get(cidr);
  if (known !== undefined || parsed.has(cidr)) return known;
  if (parsed.size >= 4096) parsed.clear();
  const p = parseUncached(cidr);
  parsed.set(cidr, p && Object.freeze(p));
  return p;
}

function parseUncached(cidr: string): ParsedCidr | undefined {
  if (!cidr.includes("/")) return undefined;
  const [, maskText] = cidr.split("/");
  if (!/^\d{1,3}$/.test(maskText)) return undefined;
  try {
    if (cidr.includes(":")) {
      if (!Address6.isValid(cidr)) return undefined;
      const a = new Address6(cidr);
      const start = a.startAddress().bigInt();
      return {
        version: 6,
        cidr,
        mask: a.subnetMask,
        start,
        end: a.endAddress().bigInt(),
        aligned: a.bigInt() === start,
      };
    }
    if (!Address4.isValid(cidr)) return undefined;
    const a = new Address4(cidr);
    const start = a.startAddress().bigInt();
    return {
      version: 4,
      cidr,
      mask: a.subnetMask,
      start,
      end: a.endAddress().bigInt(),
      aligned: a.bigInt() === start,
    };
  } catch {
    return undefined;
  }
}

/** Formats an address and mask as a CIDR string. */
export function formatCidr(version: 4 | 6, start: bigint, mask: number): string {
  return version === 4
    ? `${Address4.fromBigInt(start).address}/${mask}`
    : `${Address6.fromBigInt(start).correctForm()}/${mask}`;
}

/** True when the two blocks share any address. Blocks of different IP versions never overlap. */
export function cidrsOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  return a.version === b.version && a.start <= b.end && b.start <= a.end;
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return outer.version === inner.version && outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * How exposed a source range is, for firewall rules:
 * - `any`: the whole internet (`0.0.0.0/0`, `::/0`);
 * - `public`: contains a publicly routable address;
 * - `private`: inside RFC 1918, RFC 6598 (carrier-grade NAT), loopback, link-local or IPv6 ULA;
 * - `reserved`: inside a range no internet host sends from: "this network" 0.0.0.0/8, IETF
 *   protocol assignments 192.0.0.0/24, benchmarking 198.18.0.0/15, multicast 224.0.0.0/4 and
 *   ff00::/8, the former class E and broadcast 240.0.0.0/4, the IPv6 unspecified address and
 *   discard prefix 100::/64 (documentation ranges stay `public`: fixtures use them for that);
 * - `invalid`: not a CIDR.
 * A range that mixes classes (0.0.0.0/1 holds 10.0.0.0/8 and public space) is `public`.
 */
export type CidrClass = "any" | "public" | "private" | "reserved" | "invalid";

const PRIVATE_RANGES: ParsedCidr[] = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "fc00::/7",
  "fe80::/10",
  "::1/128",
].map((c) => parseCidr(c) as ParsedCidr);

const RESERVED_RANGES: ParsedCidr[] = [
  "0.0.0.0/8",
  "192.0.0.0/24",
  "198.18.0.0/15",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "::/128",
  "100::/64",
  "ff00::/8",
].map((c) => parseCidr(c) as ParsedCidr);

/** Classifies a source range. A bare address counts as a /32 or /128. */
export function classifyCidr(cidrOrAddress: string): CidrClass {
  const text =
    typeof cidrOrAddress === "string" && !cidrOrAddress.includes("/")
      ? `${cidrOrAddress}/${cidrOrAddress.includes(":") ? 128 : 32}`
      : cidrOrAddress;
  const p = parseCidr(text);
  if (!p) return "invalid";
  if (p.mask === 0) return "any";
  if (PRIVATE_RANGES.some((r) => cidrContains(r, p))) return "private";
  return RESERVED_RANGES.some((r) => cidrContains(r, p)) ? "reserved" : "public";
}

/** One tier as the planner sees it. */
export interface TierPlanSpec {
  /** The tier's name, unique in the plan. */
  readonly name: string;
  /** The IPv4 mask of each of the tier's subnets, AWS_MIN_MASK..AWS_MAX_MASK. */
  readonly cidrMask: number;
}

/** What to plan. */
export interface CidrPlanInput {
  /** The VPC's IPv4 range, /16 to /28, written as its network address. */
  readonly vpcCidr: string;
  /** The tiers, in layout order. Add new tiers at the end to keep existing subnets in place. */
  readonly tiers: readonly TierPlanSpec[];
  /** How many AZs get a subnet of each tier. */
  readonly azCount: number;
  /**
   * AZ slots reserved per tier, so the AZ count can grow without moving any subnet.
   * Rounded up to a power of two. Changing it re-lays every tier after the first.
   * @default 4
   */
  readonly reservedAzs?: number;
  /** Assign each subnet an IPv6 /64 index inside the VPC's /56. @default false */
  readonly ipv6?: boolean;
  /** Ranges the VPC must not overlap: peered VPCs, on-premises networks, other stacks. */
  readonly avoid?: readonly string[];
}

/** One planned subnet. */
export interface PlannedSubnet {
  readonly tier: string;
  readonly tierIndex: number;
  readonly azIndex: number;
  /** The IPv4 range. */
  readonly cidr: string;
  /** The /64's index in the VPC's /56, when IPv6 is planned: `ipv6SubnetCidr(vpcIpv6Cidr, ipv6Index)`. */
  readonly ipv6Index?: number;
}

/** The block reserved for a tier. */
export interface TierBlock {
  readonly tier: string;
  readonly cidr: string;
  readonly subnetMask: number;
  readonly slots: number;
}

/** The result of planning. */
export interface CidrPlan {
  readonly vpcCidr: string;
  readonly azCount: number;
  readonly slotsPerTier: number;
  readonly blocks: readonly TierBlock[];
  /** Subnets in tier order, then AZ order. */
  readonly subnets: readonly PlannedSubnet[];
  /** Addresses of the VPC not reserved by any tier: room for the next tier. */
  readonly freeAddresses: bigint;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function alignUp(value: bigint, size: bigint): bigint {
  const rem = value % size;
  return rem === 0n ? value : value + (size - rem);
}

/** Checks the planner's input. Returns every problem found (empty when the input can be planned). */
export function cidrPlanProblems(input: CidrPlanInput): ValidationProblem[] {
  return tryPlanCidrs(input).problems;
}

/**
 * Plans the subnets. Returns the plan, or every problem that stops it. Pure
 * and deterministic.
 */
export function tryPlanCidrs(input: CidrPlanInput): { plan?: CidrPlan; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const vpc = parseCidr(input.vpcCidr);
  if (!vpc || vpc.version !== 4) {
    problems.push({
      arg: "vpcCidr",
      problem: `"${input.vpcCidr}" is not an IPv4 CIDR block`,
      fix: "use a range such as 10.0.0.0/16",
      code: "PAVED_CIDR_INVALID",
    });
  } else {
    if (vpc.mask < AWS_MIN_MASK || vpc.mask > AWS_MAX_MASK) {
      problems.push({
        arg: "vpcCidr",
        problem: `mask /${vpc.mask} is outside the AWS limits`,
        fix: `use /${AWS_MIN_MASK}../${AWS_MAX_MASK}`,
        code: "PAVED_CIDR_MASK_RANGE",
      });
    }
    if (!vpc.aligned) {
      problems.push({
        arg: "vpcCidr",
        problem: `"${input.vpcCidr}" is not a network address`,
        fix: `use ${formatCidr(4, vpc.start, vpc.mask)}`,
        code: "PAVED_CIDR_UNALIGNED",
      });
    }
  }
  (input.avoid ?? []).forEach((other, i) => {
    const o = parseCidr(other);
    if (!o) {
      problems.push({
        arg: `avoid[${i}]`,
        problem: `"${other}" is not a CIDR block`,
        fix: "use a range such as 10.1.0.0/16",
        code: "PAVED_CIDR_INVALID",
      });
    } else if (vpc && cidrsOverlap(vpc, o)) {
      problems.push({
        arg: "vpcCidr",
        problem: `${input.vpcCidr} overlaps ${other} (avoid[${i}])`,
        fix: "choose a VPC range that no peered or on-premises network uses",
        code: "PAVED_CIDR_OVERLAP",
      });
    }
  });

  if (!Number.isInteger(input.azCount) || input.azCount < 1) {
    problems.push({
      arg: "azCount",
      problem: `${input.azCount} is not a positive whole number`,
      fix: "use 1 or more (3 is the recommended minimum for production)",
      code: "PAVED_AZ_COUNT",
    });
  }
  const reserved = input.reservedAzs ?? DEFAULT_RESERVED_AZS;
  if (!Number.isInteger(reserved) || reserved < 1 || reserved > 16) {
    problems.push({
      arg: "reservedAzs",
      problem: `${reserved} is out of range`,
      fix: "use 1..16",
      code: "PAVED_AZ_COUNT",
    });
  } else if (Number.isInteger(input.azCount) && input.azCount > reserved) {
    problems.push({
      arg: "azCount",
      problem: `${input.azCount} exceeds the ${reserved} AZ slots reserved per tier`,
      fix: `set reservedAzs to ${nextPowerOfTwo(input.azCount)} or more (on an existing network this re-lays its subnets)`,
      code: "PAVED_AZ_COUNT",
    });
  }

  if (input.tiers.length === 0) {
    problems.push({
      arg: "tiers",
      problem: "is empty",
      fix: "declare at least one tier",
      code: "PAVED_TIER_EMPTY",
    });
  }
  const seen = new Set<string>();
  const minMask = Math.max(AWS_MIN_MASK, vpc?.version === 4 ? vpc.mask : AWS_MIN_MASK);
  input.tiers.forEach((t) => {
    if (seen.has(t.name)) {
      problems.push({
        arg: `tier "${t.name}"`,
        problem: "is declared twice",
        fix: "give every tier a unique name",
        code: "PAVED_TIER_DUPLICATE",
      });
    }
    seen.add(t.name);
    if (!Number.isInteger(t.cidrMask) || t.cidrMask < minMask || t.cidrMask > AWS_MAX_MASK) {
      const tooSmall = Number.isInteger(t.cidrMask) && t.cidrMask > AWS_MAX_MASK;
      problems.push({
        arg: `tier "${t.name}" cidrMask`,
        problem: `${t.cidrMask} is too ${tooSmall ? "small" : "large"}`,
        fix: `use ${minMask}..${AWS_MAX_MASK}`,
        code: "PAVED_CIDR_MASK_RANGE",
      });
    }
  });
  if (problems.length > 0 || !vpc) return { problems };

  const slots = nextPowerOfTwo(reserved);
  if (input.ipv6 && input.tiers.length * slots > IPV6_MAX_SUBNETS) {
    problems.push({
      arg: "tiers",
      problem: `${input.tiers.length} tiers × ${slots} AZ slots need more than the ${IPV6_MAX_SUBNETS} IPv6 /64s of a /56`,
      fix: "declare fewer tiers or reserve fewer AZ slots",
      code: "PAVED_CIDR_NO_ROOM",
    });
    return { problems };
  }

  const blocks: TierBlock[] = [];
  const subnets: PlannedSubnet[] = [];
  let cursor = vpc.start;
  input.tiers.forEach((t, tierIndex) => {
    const subnetSize = 1n << BigInt(32 - t.cidrMask);
    const blockSize = subnetSize * BigInt(slots);
    const start = alignUp(cursor, blockSize);
    const end = start + blockSize - 1n;
    if (end > vpc.end) {
      const blockMask = 32 - Math.log2(Number(blockSize));
      problems.push({
        arg: `tier "${t.name}" cidrMask`,
        problem: `${t.cidrMask} does not fit: its ${slots} AZ slots need a /${blockMask} and ${input.vpcCidr} has no room left after the earlier tiers`,
        fix: `use a larger vpcCidr, a larger cidrMask for this or earlier tiers, or fewer reservedAzs`,
        code: "PAVED_CIDR_NO_ROOM",
      });
      return;
    }
    const blockMask = 32 - Math.round(Math.log2(Number(blockSize)));
    blocks.push({ tier: t.name, cidr: formatCidr(4, start, blockMask), subnetMask: t.cidrMask, slots });
    for (let az = 0; az < input.azCount; az++) {
      subnets.push({
        tier: t.name,
        tierIndex,
        azIndex: az,
        cidr: formatCidr(4, start + subnetSize * BigInt(az), t.cidrMask),
        ...(input.ipv6 ? { ipv6Index: tierIndex * slots + az } : {}),
      });
    }
    cursor = end + 1n;
  });
  if (problems.length > 0) return { problems };
  return {
    plan: {
      vpcCidr: input.vpcCidr,
      azCount: input.azCount,
      slotsPerTier: slots,
      blocks,
      subnets,
      freeAddresses: vpc.end + 1n - cursor,
    },
    problems,
  };
}

/**
 * Plans the subnets or throws a `PavedValidationError` that lists every
 * problem, in the name of the calling component.
 */
export function planCidrs(input: CidrPlanInput, component = "CidrPlan", name = "plan"): CidrPlan {
  const { plan, problems } = tryPlanCidrs(input);
  if (!plan) throw new PavedValidationError(component, name, problems);
  return plan;
}

/**
 * The IPv6 /64 with the given index inside a VPC's /56. Used once AWS has
 * assigned the /56 (inside an `apply`); the index comes from the plan.
 */
export function ipv6SubnetCidr(vpcIpv6Cidr: string, index: number): string {
  const p = parseCidr(vpcIpv6Cidr);
  if (!p || p.version !== 6 || p.mask !== IPV6_VPC_MASK) {
    throw new RangeError(`ipv6SubnetCidr: "${vpcIpv6Cidr}" is not an IPv6 /${IPV6_VPC_MASK}`);
  }
  if (!Number.isInteger(index) || index < 0 || index >= IPV6_MAX_SUBNETS) {
    throw new RangeError(`ipv6SubnetCidr: index ${index} is out of 0..${IPV6_MAX_SUBNETS - 1}`);
  }
  return formatCidr(6, p.start + (BigInt(index) << BigInt(128 - IPV6_SUBNET_MASK)), IPV6_SUBNET_MASK);
}
