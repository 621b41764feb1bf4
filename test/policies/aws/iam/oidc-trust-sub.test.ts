import { iamOidcTrustSub } from "../../../../policies/aws/iam/oidc-trust-sub";
import { describePolicyTable, unknown } from "../../harness";
import { role } from "./fixtures";

const GH = "token.actions.githubusercontent.com";
const EKS = "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789";
const GITLAB = "gitlab.com";
const TFC = "app.terraform.io";
const COGNITO = "cognito-identity.amazonaws.com";
const POOL = "us-east-1:12345678-aaaa-bbbb-cccc-1234567890ab";
/** A trust with `Federated` as written (the host form Google and Cognito use). */
const hostTrust = (host: string, condition: Record<string, unknown>) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Federated: host },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: condition,
    },
  ],
});
const federated = (issuer: string, condition?: Record<string, unknown>) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` },
      Action: "sts:AssumeRoleWithWebIdentity",
      ...(condition ? { Condition: condition } : {}),
    },
  ],
});

describePolicyTable(iamOidcTrustSub, {
  base: role(
    JSON.stringify(
      federated(GH, {
        StringEquals: {
          [`${GH}:aud`]: "sts.amazonaws.com",
          [`${GH}:sub`]: "repo:acme/api:ref:refs/heads/main",
        },
      }),
    ),
  ),
  pass: [
    {
      name: "EKS service account pinned",
      fixture: role(
        federated(EKS, {
          StringEquals: {
            [`${EKS}:sub`]: "system:serviceaccount:team-a:api",
            [`${EKS}:aud`]: "sts.amazonaws.com",
          },
        }),
      ),
    },
    {
      name: "GitHub environment subject with StringLike",
      fixture: role(federated(GH, { StringLike: { [`${GH}:sub`]: "repo:acme/api:environment:prod" } })),
    },
    {
      name: "GitLab project and branch pinned",
      fixture: role(
        federated(GITLAB, {
          StringEquals: {
            [`${GITLAB}:aud`]: "https://gitlab.com",
            [`${GITLAB}:sub`]: "project_path:acme/api:ref_type:branch:ref:main",
          },
        }),
      ),
    },
    {
      name: "Terraform Cloud organization pinned",
      fixture: role(
        federated(TFC, {
          StringEquals: { [`${TFC}:aud`]: "aws.workload.identity" },
          StringLike: { [`${TFC}:sub`]: "organization:acme:project:*:workspace:api:run_phase:*" },
        }),
      ),
    },
    {
      name: "Google subject pinned",
      fixture: role(
        hostTrust("accounts.google.com", {
          StringEquals: { "accounts.google.com:aud": "acme", "accounts.google.com:sub": "1122334455" },
        }),
      ),
    },
    {
      name: "Cognito identity pool: aud and amr (the documented pattern, no sub)",
      fixture: role(
        hostTrust(COGNITO, {
          StringEquals: { [`${COGNITO}:aud`]: POOL },
          "ForAnyValue:StringLike": { [`${COGNITO}:amr`]: "authenticated" },
        }),
      ),
    },
  ],
  fail: [
    {
      name: "GitHub without sub",
      fixture: role(federated(GH, { StringEquals: { [`${GH}:aud`]: "sts.amazonaws.com" } })),
      expect: /without a "token\.actions\.githubusercontent\.com:sub" condition/,
      count: 1,
    },
    {
      name: "GitHub with no condition (JSON string)",
      fixture: role(JSON.stringify(federated(GH))),
      expect: /:sub" condition/,
      count: 1,
    },
    {
      name: "GitHub sub for any repository of any org",
      fixture: role(federated(GH, { StringLike: { [`${GH}:sub`]: "repo:*" } })),
      expect: /matches any repository/,
      count: 1,
    },
    {
      name: "EKS without sub",
      fixture: role(federated(EKS, { StringEquals: { [`${EKS}:aud`]: "sts.amazonaws.com" } })),
      expect: /any service account in the cluster/,
      count: 1,
    },
    {
      name: "GitLab with aud but no sub",
      fixture: role(federated(GITLAB, { StringEquals: { [`${GITLAB}:aud`]: "https://gitlab.com" } })),
      expect: /without a "gitlab\.com:sub" condition, so any identity "gitlab\.com" issues a token for/,
      count: 1,
    },
    {
      name: "Terraform Cloud with aud but no sub",
      fixture: role(federated(TFC, { StringEquals: { [`${TFC}:aud`]: "aws.workload.identity" } })),
      expect: /"app\.terraform\.io:sub".*organization:<org>/,
      count: 1,
    },
    {
      name: "Google with aud but no sub",
      fixture: role(
        hostTrust("accounts.google.com", { StringEquals: { "accounts.google.com:aud": "acme" } }),
      ),
      expect: /without a "accounts\.google\.com:sub" condition/,
      count: 1,
    },
    {
      name: "a StringLike sub of * alone",
      fixture: role(
        federated("auth.example.com", {
          StringEquals: { "auth.example.com:aud": "sts" },
          StringLike: { "auth.example.com:sub": "*" },
        }),
      ),
      expect: /"\*" matches any subject/,
      count: 1,
    },
    {
      name: "Cognito with amr but no aud (any identity pool)",
      fixture: role(
        hostTrust(COGNITO, { "ForAnyValue:StringLike": { [`${COGNITO}:amr`]: "authenticated" } }),
      ),
      expect: /an identity from another pool can assume the role/,
      count: 1,
    },
    {
      name: "Cognito with aud but no amr (guests too)",
      fixture: role(hostTrust(COGNITO, { StringEquals: { [`${COGNITO}:aud`]: POOL } })),
      expect: /unauthenticated \(guest\) identities/,
      count: 1,
    },
    {
      name: "another issuer with no condition at all",
      fixture: role(federated("auth.example.com")),
      expect: /without a condition on its claims/,
      count: 1,
    },
  ],
  unknown: [
    { name: "trust unknown", fixture: role(unknown) },
    {
      name: "the sub value unknown",
      fixture: role(federated(GH, { StringEquals: { [`${GH}:sub`]: unknown } })),
    },
  ],
});
