/**
 * Glue jobs and crawlers run with a security configuration
 * (`securityConfiguration`), and every `aws.glue.SecurityConfiguration`
 * encrypts the CloudWatch logs it writes (SSE-KMS) and job bookmarks
 * (CSE-KMS).
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";
import { asRecord, asString } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

const CONFIGURATION = "aws:glue/securityConfiguration:SecurityConfiguration";

export const glueSecurityConfiguration = defineResourcePolicy({
  name: "aws-glue-security-configuration",
  description:
    "Glue jobs and crawlers use a security configuration that encrypts logs and job bookmarks with KMS.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: Glue logs and bookmarks can hold data samples and locations.
  securitySet: true,
  remediation: [
    'Create an `aws.glue.SecurityConfiguration` with `encryptionConfiguration.cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn }` and `jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn }` (and s3Encryption).',
    "Set `securityConfiguration` on every job and crawler. Mandatory in prod.",
  ],
  frameworks: [nist80053("SC-28")],
  types: [CONFIGURATION, "aws:glue/job:Job", "aws:glue/crawler:Crawler"],
  check(r) {
    if (r.type !== CONFIGURATION) {
      return isUnset(r.props.securityConfiguration)
        ? [
            {
              message:
                "securityConfiguration is unset, so logs and bookmarks are not encrypted with your key; set it to an aws.glue.SecurityConfiguration",
            },
          ]
        : [];
    }
    const enc = asRecord(r.props.encryptionConfiguration);
    const out: Finding[] = [];
    const logs = asString(asRecord(enc?.cloudwatchEncryption)?.cloudwatchEncryptionMode);
    if (logs !== "SSE-KMS") {
      out.push({
        message: `cloudwatchEncryption.cloudwatchEncryptionMode is ${logs ? `"${logs}"` : "unset"}, so Glue logs are not encrypted with KMS; set it to "SSE-KMS" with a kmsKeyArn`,
      });
    }
    const bookmarks = asString(asRecord(enc?.jobBookmarksEncryption)?.jobBookmarksEncryptionMode);
    if (bookmarks !== "CSE-KMS") {
      out.push({
        message: `jobBookmarksEncryption.jobBookmarksEncryptionMode is ${bookmarks ? `"${bookmarks}"` : "unset"}, so job bookmarks are not encrypted; set it to "CSE-KMS" with a kmsKeyArn`,
      });
    }
    return out;
  },
});
