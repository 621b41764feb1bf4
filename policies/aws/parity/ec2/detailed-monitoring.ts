/**
 * EC2 instances, launch templates and launch configurations enable detailed
 * (one-minute) CloudWatch monitoring: instances and launch templates default
 * to five-minute metrics; launch configurations default to detailed.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { isFalse, quote } from "../../../lib/parity";
import { asRecord, isTrue } from "../../../lib/props";

const INSTANCE = "aws:ec2/instance:Instance";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";

export const ec2DetailedMonitoring = defineResourcePolicy({
  name: "aws-ec2-detailed-monitoring",
  description:
    "EC2 instances, launch templates and launch configurations enable detailed (one-minute) monitoring.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Observability and cost: advisory in every stage.
  securitySet: false,
  remediation: [
    "Instance: set `monitoring: true`; launch template: `monitoring: { enabled: true }`; launch configuration: leave `enableMonitoring` true.",
    "Advisory in every stage: one-minute metrics help alarms react sooner but cost extra and protect nothing.",
  ],
  frameworks: [],
  types: [INSTANCE, TEMPLATE, CONFIGURATION],
  check(r) {
    if (r.type === CONFIGURATION) {
      return isFalse(r.props.enableMonitoring)
        ? [
            {
              message:
                "enableMonitoring is false, so instances report five-minute metrics; set enableMonitoring to true",
            },
          ]
        : [];
    }
    const [field, v] =
      r.type === INSTANCE
        ? ["monitoring", r.props.monitoring]
        : ["monitoring.enabled", asRecord(r.props.monitoring)?.enabled];
    if (isTrue(v)) return [];
    const now = v === undefined ? `${field} is unset (five-minute metrics)` : `${field} is ${quote(v)}`;
    return [{ message: `${now}; set ${field} to true for one-minute metrics` }];
  },
});
