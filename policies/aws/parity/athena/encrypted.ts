/**
 * Athena encrypts query results: workgroups set
 * `configuration.resultConfiguration.encryptionConfiguration.encryptionOption`
 * (SSE_S3, SSE_KMS or CSE_KMS) or use managed query results, and keep
 * `enforceWorkgroupConfiguration` (default true) so a client cannot write
 * results unencrypted elsewhere; databases set `encryptionConfiguration`.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isFalse, isUnset } from "../../../lib/parity";
import { asRecord, isTrue } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

const WORKGROUP = "aws:athena/workgroup:Workgroup";
const DATABASE = "aws:athena/database:Database";

export const athenaEncrypted = defineResourcePolicy({
  name: "aws-athena-encrypted",
  description:
    "Athena workgroups and databases encrypt query results, and workgroups enforce their settings on clients.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Workgroup: set `configuration.resultConfiguration.encryptionConfiguration.encryptionOption` ("SSE_KMS" with `kmsKeyArn` for sensitive data) and keep `configuration.enforceWorkgroupConfiguration` true.',
    'Database: set `encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKey }` (or "SSE_S3").',
  ],
  frameworks: [nist80053("SC-28")],
  types: [WORKGROUP, DATABASE],
  check(r) {
    if (r.type === DATABASE) {
      const option = asRecord(r.props.encryptionConfiguration)?.encryptionOption;
      return isUnset(option)
        ? [
            {
              message:
                "encryptionConfiguration is unset, so query results are written unencrypted; set encryptionConfiguration.encryptionOption",
            },
          ]
        : [];
    }
    const out: Finding[] = [];
    const config = asRecord(r.props.configuration);
    const option = asRecord(asRecord(config?.resultConfiguration)?.encryptionConfiguration)?.encryptionOption;
    const managed = isTrue(asRecord(config?.managedQueryResultsConfiguration)?.enabled);
    if (isUnset(option) && !managed) {
      out.push({
        message:
          "configuration.resultConfiguration.encryptionConfiguration is unset, so query results are not encrypted by the workgroup; set its encryptionOption",
      });
    }
    if (isFalse(config?.enforceWorkgroupConfiguration)) {
      out.push({
        message:
          "configuration.enforceWorkgroupConfiguration is false, so clients may override the result location and encryption; set it to true",
      });
    }
    return out;
  },
});
