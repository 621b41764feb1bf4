/**
 * The fixed monthly cost of a network's chosen shape: NAT gateway hours, the
 * Elastic IPs they hold, interface endpoint hours and the flow-log KMS key.
 * Pure: no Pulumi here.
 *
 * Only fixed costs are estimated. Data processed by NAT gateways and
 * endpoints, flow-log ingestion and storage depend on traffic and are left out
 * (the estimate says so in its notes).
 *
 * Source: on-demand list prices in USD from the Amazon VPC pricing page
 * (https://aws.amazon.com/vpc/pricing/: "NAT Gateway" hourly charge, "Public
 * IPv4 Address" at $0.005 per hour since 2024-02-01), AWS PrivateLink pricing
 * (https://aws.amazon.com/privatelink/pricing/: interface endpoint per AZ-hour)
 * and AWS KMS pricing ($1 per customer managed key per month). Prices change:
 * review this table against those pages, and bump `NETWORK_PRICES_AS_OF`.
 */
import type { NatStrategy } from "./plan";

/** When the table was last compared with the pricing pages. */
export const NETWORK_PRICES_AS_OF = "2026-11";

/** Hours in a billing month, as AWS's own calculators count them. */
export const HOURS_PER_MONTH = 730;

/** Hourly list prices of one region, USD. */
export interface NetworkRegionPrices {
  /** One NAT gateway, per hour. */
  readonly natGatewayHour: number;
  /** One public IPv4 address (the NAT gateway's Elastic IP), per hour. */
  readonly publicIpv4Hour: number;
  /** One interface endpoint in one AZ, per hour. */
  readonly interfaceEndpointAzHour: number;
  /** One customer managed KMS key, per month. */
  readonly kmsKeyMonth: number;
}

/** The prices used for a region not in {@link NETWORK_PRICE_TABLE}: us-east-1's, the lowest. */
export const DEFAULT_NETWORK_PRICES: NetworkRegionPrices = {
  natGatewayHour: 0.045,
  publicIpv4Hour: 0.005,
  interfaceEndpointAzHour: 0.01,
  kmsKeyMonth: 1,
};

const p = (natGatewayHour: number, interfaceEndpointAzHour: number): NetworkRegionPrices => ({
  natGatewayHour,
  publicIpv4Hour: 0.005,
  interfaceEndpointAzHour,
  kmsKeyMonth: 1,
});

/** List prices per region. */
export const NETWORK_PRICE_TABLE: Readonly<Record<string, NetworkRegionPrices>> = {
  "us-east-1": DEFAULT_NETWORK_PRICES,
  "us-east-2": p(0.045, 0.01),
  "us-west-1": p(0.048, 0.011),
  "us-west-2": p(0.045, 0.01),
  "ca-central-1": p(0.05, 0.011),
  "sa-east-1": p(0.093, 0.017),
  "eu-west-1": p(0.048, 0.011),
  "eu-west-2": p(0.05, 0.011),
  "eu-west-3": p(0.05, 0.011),
  "eu-central-1": p(0.052, 0.012),
  "eu-north-1": p(0.046, 0.011),
  "ap-southeast-1": p(0.059, 0.013),
  "ap-southeast-2": p(0.059, 0.013),
  "ap-northeast-1": p(0.062, 0.014),
  "ap-northeast-2": p(0.059, 0.013),
  "ap-south-1": p(0.056, 0.011),
};

/** One line of the estimate. */
export interface NetworkCostItem {
  /** What is billed: `NAT gateway`, `Elastic IP (NAT)`, `Interface endpoint AZ-hours`, `KMS key (flow logs)`. */
  readonly item: string;
  readonly quantity: number;
  /** The unit price, USD, per `unit`. */
  readonly unitPrice: number;
  readonly unit: "hour" | "month";
  /** quantity × unit price × hours (or months), rounded to cents. */
  readonly monthly: number;
}

/** The fixed monthly cost of a network. */
export interface NetworkCostEstimate {
  readonly currency: "USD";
  readonly region: string;
  /** True when the region was not in the table and {@link DEFAULT_NETWORK_PRICES} were used. */
  readonly defaultPrices: boolean;
  readonly nat: NatStrategy;
  /** The sum of the items, rounded to cents. */
  readonly total: number;
  readonly items: readonly NetworkCostItem[];
  readonly pricesAsOf: string;
  readonly notes: readonly string[];
}

/** What the estimate depends on. */
export interface NetworkCostInput {
  readonly region: string | undefined;
  readonly nat: NatStrategy;
  readonly natGateways: number;
  readonly interfaceEndpoints: number;
  readonly azCount: number;
  /** A KMS key is created for the flow logs. */
  readonly kmsKey: boolean;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** Estimates the fixed monthly cost. Pure and deterministic. */
export function estimateNetworkMonthlyCost(input: NetworkCostInput): NetworkCostEstimate {
  const known = input.region !== undefined && input.region in NETWORK_PRICE_TABLE;
  const prices = known ? NETWORK_PRICE_TABLE[input.region as string] : DEFAULT_NETWORK_PRICES;
  const items: NetworkCostItem[] = [];
  const hourly = (item: string, quantity: number, unitPrice: number) => {
    if (quantity > 0) {
      items.push({
        item,
        quantity,
        unitPrice,
        unit: "hour",
        monthly: cents(quantity * unitPrice * HOURS_PER_MONTH),
      });
    }
  };
  hourly("NAT gateway", input.natGateways, prices.natGatewayHour);
  hourly("Elastic IP (NAT)", input.natGateways, prices.publicIpv4Hour);
  hourly(
    "Interface endpoint AZ-hours",
    input.interfaceEndpoints * input.azCount,
    prices.interfaceEndpointAzHour,
  );
  if (input.kmsKey) {
    items.push({
      item: "KMS key (flow logs)",
      quantity: 1,
      unitPrice: prices.kmsKeyMonth,
      unit: "month",
      monthly: prices.kmsKeyMonth,
    });
  }
  const notes = [
    `${HOURS_PER_MONTH} hours a month; on-demand list prices as of ${NETWORK_PRICES_AS_OF}.`,
    "Excludes data processed by NAT gateways and endpoints, data transfer, and flow-log ingestion and storage.",
  ];
  if (!known)
    notes.push(`No prices recorded for region "${input.region ?? "(unset)"}": us-east-1 prices used.`);
  return {
    currency: "USD",
    region: input.region ?? "(unset)",
    defaultPrices: !known,
    nat: input.nat,
    total: cents(items.reduce((s, i) => s + i.monthly, 0)),
    items,
    pricesAsOf: NETWORK_PRICES_AS_OF,
    notes,
  };
}
