/**
 * AppSync GraphQL APIs log requests to CloudWatch (`logConfig` with a
 * `fieldLogLevel` other than "NONE").
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asRecord, asString } from "../../../lib/props";

export const appsyncLogging = defineResourcePolicy({
  name: "aws-appsync-logging",
  description: "AppSync GraphQL APIs log requests to CloudWatch Logs.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Security set: the request log is the record of who queried the API.
  securitySet: true,
  remediation: [
    'Set `logConfig: { cloudwatchLogsRoleArn, fieldLogLevel: "ERROR" }` ("ALL" while debugging; `excludeVerboseContent: true` keeps data out).',
    "Mandatory in prod: the request log is the record of who queried the API.",
  ],
  frameworks: [awsFsbp("AppSync.2"), nist80053("AU-12")],
  types: ["aws:appsync/graphQLApi:GraphQLApi"],
  check(r) {
    const level = asString(asRecord(r.props.logConfig)?.fieldLogLevel);
    if (level !== undefined && level !== "NONE") return [];
    const now = level === undefined ? "logConfig is unset" : `logConfig.fieldLogLevel is ${quote(level)}`;
    return [
      { message: `${now}, so requests are not logged; set logConfig with fieldLogLevel "ERROR" or "ALL"` },
    ];
  },
});
