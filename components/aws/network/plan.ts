/**
 * The SegmentedNetwork planner: tiers -> subnets -> NAT and route plan ->
 * flows -> security-group rules and NACL entries -> register. Pure and
 * deterministic: no Pulumi here, so it is unit-tested without mocks and the
 * CLI can draw a network (`paved diagram`) from the same plan.
 */
import { CidrPlan, tryPlanCidrs } from "../../core/cidr";
import type { ValidationProblem } from "../../core/errors";
import type { FirewallRule } from "../../core/register";
import {
  FlowSpec,
  GatewayService,
  NAT_STRATEGIES,
  NatStrategy,
  RESERVED_NAMES,
  TIER_ROUTINGS,
  TierSpec,
} from "./types";
import { GENERATED_TICKET, makeFlow, normalizeFlows, NormalizedFlow } from "./flows";
import {
  NaclEntryPlan,
  naclEntries,
  registerRules,
  RuleContext,
  securityGroupRules,
  SgRulePlan,
} from "./rules";
import { routeTablesFor, RouteTablePlan } from "./routes";
import { resolveTierSlots } from "./slots";

export type { NatStrategy, TierRouting, TierSpec, FlowSpec, GatewayService } from "./types";
export type { RoutePlan, RouteTablePlan, RouteTarget } from "./routes";
export { tierIpv6Cidr } from "./routes";

/** Everything that shapes the network, as plain values. */
export interface NetworkPlanInput {
  readonly vpcCidr: string;
  readonly tiers: readonly TierSpec[];
  readonly azCount: number;
  readonly reservedAzs?: number;
  readonly nat: NatStrategy;
  readonly ipv6: boolean;
  readonly flows: readonly FlowSpec[];
  readonly avoid?: readonly string[];
  readonly gatewayEndpoints: readonly GatewayService[];
  /** Interface endpoint services (`ssm`, `ecr.api`, `logs`). */
  readonly interfaceEndpoints: readonly string[];
  /** The tier that holds the interface endpoints. @default the first `nat` tier, else the first non-public tier */
  readonly endpointTier?: string;
  /** The governance change ticket, the default for flows without one. */
  readonly defaultTicket?: string;
  /** The change-ticket format. */
  readonly ticketPattern: string;
  /** NACL entries allowed per NACL and direction (the AWS quota). @default 20 */
  readonly naclRuleLimit?: number;
}

/** One planned subnet. */
export interface SubnetPlan {
  readonly tier: string;
  readonly azIndex: number;
  readonly cidr: string;
  /** The /64's index in the VPC's /56, with IPv6. */
  readonly ipv6Index?: number;
}

/** One planned tier. */
export interface TierPlan extends TierSpec {
  /** The tier's slot: its place in the layout (blocks and IPv6 /64s), not its place in the list. */
  readonly index: number;
  readonly slot: number;
  /** The tier's reserved block: every subnet of the tier, now and when AZs are added, lies inside it. */
  readonly blockCidr: string;
  readonly subnets: readonly SubnetPlan[];
}

/** One NAT gateway: in the NAT tier's subnet of an AZ. */
export interface NatGatewayPlan {
  readonly index: number;
  readonly azIndex: number;
  readonly tier: string;
}

/** The whole plan. */
export interface NetworkPlan {
  readonly vpcCidr: string;
  readonly azCount: number;
  /** AZ slots reserved per tier: the AZ count can grow to this without moving a subnet. */
  readonly reservedAzs: number;
  readonly ipv6: boolean;
  readonly nat: NatStrategy;
  readonly tiers: readonly TierPlan[];
  readonly internetGateway: boolean;
  readonly egressOnlyGateway: boolean;
  readonly natTier?: string;
  readonly natGateways: readonly NatGatewayPlan[];
  readonly routeTables: readonly RouteTablePlan[];
  readonly gatewayEndpoints: readonly GatewayService[];
  readonly interfaceEndpoints: readonly string[];
  readonly endpointTier?: string;
  /** Declared flows, one per port range, plus the flows the pattern generates (endpoints). */
  readonly flows: readonly NormalizedFlow[];
  readonly securityGroupRules: readonly SgRulePlan[];
  readonly naclEntries: readonly NaclEntryPlan[];
  /** Every security-group rule and NACL entry, as the change board reads them. */
  readonly register: readonly FirewallRule[];
  /** Addresses of the VPC no tier reserves: room for new tiers. */
  readonly freeAddresses: string;
}

const TIER_NAME = /^[a-z][a-z0-9]{0,15}$/;
const ENDPOINT_SERVICE = /^[a-z0-9][a-z0-9.-]{0,62}$/;

