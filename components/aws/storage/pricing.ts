/**
 * The EBS price table and the monthly cost estimate. Pure: no Pulumi.
 *
 * Source: Amazon EBS pricing (https://aws.amazon.com/ebs/pricing/), on-demand
 * list prices in USD per month, as published for the regions below. The table
 * is an estimate for review and budgeting, not a bill: it excludes snapshots,
 * data transfer, taxes and discounts. When a region is not listed, the
 * default region's prices are used and the estimate says so (`priceRegion`).
 * Review the table when AWS changes prices; `PRICE_TABLE_AS_OF` records when
 * it was transcribed. The figures were transcribed from the pricing page as
 * published for 2024-2025 and have not been re-checked online since: verify
 * them before using the estimate for a budget.
 */
import type { ResolvedVolumeSpec } from "./limits";

/** When the table was transcribed from the pricing page (see the note above). */
export const PRICE_TABLE_AS_OF = "2025";

/** One tier of io2 IOPS pricing: IOPS up to `upTo` (inclusive) cost `perIops` per IOPS-month. */
export interface IopsTier {
  /** Upper bound of the tier in provisioned IOPS; Infinity for the last tier. */
  readonly upTo: number;
  readonly perIops: number;
}

/** Prices of one region, USD per month. */
export interface RegionPrices {
  readonly gp3: {
    /** Per GB-month of provisioned storage. */
    readonly perGiB: number;
    /** Per provisioned IOPS-month above the 3,000 included. */
    readonly perIopsAbove3000: number;
    /** Per provisioned MiB/s-month above the 125 included. */
    readonly perMiBpsAbove125: number;
  };
  readonly io2: {
    readonly perGiB: number;
    /** Tiered: up to 32,000; 32,001 to 64,000; above 64,000 IOPS. */
    readonly iopsTiers: readonly IopsTier[];
  };
}

/** The region whose prices are used when a region is not in the table. */
export const DEFAULT_PRICE_REGION = "us-east-1";

const US_STANDARD: RegionPrices = {
  gp3: { perGiB: 0.08, perIopsAbove3000: 0.005, perMiBpsAbove125: 0.04 },
  io2: {
    perGiB: 0.125,
    iopsTiers: [
      { upTo: 32_000, perIops: 0.065 },
      { upTo: 64_000, perIops: 0.0455 },
      { upTo: Infinity, perIops: 0.032 },
    ],
  },
};

/** Prices by region (USD per month). */
export const EBS_PRICES: Readonly<Record<string, RegionPrices>> = {
  "us-east-1": US_STANDARD,
  "us-east-2": US_STANDARD,
  "us-west-2": US_STANDARD,
  "eu-west-1": {
    gp3: { perGiB: 0.088, perIopsAbove3000: 0.0055, perMiBpsAbove125: 0.044 },
    io2: {
      perGiB: 0.138,
      iopsTiers: [
        { upTo: 32_000, perIops: 0.072 },
        { upTo: 64_000, perIops: 0.0504 },
        { upTo: Infinity, perIops: 0.0353 },
      ],
    },
  },
  "eu-central-1": {
    gp3: { perGiB: 0.0952, perIopsAbove3000: 0.006, perMiBpsAbove125: 0.048 },
    io2: {
      perGiB: 0.149,
      iopsTiers: [
        { upTo: 32_000, perIops: 0.078 },
        { upTo: 64_000, perIops: 0.0546 },
        { upTo: Infinity, perIops: 0.0382 },
      ],
    },
  },
};

/** A monthly estimate with its breakdown. */
export interface CostEstimate {
  /** Total per month for all volumes, USD, rounded to cents. */
  readonly monthlyUsd: number;
  readonly currency: "USD";
  /** The region whose prices were used. */
  readonly priceRegion: string;
  /** True when the volume's region is not in the table and the default region's prices were used. */
  readonly defaultPricesUsed: boolean;
  readonly volumeCount: number;
  /** Per-volume parts, USD per month, rounded to cents. */
  readonly perVolume: {
    readonly storage: number;
    readonly iops: number;
    readonly throughput: number;
    readonly total: number;
  };
  readonly priceTableAsOf: string;
  /** What the estimate leaves out. */
  readonly excludes: readonly string[];
}

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The cost of `iops` provisioned io2 IOPS under tiered pricing. */
export function tieredIopsCost(iops: number, tiers: readonly IopsTier[]): number {
  let cost = 0;
  let from = 0;
  for (const tier of tiers) {
    if (iops <= from) break;
    const inTier = Math.min(iops, tier.upTo) - from;
    cost += inTier * tier.perIops;
    from = tier.upTo;
  }
  return cost;
}

/** Estimates the monthly cost of `count` identical volumes in `region`. */
export function estimateMonthlyCost(spec: ResolvedVolumeSpec, region: string, count = 1): CostEstimate {
  const known = Object.prototype.hasOwnProperty.call(EBS_PRICES, region);
  const priceRegion = known ? region : DEFAULT_PRICE_REGION;
  const prices = EBS_PRICES[priceRegion];
  let storage: number;
  let iops: number;
  let throughput: number;
  switch (spec.type) {
    case "gp3":
      storage = spec.sizeGiB * prices.gp3.perGiB;
      iops = Math.max(0, spec.iops - 3_000) * prices.gp3.perIopsAbove3000;
      throughput = Math.max(0, (spec.throughputMiBps ?? 125) - 125) * prices.gp3.perMiBpsAbove125;
      break;
    case "io2":
      storage = spec.sizeGiB * prices.io2.perGiB;
      iops = tieredIopsCost(spec.iops, prices.io2.iopsTiers);
      throughput = 0;
      break;
    default: {
      const never: never = spec.type;
      throw new Error(`no prices for volume type ${String(never)}`);
    }
  }
  const total = storage + iops + throughput;
  return {
    monthlyUsd: cents(total * count),
    currency: "USD",
    priceRegion,
    defaultPricesUsed: !known,
    volumeCount: count,
    perVolume: {
      storage: cents(storage),
      iops: cents(iops),
      throughput: cents(throughput),
      total: cents(total),
    },
    priceTableAsOf: PRICE_TABLE_AS_OF,
    excludes: ["snapshot storage", "cross-region copy transfer", "taxes", "discounts"],
  };
}
