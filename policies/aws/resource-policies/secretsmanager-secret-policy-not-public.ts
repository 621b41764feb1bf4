/**
 * Secrets Manager resource policies do not let anyone read or manage the
 * secret: no Allow to a public principal or with NotPrincipal unless a
 * condition pins the caller. On the secret's `policy` and on
 * aws.secretsmanager.SecretPolicy (whose `blockPublicPolicy` only makes AWS
 * reject such a policy at apply; the program is still wrong).
 */
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { publicPolicyCheck } from "./documents";

export const SECRET = "aws:secretsmanager/secret:Secret";
export const SECRET_POLICY = "aws:secretsmanager/secretPolicy:SecretPolicy";

export const secretPolicyNotPublic = defineResourcePolicy({
  name: "aws-secretsmanager-secret-policy-not-public",
  description:
    "Secrets Manager secret policies do not grant access to everyone (a public principal without a condition pinning the caller).",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the accounts or roles that read the secret in `Principal`.",
    'If `Principal` must be "*", add a StringEquals aws:PrincipalOrgID or aws:PrincipalAccount condition with concrete values.',
    "Set `blockPublicPolicy: true` on aws.secretsmanager.SecretPolicy so AWS rejects a public policy too.",
  ],
  frameworks: [nist80053("AC-3")],
  types: [SECRET, SECRET_POLICY],
  check: publicPolicyCheck(
    { [SECRET]: ["policy"], [SECRET_POLICY]: ["policy"] },
    {
      fix: "name the principals that read the secret, or pin the caller with StringEquals aws:PrincipalOrgID / aws:PrincipalAccount",
    },
  ),
});
