/**
 * RDS and Aurora instances enable Performance Insights
 * (`performanceInsightsEnabled`), so load and slow queries can be diagnosed.
 * Hygiene (operations), advisory.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { quote } from "../../../lib/parity";
import { isTrue } from "../../../lib/props";

export const rdsPerformanceInsights = defineResourcePolicy({
  name: "aws-rds-performance-insights",
  description: "RDS and Aurora database instances enable Performance Insights.",
  category: "storage",
  severity: "low",
  defaultLevel: "advisory",
  // Operations, not protection: advisory in every stage.
  securitySet: false,
  remediation: [
    "Set `performanceInsightsEnabled: true` (7 days of retention are free); set `performanceInsightsKmsKeyId` for a key you manage.",
    "Advisory in every stage: it helps diagnose load but protects nothing.",
  ],
  frameworks: [],
  types: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"],
  check(r) {
    const v = r.props.performanceInsightsEnabled;
    if (isTrue(v)) return [];
    const now =
      v === undefined ? "performanceInsightsEnabled is unset" : `performanceInsightsEnabled is ${quote(v)}`;
    return [
      { message: `${now}, so database load cannot be analysed; set performanceInsightsEnabled to true` },
    ];
  },
});
