/**
 * CloudWatch log groups holding confidential or restricted data are
 * encrypted with a customer managed KMS key. Without `kmsKeyId` CloudWatch
 * Logs encrypts with a key AWS owns, which the data owner cannot control
 * or audit.
 */
import { CUSTOMER_KEY_SCHEMA, type CustomerKeyConfig } from "../../lib/classification";
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { customerKeyFindings } from "./settings";

export const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

export const logGroupCmk = defineResourcePolicy<CustomerKeyConfig>({
  name: "aws-log-group-cmk",
  description:
    "CloudWatch log groups holding confidential or restricted data are encrypted with a customer managed KMS key.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `kmsKeyId` on the log group to the ARN of a KMS key you manage.",
    "Allow the `logs.<region>.amazonaws.com` service principal to use the key in its key policy.",
  ],
  frameworks: [nist80053("SC-28")],
  types: [LOG_GROUP],
  configSchema: CUSTOMER_KEY_SCHEMA,
  check: (r, ctx) =>
    customerKeyFindings(r, ctx, { field: "kmsKeyId", read: () => r.props.kmsKeyId, what: "the log group" }),
});
