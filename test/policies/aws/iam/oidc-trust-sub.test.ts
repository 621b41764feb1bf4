import { iamOidcTrustSub } from "../../../../policies/aws/iam/oidc-trust-sub";
import { describePolicyTable, unknown } from "../../harness";
import { role } from "./fixtures";

const GH = "token.actions.githubusercontent.com";
const EKS = "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789";
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
