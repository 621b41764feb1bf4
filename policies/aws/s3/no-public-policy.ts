/**
 * No S3 bucket policy allows everyone: an Allow statement whose principal is
 * anyone (`"*"`, `{AWS: "*"}`, `{AWS: ["*"]}`, a wildcard account) without a
 * condition that really pins the caller, or Allow with NotPrincipal. Read on
 * `aws.s3.BucketPolicy` and on a bucket's inline `policy`, as a JSON string
 * or an object. The pinning rule is the pack's (`lib/principals.ts`).
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { type DocumentInput, publicDocumentFindings } from "../../lib/principals";
import { rawProps } from "../../lib/sdk";
import { BUCKET_POLICY, BUCKET_TYPES, isAbsent } from "./types";

const OPTIONS = {
  fix: "name the principals (accounts, roles, services) that need access, or pin the caller with aws:PrincipalOrgID / aws:SourceVpce",
};

export const s3NoPublicPolicy = defineResourcePolicy({
  name: "aws-s3-no-public-policy",
  description: 'S3 bucket policies do not allow Principal "*" unless a condition pins the caller.',
  category: "storage",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the principals that need access in `Principal` instead of `*`.",
    'If "*" is needed, add a condition that pins the caller: StringEquals on aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceVpc, aws:SourceArn or aws:SourceAccount with concrete values.',
    "For public web content, serve it through CloudFront with an origin access control and keep the bucket private.",
  ],
  frameworks: [awsFsbp("S3.2"), awsFsbp("S3.3"), nist80053("AC-3")],
  types: [...BUCKET_TYPES, BUCKET_POLICY],
  check(r) {
    const props = rawProps(r.props);
    const doc = props.policy;
    const refs: DocumentInput[] = isAbsent(doc) ? [] : [{ path: "policy", doc }];
    return publicDocumentFindings(refs, OPTIONS);
  },
});
