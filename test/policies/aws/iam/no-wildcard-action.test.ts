import { iamNoWildcardAction } from "../../../../policies/aws/iam/no-wildcard-action";
import { describePolicyTable, unknown } from "../../harness";
import { READ_BUCKET, TRUST_EC2, doc, failEverywhere, permissionFixtures, role } from "./fixtures";

describePolicyTable(iamNoWildcardAction, {
  base: { type: "aws:iam/policy:Policy", props: { policy: JSON.stringify(READ_BUCKET) } },
  pass: [
    ...permissionFixtures(READ_BUCKET).map(([holder, fixture]) => ({
      name: `least privilege on ${holder}`,
      fixture,
    })),
    {
      name: "a prefix glob is not a wildcard",
      patch: { policy: doc({ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" }) },
    },
    {
      name: "a Deny with s3:* is a guardrail",
      patch: { policy: doc({ Effect: "Deny", Action: "s3:*", Resource: "*" }) },
    },
    { name: "a role with a plain trust policy", fixture: role(JSON.stringify(TRUST_EC2)) },
  ],
  fail: [
    ...failEverywhere(
      "service wildcard hidden in an array",
      doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:*"], Resource: "arn:aws:s3:::data/*" }),
      /wildcard action "s3:\*"/,
    ),
    {
      name: "Action * on *",
      patch: { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) },
      expect: /full administrator access/,
      count: 1,
    },
    {
      name: "Action *:* on one bucket",
      patch: { policy: doc({ Effect: "Allow", Action: "*:*", Resource: "arn:aws:s3:::b" }) },
      expect: /every service/,
      count: 1,
    },
    {
      name: "an any-service glob *:Get*",
      patch: { policy: doc({ Effect: "Allow", Action: "*:Get*", Resource: "arn:aws:s3:::b" }) },
      expect: /wildcard action "\*:Get\*"/,
      count: 1,
    },
    {
      name: "Statement as a single object",
      patch: {
        policy: { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "iam:*", Resource: "*" } },
      },
      expect: /"iam:\*"/,
      count: 1,
    },
    {
      name: "sts:* in a trust policy",
      fixture: role(doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:*" })),
      expect: /in a trust policy/,
      count: 1,
    },
  ],
  unknown: [
    { name: "the whole document unknown", patch: { policy: unknown } },
    {
      name: "an action unknown",
      patch: {
        policy: doc({ Effect: "Allow", Action: ["s3:GetObject", unknown], Resource: "arn:aws:s3:::b/*" }),
      },
    },
    {
      name: "a JSON string built from an unknown",
      patch: { policy: `{"Statement":[{"Resource":"${unknown}"}]}` },
    },
  ],
});
