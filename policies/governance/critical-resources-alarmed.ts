/**
 * Every critical resource (databases, load balancers, instances, volumes by
 * default) is covered by a CloudWatch metric alarm. An alarm covers a
 * resource when it depends on it (its dimensions are built from the
 * resource's outputs) or when one of its dimension values equals one of the
 * resource's known identifiers. Advisory by default.
 */
import { defineStackPolicy } from "../lib/define";
import { nist80053 } from "../lib/frameworks";
import { asList, asRecord, asString, peek } from "../lib/props";
import type { Finding, StackResource } from "../lib/types";
import { ofType } from "../lib/stack-index";

export const METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** Config of {@link criticalResourcesAlarmed}. */
export interface CriticalResourcesConfig {
  readonly criticalTypes: readonly string[];
}

export const DEFAULT_CRITICAL_TYPES = [
  "aws:rds/instance:Instance",
  "aws:rds/cluster:Cluster",
  "aws:lb/loadBalancer:LoadBalancer",
  "aws:ec2/instance:Instance",
  "aws:ebs/volume:Volume",
];

/** The inputs that may hold an identifier a dimension names. */
const IDENTIFIER_KEYS = ["id", "identifier", "clusterIdentifier", "name", "arn", "arnSuffix"];

/** True when one of the resource's identifiers is among `named` (an unknown identifier names nothing). */
function isNamed(r: StackResource, named: ReadonlySet<string>): boolean {
  for (let i = 0; i < IDENTIFIER_KEYS.length; i++) {
    const key = IDENTIFIER_KEYS[i];
    const v = peek(() => asString(r.props[key]));
    if (v && named.has(v)) return true;
  }
  return false;
}

/** Every dimension value of an alarm: `dimensions` and each `metricQueries[].metric.dimensions`. */
function dimensionValues(alarm: StackResource): string[] {
  const maps = [
    peek(() => asRecord(alarm.props.dimensions)),
    ...(peek(() => asList(alarm.props.metricQueries)) ?? []).map((q) =>
      peek(() => asRecord(asRecord(asRecord(q)?.metric)?.dimensions)),
    ),
  ];
  const out: string[] = [];
  for (const m of maps) {
    for (const key of Object.keys(m ?? {})) {
      const v = peek(() => asString(m?.[key]));
      if (v) out.push(v);
    }
  }
  return out;
}

export const criticalResourcesAlarmed = defineStackPolicy<CriticalResourcesConfig>({
  name: "paved-critical-resources-alarmed",
  description: "Every critical resource is covered by a CloudWatch alarm.",
  category: "governance",
  severity: "medium",
  defaultLevel: "advisory",
  remediation: [
    "Add an alarm on the resource's key metric, or wrap it in Paved's AlarmSet, which sets the recommended alarms.",
    "Route the alarm to the owning team's notification topic.",
  ],
  frameworks: [nist80053("SI-4")],
  configSchema: {
    properties: {
      criticalTypes: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: DEFAULT_CRITICAL_TYPES,
        description: "Resource types that must be covered by an alarm.",
      },
    },
  },
  check(resources, ctx) {
    const critical = new Set(ctx.config.criticalTypes);
    const alarms = ofType(resources, METRIC_ALARM);
    const dependedOn = new Set(alarms.flatMap((a) => (a.dependencies ?? []).map((d) => d.urn)));
    const named = new Set(alarms.flatMap(dimensionValues));
    const findings: Finding[] = [];
    for (const r of ofType(resources, ...critical)) {
      if (dependedOn.has(r.urn)) continue;
      if (named.size > 0 && isNamed(r, named)) continue;
      findings.push({
        urn: r.urn,
        message: `${r.type} "${r.name}" has no CloudWatch alarm; add one on its key metric (or use AlarmSet)`,
      });
    }
    return findings;
  },
});
