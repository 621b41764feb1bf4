/**
 * The parts platform teams expect from terraform-aws-vpc, as pure decisions:
 * the database subnet group's tier, the EKS load-balancer subnet tags, the
 * gateway endpoints' policy, and the tags each security group carries. No
 * Pulumi: network.ts creates the resources.
 */
import type { ValidationProblem } from "../../core/errors";
import { isInternetEnd, type NormalizedFlow } from "./flows";
import type { GatewayService, TierRouting, TierSpec } from "./types";

/** The tier a security group belongs to. */
export const TIER_TAG = "paved:tier";
/** The opt-in `aws-sg-internet-ingress-web-only` reads on a group: it faces the internet, and why. */
export const INTERNET_FACING_TAG = "paved:internet-facing";
export const INTERNET_FACING_JUSTIFICATION_TAG = "paved:internet-facing-justification";

/** Tier names that get a DB subnet group by default (with routing "none"). */
export const DATABASE_TIER_NAMES: readonly string[] = ["data", "database"];

/**
 * Who may use the S3 and DynamoDB gateway endpoints:
 * - `account`: principals of this account, on resources of this account
 *   (`aws:PrincipalAccount` and `aws:ResourceAccount`); for S3 also the
 *   AWS-owned bucket that serves ECR image layers in the region;
 * - `principalAccount`: principals of this account, on any resource (they
 *   read AWS-owned or partner buckets: package mirrors, public data sets);
 * - `open`: AWS's default policy, full access for anyone in the VPC.
 */
export type GatewayEndpointPolicy = "account" | "principalAccount" | "open";
export const GATEWAY_ENDPOINT_POLICIES: readonly GatewayEndpointPolicy[] = [
  "account",
  "principalAccount",
  "open",
];

/** The EKS subnet tags for load balancers, and the clusters that share the subnets. */
export interface EksSubnetTagsSpec {
  /** Clusters tagged `kubernetes.io/cluster/<name>: shared` on the public and private subnets. @default [] */
  readonly clusterNames?: readonly string[];
}

const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

/**
 * The tier of the DB subnet group: `false` none; `true` the default tier
 * (required to exist); `{ tier }` that tier; undefined the tier named data or
 * database with routing "none", when there is one and the network spans two
 * AZs (RDS needs two).
 */
export function databaseSubnetGroupTier(
  spec: boolean | { readonly tier: string } | undefined,
  tiers: readonly TierSpec[],
  azCount: number,
): { tier?: string; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const auto = tiers.find((t) => DATABASE_TIER_NAMES.includes(t.name) && t.routing === "none")?.name;
  if (spec === false) return { problems };
  if (spec === undefined) return { tier: azCount >= 2 ? auto : undefined, problems };
  const arg = spec === true ? "databaseSubnetGroup" : "databaseSubnetGroup.tier";
  const tier = spec === true ? auto : spec?.tier;
  const routing: TierRouting | undefined = tiers.find((t) => t.name === tier)?.routing;
  if (tier === undefined || routing === undefined) {
    problems.push({
      arg,
      problem:
        spec === true
          ? 'is true and no tier is named "data" or "database" with routing "none"'
          : `"${String(tier)}" is not a tier`,
      fix: `name the tier: databaseSubnetGroup: { tier: "<one of ${tiers.map((t) => t.name).join(", ")}>" }`,
      code: "PAVED_DB_SUBNET_GROUP",
    });
  } else if (routing === "internet") {
    problems.push({
      arg,
      problem: `"${tier}" is a public tier (routing "internet")`,
      fix: 'put databases in a tier with routing "none" (or "nat")',
      code: "PAVED_DB_SUBNET_GROUP",
    });
  }
  if (azCount < 2) {
    problems.push({
      arg,
      problem: `needs subnets in two AZs and the network has ${azCount}`,
      fix: "use azCount 2 or more, or set databaseSubnetGroup: false",
      code: "PAVED_DB_SUBNET_GROUP",
    });
  }
  return problems.length > 0 ? { problems } : { tier, problems };
}

