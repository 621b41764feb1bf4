import { iamNoInlineUserPolicy } from "../../../../policies/aws/iam/no-inline-user-policy";
import { describePolicyTable, unknown } from "../../harness";
import { READ_BUCKET } from "./fixtures";

describePolicyTable(iamNoInlineUserPolicy, {
  base: { type: "aws:iam/groupPolicy:GroupPolicy", props: { group: "devs", policy: READ_BUCKET } },
  pass: [
    {
      name: "UserPoliciesExclusive that removes every inline policy",
      fixture: {
        type: "aws:iam/userPoliciesExclusive:UserPoliciesExclusive",
        props: { userName: "u", policyNames: [] },
      },
    },
    { name: "a user itself", fixture: { type: "aws:iam/user:User", props: { name: "u" } } },
  ],
  fail: [
    {
      name: "aws.iam.UserPolicy",
      fixture: {
        type: "aws:iam/userPolicy:UserPolicy",
        props: { user: "u", policy: JSON.stringify(READ_BUCKET) },
      },
      expect: /inline user policy/,
      count: 1,
    },
    {
      name: "aws.iam.UserPolicy whose document is unknown",
      fixture: { type: "aws:iam/userPolicy:UserPolicy", props: { user: "u", policy: unknown } },
      expect: /inline user policy/,
      count: 1,
    },
    {
      name: "UserPoliciesExclusive that keeps inline policies",
      fixture: {
        type: "aws:iam/userPoliciesExclusive:UserPoliciesExclusive",
        props: { userName: "u", policyNames: ["a", "b"] },
      },
      expect: /keeps 2 inline policies/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "policyNames unknown",
      fixture: {
        type: "aws:iam/userPoliciesExclusive:UserPoliciesExclusive",
        props: { userName: "u", policyNames: unknown },
      },
    },
  ],
});
