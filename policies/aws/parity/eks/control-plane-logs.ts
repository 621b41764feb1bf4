/**
 * EKS clusters send their control-plane logs to CloudWatch: at least the log
 * types the config names (by default all five: api, audit, authenticator,
 * controllerManager, scheduler). Without the audit log nobody can tell who
 * did what through the Kubernetes API.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { asStrings } from "../../../lib/props";

const LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export const eksControlPlaneLogs = defineResourcePolicy<{ requiredLogTypes: string[] }>({
  name: "aws-eks-control-plane-logs",
  description:
    "EKS clusters publish the required control-plane log types (by default all five) to CloudWatch Logs.",
  category: "kubernetes",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: the audit log is the record of every call to the cluster's API.
  securitySet: true,
  remediation: [
    'Set `enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"]` on the cluster.',
    "Set a retention on the /aws/eks/<cluster>/cluster log group; mandatory in prod because the audit log is the record of who did what.",
  ],
  frameworks: [awsFsbp("EKS.8"), nist80053("AU-2")],
  types: ["aws:eks/cluster:Cluster"],
  configSchema: {
    properties: {
      requiredLogTypes: {
        type: "array",
        items: { type: "string", enum: LOG_TYPES },
        uniqueItems: true,
        default: LOG_TYPES,
        description: "Control-plane log types every cluster must enable.",
      },
    },
  },
  check(r, ctx) {
    const enabled = asStrings(r.props.enabledClusterLogTypes);
    const missing = ctx.config.requiredLogTypes.filter((t) => !enabled.includes(t));
    if (missing.length === 0) return [];
    return [
      {
        message: `enabledClusterLogTypes lacks ${missing.join(", ")}, so those control-plane logs are not kept; add them to enabledClusterLogTypes`,
      },
    ];
  },
});
