/**
 * A role that trusts an OIDC provider (GitHub Actions, EKS IRSA, GitLab,
 * Terraform Cloud, Google, any other issuer) pins the subject: a
 * `<issuer>:sub` condition (StringEquals/StringLike) that is not only a
 * wildcard, so not every repository, project or service account the issuer
 * signs tokens for can assume it. Cognito identity pools pin the pool
 * (`aud`) and `amr` instead, the pattern AWS documents; the legacy Amazon and
 * Facebook providers pin `app_id`. The rules live in the shared lint
 * (components/aws/iam/lint-oidc.ts).
 */
import { nist80053 } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import { ROLE_TYPE, type IamRule, iamFindings } from "./documents";

/** What this policy asks of the shared IAM lint (one object, not one per resource). */
const OIDC_SUB_RULE: IamRule = {
  kinds: ["trust"],
  codes: [
    "PAVED_IAM_TRUST_OIDC_NO_SUB",
    "PAVED_IAM_TRUST_OIDC_SUB_WILDCARD",
    "PAVED_IAM_TRUST_OIDC_UNCONDITIONED",
    "PAVED_IAM_TRUST_COGNITO_NO_AUD",
    "PAVED_IAM_TRUST_COGNITO_NO_AMR",
    "PAVED_IAM_TRUST_WEB_APP_NO_APP_ID",
  ],
};

export const iamOidcTrustSub = defineResourcePolicy({
  name: "aws-iam-oidc-trust-requires-sub",
  description:
    "IAM roles that trust an OIDC provider require a specific sub (subject) condition (Cognito identity pools: aud and amr).",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'GitHub Actions: add "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:<org>/<repo>:ref:refs/heads/main"}.',
    'EKS (IRSA): add "StringEquals": {"oidc.eks.<region>.amazonaws.com/id/<id>:sub": "system:serviceaccount:<ns>:<sa>"}.',
    'Any other issuer (GitLab, Terraform Cloud, Google, ...): add "StringEquals" (or "StringLike") {"<issuer>:sub": "<the workload\'s subject>"}; a value of only `*` does not count.',
    'Cognito identity pools: add "StringEquals": {"cognito-identity.amazonaws.com:aud": "<identity pool id>"} and "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}.',
    "Add the matching `:aud` condition (sts.amazonaws.com) as well.",
  ],
  frameworks: [nist80053("AC-3"), nist80053("IA-8")],
  types: [ROLE_TYPE],
  check: (resource) => iamFindings(resource, OIDC_SUB_RULE),
});
