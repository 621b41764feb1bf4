/**
 * A role that trusts an OIDC provider (GitHub Actions, EKS IRSA, ...) pins the
 * subject: a `<issuer>:sub` condition without a wildcard, so not every
 * repository or service account can assume it.
 */
import { nist80053 } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import { ROLE_TYPE, iamFindings } from "./documents";

export const iamOidcTrustSub = defineResourcePolicy({
  name: "aws-iam-oidc-trust-requires-sub",
  description: "IAM roles that trust an OIDC provider require a specific sub (subject) condition.",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'GitHub Actions: add "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:<org>/<repo>:ref:refs/heads/main"}.',
    'EKS (IRSA): add "StringEquals": {"oidc.eks.<region>.amazonaws.com/id/<id>:sub": "system:serviceaccount:<ns>:<sa>"}.',
    "Add the matching `:aud` condition (sts.amazonaws.com) as well.",
  ],
  frameworks: [nist80053("AC-3"), nist80053("IA-8")],
  types: [ROLE_TYPE],
  check: (resource) =>
    iamFindings(resource, {
      kinds: ["trust"],
      codes: [
        "PAVED_IAM_TRUST_OIDC_NO_SUB",
        "PAVED_IAM_TRUST_OIDC_SUB_WILDCARD",
        "PAVED_IAM_TRUST_OIDC_UNCONDITIONED",
      ],
    }),
});
