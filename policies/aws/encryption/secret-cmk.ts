/**
 * Secrets Manager secrets holding confidential or restricted data are
 * encrypted with a customer managed KMS key, in every replica region.
 * Without `kmsKeyId` a secret uses the AWS managed `aws/secretsmanager` key,
 * which anyone in the account allowed to read secrets may use.
 */
import { CUSTOMER_KEY_SCHEMA, type CustomerKeyConfig } from "../../lib/classification";
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { asList, asRecord, asString } from "../../lib/props";
import { customerKeyFindings } from "./settings";

export const SECRET = "aws:secretsmanager/secret:Secret";

export const secretCmk = defineResourcePolicy<CustomerKeyConfig>({
  name: "aws-secret-cmk",
  description:
    "Secrets Manager secrets holding confidential or restricted data are encrypted with a customer managed KMS key.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `kmsKeyId` on the secret to the ARN of a KMS key you manage.",
    "Give each entry in `replicas` a `kmsKeyId` in its region.",
  ],
  frameworks: [nist80053("SC-28")],
  types: [SECRET],
  configSchema: CUSTOMER_KEY_SCHEMA,
  check(r, ctx) {
    const findings = customerKeyFindings(r, ctx, {
      field: "kmsKeyId",
      read: () => r.props.kmsKeyId,
      what: "the secret",
    });
    asList(r.props.replicas).forEach((replica, i) => {
      const rep = asRecord(replica);
      const region = asString(rep?.region);
      findings.push(
        ...customerKeyFindings(r, ctx, {
          field: `replicas[${i}].kmsKeyId`,
          read: () => rep?.kmsKeyId,
          what: region ? `the replica in ${region}` : "the replica",
        }),
      );
    });
    return findings;
  },
});
