/**
 * A pure view of a SegmentedNetwork for tools: `paved diagram` draws tiers,
 * subnets per AZ, gateways and flows from it without running Pulumi.
 */
import { PavedValidationError } from "../../core/errors";
import type { Governance } from "../../core/governance";
import { DEFAULT_CHANGE_TICKET_PATTERN } from "../../core/governance";
import { formatPortRange } from "../../core/ports";
import type { SegmentedNetworkArgs } from "./args";
import { endLabel } from "./flows";
import { NetworkPlan, tryPlanNetwork } from "./plan";
import type { NatStrategy, TierRouting } from "./types";
import { resolveArgs } from "./validate";

/** Plans a network from its arguments, as the component does, or throws the same `PavedValidationError`. */
export function planSegmentedNetwork(
  name: string,
  args: SegmentedNetworkArgs,
  ctx: { region?: string; governance?: Partial<Governance>; ticketPattern?: string } = {},
): NetworkPlan {
  const { resolved, problems } = resolveArgs(args, {
    region: ctx.region,
    governance: ctx.governance ?? {},
    ticketPattern: ctx.ticketPattern ?? DEFAULT_CHANGE_TICKET_PATTERN,
  });
  const planned = tryPlanNetwork(resolved.planInput);
  const all = [...problems, ...planned.problems];
  if (all.length > 0 || !planned.plan) throw new PavedValidationError("SegmentedNetwork", name, all);
  return planned.plan;
}

/** What a diagram shows of a network. */
export interface NetworkTopology {
  readonly vpcCidr: string;
  readonly azCount: number;
  readonly nat: NatStrategy;
  readonly internetGateway: boolean;
  readonly egressOnlyGateway: boolean;
  readonly tiers: readonly {
    readonly name: string;
    readonly routing: TierRouting;
    readonly blockCidr: string;
    /** Subnet CIDRs in AZ order (index 0 is AZ suffix a). */
    readonly subnets: readonly string[];
    /** AZ indexes that hold a NAT gateway in this tier. */
    readonly natAzs: readonly number[];
  }[];
  /** Declared and generated flows, one per port range. */
  readonly flows: readonly {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly protocol: string;
    readonly ports: string;
    readonly justification: string;
    readonly ticket: string;
    readonly generated: boolean;
  }[];
  readonly gatewayEndpoints: readonly string[];
  readonly interfaceEndpoints: readonly string[];
  /** The tier whose subnets hold the interface endpoints. */
  readonly endpointTier?: string;
}

/** The diagram view of a plan (from {@link planSegmentedNetwork} or `SegmentedNetwork.plan`). */
export function networkTopology(plan: NetworkPlan): NetworkTopology {
  return {
    vpcCidr: plan.vpcCidr,
    azCount: plan.azCount,
    nat: plan.nat,
    internetGateway: plan.internetGateway,
    egressOnlyGateway: plan.egressOnlyGateway,
    tiers: plan.tiers.map((t) => ({
      name: t.name,
      routing: t.routing,
      blockCidr: t.blockCidr,
      subnets: t.subnets.map((s) => s.cidr),
      natAzs: plan.natGateways.filter((n) => n.tier === t.name).map((n) => n.azIndex),
    })),
    flows: plan.flows.map((f) => ({
      id: f.id,
      from: endLabel(f.from),
      to: endLabel(f.to),
      protocol: f.protocol,
      ports: f.range ? formatPortRange(f.range) : "all",
      justification: f.justification,
      ticket: f.ticket,
      generated: f.generated,
    })),
    gatewayEndpoints: [...plan.gatewayEndpoints],
    interfaceEndpoints: [...plan.interfaceEndpoints],
    ...(plan.endpointTier !== undefined ? { endpointTier: plan.endpointTier } : {}),
  };
}