function tierProblems(tiers: readonly TierSpec[], nat: NatStrategy): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  tiers.forEach((t, i) => {
    if (typeof t.name !== "string" || !TIER_NAME.test(t.name)) {
      problems.push({
        arg: `tiers[${i}].name`,
        problem: `"${String(t.name)}" is not a valid tier name`,
        fix: "use 1..16 lower-case letters and digits, starting with a letter",
        code: "PAVED_TIER_NAME",
      });
    } else if ((RESERVED_NAMES as readonly string[]).includes(t.name)) {
      problems.push({
        arg: `tiers[${i}].name`,
        problem: `"${t.name}" is reserved for flows`,
        fix: `choose another name (${RESERVED_NAMES.join(", ")} are reserved)`,
        code: "PAVED_TIER_NAME",
      });
    }
    if (!TIER_ROUTINGS.includes(t.routing)) {
      problems.push({
        arg: `tiers[${i}].routing`,
        problem: `"${String(t.routing)}" is not a routing`,
        fix: `use one of ${TIER_ROUTINGS.join(" | ")}`,
        code: "PAVED_TIER_ROUTING",
      });
    }
  });
  if (!NAT_STRATEGIES.includes(nat)) {
    problems.push({
      arg: "nat",
      problem: `"${String(nat)}" is not a NAT strategy`,
      fix: `use one of ${NAT_STRATEGIES.join(" | ")}`,
      code: "PAVED_NAT_STRATEGY",
    });
  } else if (nat !== "none" && !tiers.some((t) => t.routing === "internet")) {
    problems.push({
      arg: "nat",
      problem: `"${nat}" needs a public tier for its NAT gateways, and no tier has routing "internet"`,
      fix: 'add a tier with routing "internet", or use nat "none"',
      code: "PAVED_NAT_NO_PUBLIC",
    });
  }
  return problems;
}

function defaultEndpointTier(tiers: readonly TierSpec[]): string | undefined {
  return (tiers.find((t) => t.routing === "nat") ?? tiers.find((t) => t.routing !== "internet") ?? tiers[0])
    ?.name;
}

/** Plans the network. Returns the plan, or every problem that stops it. */
export function tryPlanNetwork(input: NetworkPlanInput): {
  plan?: NetworkPlan;
  problems: ValidationProblem[];
  /** Advice that does not stop the plan: tiers without slots out of their natural order. */
  warnings: string[];
} {
  const problems: ValidationProblem[] = [...tierProblems(input.tiers, input.nat)];
  // Laid out by slot (slots.ts), so the list's order never moves a subnet.
  const slots = resolveTierSlots(input.tiers);
  problems.push(...slots.problems);
  const cidr = tryPlanCidrs({
    vpcCidr: input.vpcCidr,
    tiers: slots.layout.map((t) => ({ name: t.name, cidrMask: t.cidrMask })),
    azCount: input.azCount,
    reservedAzs: input.reservedAzs,
    ipv6: input.ipv6,
    avoid: input.avoid,
  });
  problems.push(...cidr.problems);

  const seenEndpoints = new Set<string>();
  input.interfaceEndpoints.forEach((svc, i) => {
    if (typeof svc !== "string" || !ENDPOINT_SERVICE.test(svc)) {
      problems.push({
        arg: `interfaceEndpoints[${i}]`,
        problem: `"${String(svc)}" is not a service name`,
        fix: "use the service part of com.amazonaws.<region>.<service>, for example ssm, ecr.api or logs",
        code: "PAVED_ENDPOINT_SERVICE",
      });
    } else if (seenEndpoints.has(svc)) {
      problems.push({
        arg: `interfaceEndpoints[${i}]`,
        problem: `"${svc}" is listed twice`,
        fix: "list each service once",
        code: "PAVED_ENDPOINT_SERVICE",
      });
    }
    seenEndpoints.add(svc);
  });
  const endpointTier = input.endpointTier ?? defaultEndpointTier(input.tiers);
  if (input.endpointTier !== undefined && !input.tiers.some((t) => t.name === input.endpointTier)) {
    problems.push({
      arg: "endpointTier",
      problem: `"${input.endpointTier}" is not a tier`,
      fix: `use one of the tiers (${input.tiers.map((t) => t.name).join(", ")})`,
      code: "PAVED_ENDPOINT_TIER",
    });
  }

  const flowResult = normalizeFlows(input.flows, {
    tiers: input.tiers,
    nat: input.nat,
    gatewayEndpoints: input.gatewayEndpoints,
    defaultTicket: input.defaultTicket,
    ticketPattern: input.ticketPattern,
  });
  problems.push(...flowResult.problems);
  if (problems.length > 0 || !cidr.plan) return { problems, warnings: slots.warnings };

  return { ...buildPlan(input, cidr.plan, flowResult.flows, endpointTier), warnings: slots.warnings };
}

