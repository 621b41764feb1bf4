import { iamNoAllowNotAction } from "../../../../policies/aws/iam/no-allow-not-action";
import { describePolicyTable, unknown } from "../../harness";
import { READ_BUCKET, doc, failEverywhere } from "./fixtures";

describePolicyTable(iamNoAllowNotAction, {
  base: { type: "aws:iam/policy:Policy", props: { policy: READ_BUCKET } },
  pass: [
    {
      name: "Deny with NotAction",
      patch: { policy: doc({ Effect: "Deny", NotAction: ["iam:*"], Resource: "*" }) },
    },
  ],
  fail: [
    ...failEverywhere(
      "Allow with NotAction",
      doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
      /every action except NotAction "iam:\*"/,
    ),
    {
      name: "two NotActions give two violations",
      patch: { policy: doc({ Effect: "Allow", NotAction: ["iam:*", "kms:*"], Resource: "*" }) },
      expect: /NotAction/,
      count: 2,
    },
  ],
  unknown: [
    { name: "document unknown", patch: { policy: unknown } },
    {
      name: "Effect unknown",
      patch: { policy: doc({ Effect: unknown, NotAction: "iam:*", Resource: "*" }) },
    },
  ],
});
