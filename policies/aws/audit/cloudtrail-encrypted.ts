/**
 * CloudTrail trails encrypt their log files with a customer managed KMS key
 * (`kmsKeyId`). Unset means S3-managed encryption only, which anyone who can
 * read the bucket can read.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { asString } from "../../lib/props";

export const CLOUDTRAIL_TRAIL = "aws:cloudtrail/trail:Trail";

export const cloudtrailEncrypted = defineResourcePolicy({
  name: "aws-cloudtrail-encrypted",
  description: "CloudTrail trails encrypt their log files with a KMS key (SSE-KMS).",
  category: "governance",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Create a customer managed KMS key whose key policy lets cloudtrail.amazonaws.com use it for this trail.",
    "Set `kmsKeyId` on the trail to the key's ARN.",
  ],
  frameworks: [cisAws("3.5"), awsFsbp("CloudTrail.2")],
  types: [CLOUDTRAIL_TRAIL],
  check(r) {
    const key = r.props.kmsKeyId;
    if ((asString(key) ?? "").trim() !== "") return [];
    return [
      {
        message:
          key === undefined
            ? "kmsKeyId is unset, so log files are only S3-encrypted; set kmsKeyId to a customer managed KMS key ARN"
            : `kmsKeyId is ${JSON.stringify(key)}, not a KMS key; set kmsKeyId to a customer managed KMS key ARN`,
      },
    ];
  },
});
