/**
 * ECS clusters enable CloudWatch Container Insights (`settings` entry
 * containerInsights "enabled" or "enhanced"), the per-task CPU, memory and
 * network metrics operators alarm on.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asList, asRecord, asString } from "../../../lib/props";

export const ecsContainerInsights = defineResourcePolicy({
  name: "aws-ecs-container-insights",
  description: "ECS clusters enable CloudWatch Container Insights.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Observability, not protection: advisory in every stage.
  securitySet: false,
  remediation: [
    'Set `settings: [{ name: "containerInsights", value: "enabled" }]` ("enhanced" for per-container detail).',
    "Advisory in every stage: metrics help operate the cluster but protect nothing.",
  ],
  frameworks: [awsFsbp("ECS.12")],
  types: ["aws:ecs/cluster:Cluster"],
  check(r) {
    const setting = asList(r.props.settings)
      .map(asRecord)
      .find((s) => asString(s?.name) === "containerInsights");
    const value = asString(setting?.value);
    if (value === "enabled" || value === "enhanced") return [];
    const now =
      value === undefined ? "the containerInsights setting is unset" : `containerInsights is ${quote(value)}`;
    return [
      {
        message: `${now}, so tasks report no Container Insights metrics; add settings { name: "containerInsights", value: "enabled" }`,
      },
    ];
  },
});
