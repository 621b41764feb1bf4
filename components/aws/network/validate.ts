/**
 * Turns SegmentedNetwork's arguments into a plan input, checking what the
 * planner cannot: the AZs against the region, flow logs, endpoints. Pure: the
 * region, governance and ticket format are passed in.
 */
import type { ValidationProblem } from "../../core/errors";
import type { Governance } from "../../core/governance";
import type { FlowLogsArgs, SegmentedNetworkArgs } from "./args";
import type { NetworkPlanInput } from "./plan";
import { DEFAULT_LOG_RETENTION_DAYS, isLogRetention, LOG_RETENTION_DAYS } from "../monitoring/log-retention";
import { listArg, ListItems } from "../arg-shape";
import { regionAzCount } from "./regions";
import { DEFAULT_TIERS, GATEWAY_SERVICES, NatStrategy } from "./types";
import {
  databaseSubnetGroupTier,
  EksSubnetTagsSpec,
  eksSubnetTagProblems,
  GATEWAY_ENDPOINT_POLICIES,
  GatewayEndpointPolicy,
} from "./options";

/** The default AZ count. */
export const DEFAULT_AZ_COUNT = 3;
/** The default flow-log retention, days: the log-group helper's default. */
export const DEFAULT_FLOW_LOG_RETENTION_DAYS: number = DEFAULT_LOG_RETENTION_DAYS;
/** The retentions CloudWatch Logs accepts: the one table in monitoring/log-retention.ts. */
export { LOG_RETENTION_DAYS };

const AZ_NAME = /^[a-z]{2}(-[a-z0-9]+)+[a-z]$/;

/** How the AZ names will be known. */
export type AzSource =
  | { readonly kind: "explicit"; readonly names: readonly string[] }
  | { readonly kind: "dataSource"; readonly count: number };

/** The checked arguments: the plan input and what the resources need besides. */
export interface ResolvedArgs {
  readonly planInput: NetworkPlanInput;
  readonly azs: AzSource;
  readonly flowLogs: FlowLogsArgs;
  /** The tier of the DB subnet group, when there is one. */
  readonly databaseSubnetTier?: string;
  readonly eksSubnetTags: boolean | EksSubnetTagsSpec;
  readonly gatewayEndpointPolicy: GatewayEndpointPolicy;
}

/** The NAT default: resilient in prod, economical elsewhere. */
export function defaultNat(environment: string | undefined): NatStrategy {
  return environment === "prod" ? "perAz" : "single";
}

/** Checks the AZ arguments against the region. */
export function azProblems(
  args: Pick<SegmentedNetworkArgs, "availabilityZones" | "azCount">,
  region: string | undefined,
): { azs: AzSource; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const regionCount = regionAzCount(region);
  if (args.availabilityZones !== undefined && args.azCount !== undefined) {
    problems.push({
      arg: "azCount",
      problem: "is set together with availabilityZones",
      fix: "give either availabilityZones (names) or azCount (how many), not both",
      code: "PAVED_AZ_AMBIGUOUS",
    });
  }
  if (args.availabilityZones !== undefined) {
    const names = args.availabilityZones;
    if (names.length === 0) {
      problems.push({
        arg: "availabilityZones",
        problem: "is empty",
        fix: "list at least one AZ (three for production)",
        code: "PAVED_AZ_COUNT",
      });
    }
    const seen = new Set<string>();
    names.forEach((n, i) => {
      if (typeof n !== "string" || !AZ_NAME.test(n)) {
        problems.push({
          arg: `availabilityZones[${i}]`,
          problem: `"${String(n)}" is not an AZ name`,
          fix: "use names such as eu-west-1a",
          code: "PAVED_AZ_NAME",
        });
      } else if (seen.has(n)) {
        problems.push({
          arg: `availabilityZones[${i}]`,
          problem: `"${n}" is listed twice`,
          fix: "list each AZ once",
          code: "PAVED_AZ_DUPLICATE",
        });
      } else if (region !== undefined && !n.startsWith(region)) {
        problems.push({
          arg: `availabilityZones[${i}]`,
          problem: `"${n}" is not in region ${region}`,
          fix: `use AZs of ${region}, or set aws:region to the AZs' region`,
          code: "PAVED_AZ_NAME",
        });
      }
      seen.add(n);
    });
    if (regionCount !== undefined && names.length > regionCount) {
      problems.push({
        arg: "availabilityZones",
        problem: `lists ${names.length} AZs and ${region} has ${regionCount}`,
        fix: `use at most ${regionCount} AZs`,
        code: "PAVED_AZ_COUNT_REGION",
      });
    }
    return { azs: { kind: "explicit", names: [...names] }, problems };
  }
  const count = args.azCount ?? DEFAULT_AZ_COUNT;
  if (regionCount === undefined) {
    problems.push({
      arg: "availabilityZones",
      problem: `is needed: the AZ count of region "${region ?? "(unset)"}" is not known before deployment`,
      fix: "list the AZs by name (availabilityZones), or set aws:region to a region in SegmentedNetwork's table",
      code: "PAVED_AZ_REGION_UNKNOWN",
    });
  } else if (Number.isInteger(count) && count > regionCount) {
    problems.push({
      arg: "azCount",
      problem: `${count} is more AZs than ${region} has (${regionCount})`,
      fix: `use at most ${regionCount}`,
      code: "PAVED_AZ_COUNT_REGION",
    });
  }
  return { azs: { kind: "dataSource", count }, problems };
}