function buildPlan(
  input: NetworkPlanInput,
  cidr: CidrPlan,
  declared: readonly NormalizedFlow[],
  endpointTier: string | undefined,
): { plan?: NetworkPlan; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  // The planner saw the tiers in slot order, and slots run 0..n-1: its tier index is the slot.
  const slotOf = new Map(cidr.blocks.map((b, i) => [b.tier, i]));
  const tiers: TierPlan[] = input.tiers.map((t) => ({
    ...t,
    index: slotOf.get(t.name) as number,
    slot: slotOf.get(t.name) as number,
    blockCidr: cidr.blocks[slotOf.get(t.name) as number].cidr,
    subnets: cidr.subnets
      .filter((s) => s.tierIndex === slotOf.get(t.name))
      .map((s) => ({
        tier: t.name,
        azIndex: s.azIndex,
        cidr: s.cidr,
        ...(s.ipv6Index !== undefined ? { ipv6Index: s.ipv6Index } : {}),
      })),
  }));
  const natTier = tiers.find((t) => t.routing === "internet")?.name;
  const natGateways: NatGatewayPlan[] =
    input.nat === "none" || !natTier
      ? []
      : Array.from({ length: input.nat === "single" ? 1 : input.azCount }, (_, i) => ({
          index: i,
          azIndex: i,
          tier: natTier,
        }));

  const hasEndpoints = input.interfaceEndpoints.length > 0 && endpointTier !== undefined;
  const generated: NormalizedFlow[] = hasEndpoints
    ? input.interfaceEndpoints.flatMap((service) => [
        makeFlow({
          index: -1,
          from: { kind: "cidr", cidr: input.vpcCidr, version: 4, isPublic: false },
          to: { kind: "endpoint", service },
          protocol: "tcp",
          range: { from: 443, to: 443 },
          justification: `The ${service} interface endpoint admits HTTPS from the VPC's range`,
          ticket: GENERATED_TICKET,
          generated: true,
        }),
        ...tiers.map((t) =>
          makeFlow({
            index: -1,
            from: { kind: "tier", tier: t.name },
            to: { kind: "endpoint", service },
            protocol: "tcp",
            range: { from: 443, to: 443 },
            justification: `Reach the ${service} interface endpoint (AWS API over PrivateLink)`,
            ticket: GENERATED_TICKET,
            generated: true,
          }),
        ),
      ])
    : [];
  const flows = [...declared, ...generated];
  const ctx: RuleContext = {
    vpcCidr: input.vpcCidr,
    ipv6: input.ipv6,
    tierBlocks: new Map(tiers.map((t) => [t.name, { cidr: t.blockCidr, index: t.index }])),
    natTier: natGateways.length > 0 ? natTier : undefined,
    natRouted: new Set(
      natGateways.length > 0 ? tiers.filter((t) => t.routing === "nat").map((t) => t.name) : [],
    ),
    endpointTier: hasEndpoints ? endpointTier : undefined,
  };
  const sg = securityGroupRules(flows, ctx);
  const nacl = naclEntries(
    flows,
    tiers.map((t) => t.name),
    ctx,
  );

  const limit = input.naclRuleLimit ?? 20;
  for (const t of tiers) {
    for (const direction of ["ingress", "egress"] as const) {
      const n = nacl.filter((e) => e.tier === t.name && e.direction === direction).length;
      if (n > limit) {
        problems.push({
          arg: "flows",
          problem: `need ${n} ${direction} entries on tier "${t.name}"'s NACL, over the limit of ${limit}`,
          fix: "merge flows into port ranges, or raise the AWS quota (at most 40) and set naclRuleLimit",
          code: "PAVED_NACL_LIMIT",
        });
      }
    }
  }
  if (problems.length > 0) return { problems };

  return {
    plan: {
      vpcCidr: input.vpcCidr,
      azCount: input.azCount,
      reservedAzs: cidr.slotsPerTier,
      ipv6: input.ipv6,
      nat: input.nat,
      tiers,
      internetGateway: tiers.some((t) => t.routing === "internet"),
      egressOnlyGateway: input.ipv6 && tiers.some((t) => t.routing === "nat"),
      natTier: natGateways.length > 0 ? natTier : undefined,
      natGateways,
      routeTables: routeTablesFor(tiers, input.azCount, input.nat, input.ipv6),
      gatewayEndpoints: [...input.gatewayEndpoints],
      interfaceEndpoints: [...input.interfaceEndpoints],
      endpointTier: hasEndpoints ? endpointTier : undefined,
      flows,
      securityGroupRules: sg,
      naclEntries: nacl,
      register: registerRules(sg, nacl),
      freeAddresses: cidr.freeAddresses.toString(),
    },
    problems,
  };
}
