/**
 * SegmentedNetwork: the approved network pattern on AWS. The component, its
 * arguments and outputs, and the pure plan the CLI draws (`paved diagram`).
 */
export { SegmentedNetwork, SEGMENTED_NETWORK } from "./network";
export type { SegmentedNetworkArgs, FlowLogsArgs } from "./args";
export { DEFAULT_TIERS, GATEWAY_SERVICES, NAT_STRATEGIES, TIER_ROUTINGS } from "./types";
export type { FlowSpec, GatewayService, NatStrategy, TierRouting, TierSpec } from "./types";
export { tryPlanNetwork, tierIpv6Cidr } from "./plan";
export type {
  NetworkPlan,
  NetworkPlanInput,
  NatGatewayPlan,
  RoutePlan,
  RouteTablePlan,
  RouteTarget,
  SubnetPlan,
  TierPlan,
} from "./plan";
export type { FlowEnd, NormalizedFlow } from "./flows";
export type { NaclEntryPlan, NaclRef, SgPeer, SgRulePlan } from "./rules";
export { networkTopology, planSegmentedNetwork } from "./topology";
export type { NetworkTopology } from "./topology";
export { estimateNetworkMonthlyCost, NETWORK_PRICE_TABLE, NETWORK_PRICES_AS_OF } from "./pricing";
export type { NetworkCostEstimate, NetworkCostItem, NetworkRegionPrices } from "./pricing";
export { REGION_AZ_COUNTS } from "./regions";