function flowLogProblems(f: FlowLogsArgs): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const destination = f.destination;
  switch (destination) {
    case "cloudWatch": {
      const days = f.retentionInDays ?? DEFAULT_FLOW_LOG_RETENTION_DAYS;
      if (!isLogRetention(days)) {
        problems.push({
          arg: "flowLogs.retentionInDays",
          problem: `${days} is not a retention CloudWatch Logs accepts`,
          fix: `use one of ${LOG_RETENTION_DAYS.join(", ")} (365 is the default)`,
          code: "PAVED_FLOW_LOG_RETENTION",
        });
      }
      break;
    }
    case "s3":
      if (!f.bucketArn) {
        problems.push({
          arg: "flowLogs.bucketArn",
          problem: "is missing",
          fix: "give the log archive bucket's ARN, or use destination cloudWatch",
          code: "PAVED_FLOW_LOG_BUCKET",
        });
      }
      break;
    default: {
      const never: never = destination;
      problems.push({
        arg: "flowLogs.destination",
        problem: `"${String(never)}" is not a destination`,
        fix: "use cloudWatch or s3; flow logs cannot be turned off",
        code: "PAVED_FLOW_LOG_DESTINATION",
      });
    }
  }
  return problems;
}

/** Checks the arguments and builds the plan input. `problems` lists everything found. */
export function resolveArgs(
  args: SegmentedNetworkArgs,
  ctx: { region: string | undefined; governance: Partial<Governance>; ticketPattern: string },
): { resolved: ResolvedArgs; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  if (!args || typeof args.vpcCidr !== "string") {
    problems.push({
      arg: "vpcCidr",
      problem: "is missing",
      fix: "give the VPC's range from the organisation's IP plan, for example 10.20.0.0/16",
      code: "PAVED_CIDR_INVALID",
    });
  }
  const list = <T>(
    value: readonly T[] | undefined,
    arg: string,
    items: ListItems,
    fallback: readonly T[],
  ) => {
    const r = listArg(value, arg, items, fallback);
    problems.push(...r.problems);
    return r.list;
  };
  const zones = listArg(args?.availabilityZones ?? undefined, "availabilityZones", "string");
  problems.push(...zones.problems);
  const az = azProblems(
    {
      azCount: args?.azCount,
      availabilityZones: zones.problems.length > 0 ? undefined : (args?.availabilityZones ?? undefined),
    },
    ctx.region,
  );
  problems.push(...az.problems);
  const flowLogs: FlowLogsArgs = args?.flowLogs ?? { destination: "cloudWatch" };
  problems.push(...flowLogProblems(flowLogs));
  const gatewayEndpoints = list(args?.gatewayEndpoints, "gatewayEndpoints", "string", GATEWAY_SERVICES);
  gatewayEndpoints.forEach((g, i) => {
    if (!GATEWAY_SERVICES.includes(g) || gatewayEndpoints.indexOf(g) !== i) {
      problems.push({
        arg: `gatewayEndpoints[${i}]`,
        problem: `"${String(g)}" is ${GATEWAY_SERVICES.includes(g) ? "listed twice" : "not a gateway endpoint service"}`,
        fix: `use each of ${GATEWAY_SERVICES.join(", ")} at most once`,
        code: "PAVED_ENDPOINT_SERVICE",
      });
    }
  });
  const limit = args?.naclRuleLimit ?? 20;
  if (!Number.isInteger(limit) || limit < 2 || limit > 40) {
    problems.push({
      arg: "naclRuleLimit",
      problem: `${limit} is out of range`,
      fix: "use the account's NACL rules-per-ACL quota: 20 by default, at most 40",
      code: "PAVED_NACL_LIMIT",
    });
  }
  const azCount = az.azs.kind === "explicit" ? Math.max(az.azs.names.length, 1) : az.azs.count;
  const planInput: NetworkPlanInput = {
    vpcCidr: args?.vpcCidr ?? "",
    avoid: list(args?.avoid, "avoid", "string", []),
    tiers: list(args?.tiers, "tiers", "object", DEFAULT_TIERS),
    azCount,
    reservedAzs: args?.reservedAzs,
    nat: args?.nat ?? defaultNat(ctx.governance.environment),
    ipv6: args?.ipv6 ?? false,
    flows: list(args?.flows, "flows", "object", []),
    gatewayEndpoints,
    interfaceEndpoints: list(args?.interfaceEndpoints, "interfaceEndpoints", "string", []),
    endpointTier: args?.endpointTier,
    defaultTicket: ctx.governance.changeTicket,
    ticketPattern: ctx.ticketPattern,
    naclRuleLimit: limit,
  };
  const gatewayEndpointPolicy = args?.gatewayEndpointPolicy ?? "account";
  if (!GATEWAY_ENDPOINT_POLICIES.includes(gatewayEndpointPolicy)) {
    problems.push({
      arg: "gatewayEndpointPolicy",
      problem: `"${String(gatewayEndpointPolicy)}" is not an endpoint policy`,
      fix: `use one of ${GATEWAY_ENDPOINT_POLICIES.join(" | ")}`,
      code: "PAVED_ENDPOINT_POLICY",
    });
  }
  const eksSubnetTags = args?.eksSubnetTags ?? false;
  problems.push(...eksSubnetTagProblems(eksSubnetTags));
  const db = databaseSubnetGroupTier(args?.databaseSubnetGroup, planInput.tiers, azCount);
  problems.push(...db.problems);
  return {
    resolved: {
      planInput,
      azs: az.azs,
      flowLogs,
      databaseSubnetTier: db.tier,
      eksSubnetTags,
      gatewayEndpointPolicy,
    },
    problems,
  };
}
