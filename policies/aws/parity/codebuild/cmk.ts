/**
 * CodeBuild projects encrypt their build artifacts with a customer managed
 * KMS key (`encryptionKey`); without it they use the AWS managed aws/s3 key,
 * which anyone with S3 read in the account may use to decrypt.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";
import { asString } from "../../../lib/props";

export const codebuildCmk = defineResourcePolicy({
  name: "aws-codebuild-cmk",
  description: "CodeBuild projects encrypt build artifacts with a customer managed KMS key.",
  category: "storage",
  severity: "low",
  defaultLevel: "advisory",
  // Hygiene: artifacts are already encrypted with the AWS managed key; a customer key adds control.
  securitySet: false,
  remediation: [
    "Set `encryptionKey` to the ARN of a KMS key you manage (and let the project's service role use it).",
    "Advisory in every stage: artifacts are encrypted either way; the customer key adds control over who decrypts.",
  ],
  frameworks: [nist80053("SC-12")],
  types: ["aws:codebuild/project:Project"],
  check(r) {
    const key = asString(r.props.encryptionKey);
    if (!isUnset(key) && !/alias\/aws\//i.test(key ?? "")) return [];
    return [
      {
        message: `encryptionKey is ${isUnset(key) ? "unset" : `"${key}"`}, so artifacts use the AWS managed key; set encryptionKey to a customer managed KMS key`,
      },
    ];
  },
});
