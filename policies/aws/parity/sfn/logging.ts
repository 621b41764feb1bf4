/**
 * Step Functions state machines log every execution event to CloudWatch Logs
 * (`loggingConfiguration.level` "ALL" with a `logDestination`), so failed
 * and successful runs can be reconstructed after the 90-day history is gone.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { isUnset, quote } from "../../../lib/parity";
import { asRecord, asString } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

export const sfnLogging = defineResourcePolicy({
  name: "aws-sfn-logging",
  description: "Step Functions state machines log all execution events to CloudWatch Logs.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Observability: the execution history already keeps 90 days; advisory everywhere.
  securitySet: false,
  remediation: [
    'Set `loggingConfiguration: { level: "ALL", includeExecutionData: true, logDestination: `${logGroup.arn}:*` }`.',
    "Advisory in every stage: the service keeps 90 days of execution history; logs keep it longer and searchable.",
  ],
  frameworks: [awsFsbp("StepFunctions.1")],
  types: ["aws:sfn/stateMachine:StateMachine"],
  check(r) {
    const cfg = asRecord(r.props.loggingConfiguration);
    const level = asString(cfg?.level);
    const out: Finding[] = [];
    if (level !== "ALL") {
      const now =
        level === undefined
          ? "loggingConfiguration.level is unset (OFF)"
          : `loggingConfiguration.level is ${quote(level)}`;
      out.push({
        message: `${now}, so not every execution event is logged; set loggingConfiguration.level to "ALL"`,
      });
    }
    if (level !== undefined && level !== "OFF" && isUnset(cfg?.logDestination)) {
      out.push({
        message:
          "loggingConfiguration.logDestination is unset; set it to a CloudWatch log group ARN ending in :*",
      });
    }
    return out;
  },
});
