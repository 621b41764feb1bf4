/**
 * Step Functions state machines trace executions with X-Ray
 * (`tracingConfiguration.enabled`). Hygiene (observability), advisory.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { quote } from "../../../lib/parity";
import { asRecord, isTrue } from "../../../lib/props";

export const sfnTracing = defineResourcePolicy({
  name: "aws-sfn-tracing",
  description: "Step Functions state machines trace executions with AWS X-Ray.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Observability, not protection: advisory in every stage.
  securitySet: false,
  remediation: [
    "Set `tracingConfiguration: { enabled: true }` and let the state machine's role write to X-Ray.",
    "Advisory in every stage: tracing helps operate the workflow but protects nothing by itself.",
  ],
  frameworks: [],
  types: ["aws:sfn/stateMachine:StateMachine"],
  check(r) {
    const v = asRecord(r.props.tracingConfiguration)?.enabled;
    if (isTrue(v)) return [];
    const now =
      v === undefined
        ? "tracingConfiguration.enabled is unset"
        : `tracingConfiguration.enabled is ${quote(v)}`;
    return [{ message: `${now}, so executions are not traced; set tracingConfiguration.enabled to true` }];
  },
});