/** Checks the EKS subnet-tag option. */
export function eksSubnetTagProblems(spec: boolean | EksSubnetTagsSpec | undefined): ValidationProblem[] {
  if (spec === undefined || typeof spec === "boolean") return [];
  const problems: ValidationProblem[] = [];
  (spec.clusterNames ?? []).forEach((n, i) => {
    if (typeof n !== "string" || !EKS_CLUSTER_NAME.test(n)) {
      problems.push({
        arg: `eksSubnetTags.clusterNames[${i}]`,
        problem: `"${String(n)}" is not an EKS cluster name`,
        fix: "use 1..100 letters, digits, - and _, starting with a letter or digit",
        code: "PAVED_EKS_SUBNET_TAGS",
      });
    }
  });
  return problems;
}

/**
 * The EKS tags of a tier's subnets: `kubernetes.io/role/elb` on public tiers
 * (internet-facing load balancers), `kubernetes.io/role/internal-elb` on
 * `nat` tiers (internal ones), and the cluster tags on both. None for
 * isolated tiers, or when the option is off.
 */
export function eksSubnetTags(
  spec: boolean | EksSubnetTagsSpec | undefined,
  routing: TierRouting,
): Record<string, string> {
  if (spec === undefined || spec === false || routing === "none") return {};
  const tags: Record<string, string> =
    routing === "internet" ? { "kubernetes.io/role/elb": "1" } : { "kubernetes.io/role/internal-elb": "1" };
  for (const c of spec === true ? [] : (spec.clusterNames ?? []))
    tags[`kubernetes.io/cluster/${c}`] = "shared";
  return tags;
}

/** Where the endpoint policy is rendered: the account, partition and region. */
export interface EndpointPolicyContext {
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
}

/** The gateway endpoint's policy document, or undefined for `open` (AWS's full-access default). */
export function gatewayEndpointPolicyDocument(
  service: GatewayService,
  mode: GatewayEndpointPolicy,
  ctx: EndpointPolicyContext,
): Record<string, unknown> | undefined {
  if (mode === "open") return undefined;
  const principal = { StringEquals: { "aws:PrincipalAccount": [ctx.accountId] } };
  const statements: Record<string, unknown>[] = [
    {
      Sid: mode === "account" ? "PavedThisAccountOnly" : "PavedThisAccountPrincipals",
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      Condition:
        mode === "account"
          ? {
              StringEquals: {
                "aws:PrincipalAccount": [ctx.accountId],
                "aws:ResourceAccount": [ctx.accountId],
              },
            }
          : principal,
    },
  ];
  if (mode === "account" && service === "s3") {
    statements.push({
      Sid: "PavedEcrImageLayers",
      Effect: "Allow",
      Principal: "*",
      Action: ["s3:GetObject"],
      Resource: [`arn:${ctx.partition}:s3:::prod-${ctx.region}-starport-layer-bucket/*`],
      Condition: principal,
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}

/** A tag value EC2 accepts: at most 256 characters. */
function tagValue(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= 256 ? t : `${t.slice(0, 253).trimEnd()}...`;
}

/**
 * The tags of a tier's security group: `paved:tier`, and on a tier with
 * routing "internet" that receives a declared internet flow,
 * `paved:internet-facing: "true"` and the flows' justifications (what
 * `aws-sg-internet-ingress-web-only` reads on a group).
 */
export function securityGroupTags(
  tier: string,
  routing: TierRouting | undefined,
  flows: readonly NormalizedFlow[],
): Record<string, string> {
  const tags: Record<string, string> = { [TIER_TAG]: tier };
  if (routing !== "internet") return tags;
  const why = [
    ...new Set(
      flows
        .filter((f) => !f.generated && isInternetEnd(f.from) && f.to.kind === "tier" && f.to.tier === tier)
        .map((f) => `${f.justification.trim()} (${f.ticket})`),
    ),
  ];
  if (why.length === 0) return tags;
  return {
    ...tags,
    [INTERNET_FACING_TAG]: "true",
    [INTERNET_FACING_JUSTIFICATION_TAG]: tagValue(why.join("; ")),
  };
}
