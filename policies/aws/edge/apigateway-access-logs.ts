/**
 * API Gateway stages (REST, and HTTP/WebSocket in apigatewayv2) send access
 * logs somewhere: `accessLogSettings.destinationArn` is set. Advisory by
 * default: logging, not exposure.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asRecord, asString } from "../../lib/props";

export const APIGATEWAY_STAGE = "aws:apigateway/stage:Stage";
export const APIGATEWAYV2_STAGE = "aws:apigatewayv2/stage:Stage";

export const apiGatewayAccessLogs = defineResourcePolicy({
  name: "aws-apigateway-access-logs",
  description: "API Gateway stages write access logs.",
  category: "network",
  severity: "medium",
  defaultLevel: "advisory",
  remediation: [
    "Create a CloudWatch Logs log group for the stage.",
    "Set `accessLogSettings: { destinationArn: logGroup.arn, format: <JSON with $context.requestId, $context.identity.sourceIp, $context.status> }` on the stage.",
  ],
  frameworks: [awsFsbp("APIGateway.9"), nist80053("AU-12")],
  types: [APIGATEWAY_STAGE, APIGATEWAYV2_STAGE],
  check(r) {
    const settings = asRecord(r.props.accessLogSettings);
    const destination = asString(settings?.destinationArn);
    if (destination !== undefined && destination.trim() !== "") return [];
    return [
      {
        message: `${settings ? "accessLogSettings has no destinationArn" : "accessLogSettings is unset"}, so the stage keeps no access log; set accessLogSettings with a CloudWatch Logs destinationArn and a format`,
      },
    ];
  },
});
