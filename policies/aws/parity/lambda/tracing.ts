/**
 * Lambda functions trace requests with X-Ray (`tracingConfig.mode` "Active"),
 * so a slow or failing call can be followed across services. Hygiene
 * (observability), advisory.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { quote } from "../../../lib/parity";
import { asRecord, asString } from "../../../lib/props";

export const lambdaTracing = defineResourcePolicy({
  name: "aws-lambda-tracing",
  description: "Lambda functions trace requests with AWS X-Ray (tracingConfig.mode Active).",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Observability, not protection: advisory in every stage.
  securitySet: false,
  remediation: [
    'Set `tracingConfig: { mode: "Active" }` and allow the role xray:PutTraceSegments and xray:PutTelemetryRecords (AWSXRayDaemonWriteAccess).',
    "Advisory in every stage: tracing helps operate the function but protects nothing by itself.",
  ],
  frameworks: [],
  types: ["aws:lambda/function:Function"],
  check(r) {
    const mode = asString(asRecord(r.props.tracingConfig)?.mode);
    if (mode === "Active") return [];
    const now =
      mode === undefined
        ? "tracingConfig.mode is unset (PassThrough)"
        : `tracingConfig.mode is ${quote(mode)}`;
    return [
      { message: `${now}, so the function's requests are not traced; set tracingConfig.mode to "Active"` },
    ];
  },
});
