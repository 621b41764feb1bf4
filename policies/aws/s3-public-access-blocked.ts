/**
 * S3 public access blocks (bucket or account level) set all four switches.
 * An unset switch is false.
 */
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp, cisAws } from "../lib/frameworks";
import { isTrue } from "../lib/props";

export const BUCKET_PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const ACCOUNT_PAB = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
export const PAB_SWITCHES = [
  "blockPublicAcls",
  "blockPublicPolicy",
  "ignorePublicAcls",
  "restrictPublicBuckets",
] as const;

export const s3PublicAccessBlocked = defineResourcePolicy({
  name: "aws-s3-public-access-blocked",
  description:
    "S3 public access blocks set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set all four switches to true on the public access block.",
    "Serve public content through CloudFront with an origin access control instead of a public bucket.",
  ],
  frameworks: [cisAws("2.1.4"), awsFsbp("S3.8")],
  types: [BUCKET_PAB, ACCOUNT_PAB],
  check(r) {
    const off = PAB_SWITCHES.filter((k) => !isTrue(r.props[k]));
    return off.length === 0
      ? []
      : [
          {
            message: `${off.join(", ")} ${off.length === 1 ? "is" : "are"} not true; set ${off.length === 1 ? "it" : "them"} to true`,
          },
        ];
  },
});
