/**
 * REST API stages log execution for every method: an
 * `aws.apigateway.MethodSettings` for the stage (same `stageName`, and its
 * REST API by value or dependency) whose `methodPath` covers every method
 * (star, slash, star) and whose `settings.loggingLevel` is "ERROR" or "INFO".
 */
import { defineStackPolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { type Match } from "../../../lib/parity";
import { asRecord, asString, peek } from "../../../lib/props";
import type { Finding, StackResource } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

const STAGE = "aws:apigateway/stage:Stage";
const SETTINGS = "aws:apigateway/methodSettings:MethodSettings";

function forStage(ms: StackResource, stage: StackResource): Match {
  if ((ms.dependencies ?? []).some((d) => d.urn === stage.urn)) return "yes";
  const a = peek(() => asString(ms.props.stageName));
  const b = peek(() => asString(stage.props.stageName));
  const apiA = peek(() => asString(ms.props.restApi));
  const apiB = peek(() => asString(stage.props.restApi));
  if (a === undefined || b === undefined || apiA === undefined || apiB === undefined) return "unknown";
  return a === b && apiA === apiB ? "yes" : "no";
}

function logsEverything(ms: StackResource): Match {
  const path = peek(() => asString(ms.props.methodPath));
  const level = peek(() => asString(asRecord(ms.props.settings)?.loggingLevel));
  if (path === undefined || level === undefined)
    return peek(() => ms.props.settings) === undefined ? "unknown" : "no";
  return path === "*/*" && (level === "ERROR" || level === "INFO") ? "yes" : "no";
}

export const apigatewayExecutionLogs = defineStackPolicy({
  name: "aws-apigateway-execution-logs",
  description: "REST API stages log execution (ERROR or INFO) for all methods to CloudWatch.",
  category: "network",
  severity: "low",
  defaultLevel: "advisory",
  // Operations: access logs (aws-apigateway-access-logs) are the audit record;
  // execution logs help debugging and stay advisory.
  securitySet: false,
  remediation: [
    'Add an `aws.apigateway.MethodSettings` with `restApi`, `stageName`, `methodPath: "*/*"` and `settings: { loggingLevel: "ERROR", metricsEnabled: true }` (set the account\'s CloudWatch role once with `aws.apigateway.Account`).',
    "Advisory in every stage: access logs are the audit record; execution logs help debugging.",
  ],
  frameworks: [awsFsbp("APIGateway.1"), nist80053("AU-12")],
  check(resources) {
    const out: Finding[] = [];
    const settings = ofType(resources, SETTINGS);
    for (const stage of ofType(resources, STAGE)) {
      const verdicts = settings.map((ms) => {
        const f = forStage(ms, stage);
        if (f === "no") return "no";
        const l = logsEverything(ms);
        return f === "yes" ? l : l === "yes" ? "unknown" : "no";
      });
      if (verdicts.includes("yes")) continue;
      if (verdicts.includes("unknown")) {
        out.push({
          urn: stage.urn,
          advisory: true,
          message: `stage "${stage.name}": its method settings are unknown during preview, so execution logging is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: stage.urn,
        message: `stage "${stage.name}" logs no method execution: no MethodSettings with methodPath "*/*" and loggingLevel ERROR or INFO names it; add one`,
      });
    }
    return out;
  },
});
