import { iamNoResourceWildcard } from "../../../../policies/aws/iam/no-resource-wildcard";
import { describePolicyTable, unknown } from "../../harness";
import { READ_BUCKET, doc, failEverywhere } from "./fixtures";

describePolicyTable(iamNoResourceWildcard, {
  base: { type: "aws:iam/rolePolicy:RolePolicy", props: { role: "r", policy: JSON.stringify(READ_BUCKET) } },
  pass: [
    {
      name: "sts:GetCallerIdentity on *",
      patch: { policy: doc({ Effect: "Allow", Action: "sts:GetCallerIdentity", Resource: "*" }) },
    },
    {
      name: "an action allowed by config",
      patch: { policy: doc({ Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" }) },
      options: { config: { noResourceLevelActions: ["s3:ListAllMyBuckets"] } },
    },
    {
      name: "PassRole on a named role",
      patch: {
        policy: doc({
          Effect: "Allow",
          Action: "iam:PassRole",
          Resource: "arn:aws:iam::123456789012:role/app",
        }),
      },
    },
  ],
  fail: [
    ...failEverywhere(
      "s3:GetObject on *",
      doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }),
      /"s3:GetObject" on Resource "\*"/,
    ),
    {
      name: "an ARN wildcard arn:aws:s3:::*",
      patch: { policy: doc({ Effect: "Allow", Action: "s3:DeleteObject", Resource: "arn:aws:s3:::*" }) },
      expect: /supports resource-level permissions/,
      count: 1,
    },
    {
      name: "Allow with NotResource",
      patch: {
        policy: doc({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::secret/*" }),
      },
      expect: /every resource except NotResource/,
      count: 1,
    },
    {
      name: "iam:PassRole on any role",
      patch: {
        policy: doc({
          Effect: "Allow",
          Action: "iam:PassRole",
          Resource: "arn:aws:iam::123456789012:role/*",
        }),
      },
      expect: /on any role/,
      count: 1,
    },
  ],
  unknown: [
    { name: "document unknown", patch: { policy: unknown } },
    {
      name: "Resource unknown",
      patch: { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: unknown }) },
    },
  ],
});
