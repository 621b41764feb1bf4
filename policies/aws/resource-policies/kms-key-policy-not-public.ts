/**
 * KMS key policies do not let anyone use or manage the key: no Allow to a
 * public principal (`"*"`, `{AWS: "*"}`, an account wildcard) or with
 * NotPrincipal, unless a condition pins the caller (aws:PrincipalOrgID,
 * aws:PrincipalAccount, aws:SourceAccount, ..., or kms:CallerAccount, the key
 * the AWS managed key policies use). A key with no policy gets AWS's default
 * policy (the owning account), which passes.
 */
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { publicPolicyCheck } from "./documents";

export const KMS_KEY = "aws:kms/key:Key";
export const KMS_KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

export const kmsKeyPolicyNotPublic = defineResourcePolicy({
  name: "aws-kms-key-policy-not-public",
  description:
    "KMS key policies do not grant access to everyone (a public principal without a condition pinning the caller).",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the accounts, roles or services that use the key in `Principal`.",
    'If `Principal` must be "*", add a StringEquals condition on kms:CallerAccount, aws:PrincipalOrgID or aws:PrincipalAccount with concrete values (StringNotEquals, ...IfExists and "*" values do not pin).',
    "Replace Allow + NotPrincipal with the principals you trust.",
  ],
  frameworks: [nist80053("AC-3")],
  types: [KMS_KEY, KMS_KEY_POLICY],
  check: publicPolicyCheck(
    { [KMS_KEY]: ["policy"], [KMS_KEY_POLICY]: ["policy"] },
    {
      extraKeys: ["kms:CallerAccount"],
      fix: "name the principals that use the key, or pin the caller with StringEquals on kms:CallerAccount or aws:PrincipalOrgID",
    },
  ),
});
