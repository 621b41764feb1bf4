/**
 * The route plan of SegmentedNetwork: route tables per tier (per AZ for
 * `nat` tiers with `perAz` NAT) and their default routes. Pure: no Pulumi.
 */
import { IPV6_SUBNET_MASK, ipv6SubnetCidr } from "../../core/cidr";
import { azSuffix } from "../../core/naming";
import type { NatStrategy, TierSpec } from "./types";

/** Where a route sends traffic. */
export type RouteTarget =
  | { readonly kind: "internetGateway" }
  | { readonly kind: "natGateway"; readonly index: number }
  | { readonly kind: "egressOnlyGateway" };

/** One default route. */
export interface RoutePlan {
  readonly destination: "0.0.0.0/0" | "::/0";
  readonly target: RouteTarget;
}

/** One route table: per tier, or per tier and AZ for `nat` tiers with `perAz` NAT. */
export interface RouteTablePlan {
  /** Name parts after the component name: `app-rt-a`, `public-rt`. */
  readonly key: string;
  readonly tier: string;
  /** Set when the table serves a single AZ. */
  readonly azIndex?: number;
  /** The AZ indexes of the tier's subnets it is associated with. */
  readonly azIndexes: readonly number[];
  readonly routes: readonly RoutePlan[];
  /** The gateway endpoints are attached to this table (every non-public tier). */
  readonly gatewayEndpoints: boolean;
}

/** The tiers as the route plan needs them. */
type RoutedTier = Pick<TierSpec, "name" | "routing">;

/** Plans the route tables of the tiers. */
export function routeTablesFor(
  tiers: readonly RoutedTier[],
  azCount: number,
  nat: NatStrategy,
  ipv6: boolean,
): RouteTablePlan[] {
  const all = Array.from({ length: azCount }, (_, i) => i);
  const tables: RouteTablePlan[] = [];
  for (const t of tiers) {
    const routing = t.routing;
    switch (routing) {
      case "internet":
        tables.push({
          key: `${t.name}-rt`,
          tier: t.name,
          azIndexes: all,
          routes: [
            { destination: "0.0.0.0/0", target: { kind: "internetGateway" } },
            ...(ipv6 ? [{ destination: "::/0", target: { kind: "internetGateway" } } as const] : []),
          ],
          gatewayEndpoints: false,
        });
        break;
      case "nat": {
        const v6: RoutePlan[] = ipv6 ? [{ destination: "::/0", target: { kind: "egressOnlyGateway" } }] : [];
        if (nat === "perAz") {
          for (const az of all) {
            tables.push({
              key: `${t.name}-rt-${azSuffix(az)}`,
              tier: t.name,
              azIndex: az,
              azIndexes: [az],
              routes: [{ destination: "0.0.0.0/0", target: { kind: "natGateway", index: az } }, ...v6],
              gatewayEndpoints: true,
            });
          }
        } else {
          tables.push({
            key: `${t.name}-rt`,
            tier: t.name,
            azIndexes: all,
            routes: [
              ...(nat === "single"
                ? [{ destination: "0.0.0.0/0", target: { kind: "natGateway", index: 0 } } as const]
                : []),
              ...v6,
            ],
            gatewayEndpoints: true,
          });
        }
        break;
      }
      case "none":
        tables.push({
          key: `${t.name}-rt`,
          tier: t.name,
          azIndexes: all,
          routes: [],
          gatewayEndpoints: true,
        });
        break;
      default: {
        const never: never = routing;
        throw new Error(`unknown routing ${String(never)}`);
      }
    }
  }
  return tables;
}
/**
 * A tier's IPv6 block: the `reservedAzs` consecutive /64s its subnets take,
 * inside the VPC's /56 (known once AWS assigns it; call inside an `apply`).
 */
export function tierIpv6Cidr(vpcIpv6Cidr: string, tierIndex: number, reservedAzs: number): string {
  const first = ipv6SubnetCidr(vpcIpv6Cidr, tierIndex * reservedAzs);
  const mask = IPV6_SUBNET_MASK - Math.round(Math.log2(reservedAzs));
  return `${first.split("/")[0]}/${mask}`;
}
