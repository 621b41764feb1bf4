/**
 * IAM users get managed policies only through groups: an
 * `aws.iam.UserPolicyAttachment`, or an `aws.iam.PolicyAttachment` listing
 * `users`, grants a person permissions that no group review sees.
 * (Inline user policies: aws-iam-no-inline-user-policy.)
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, cisAws } from "../../../lib/frameworks";
import { asStrings } from "../../../lib/props";

const USER_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
const ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";

export const iamUserNoAttachedPolicies = defineResourcePolicy({
  name: "aws-iam-user-no-attached-policies",
  description: "IAM users receive managed policies only through groups, never attached to the user.",
  category: "iam",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Attach the policy to a group (`aws.iam.GroupPolicyAttachment`) and add the user to the group (`aws.iam.UserGroupMembership`).",
    "Better still, give people roles through IAM Identity Center instead of IAM users.",
  ],
  frameworks: [cisAws("1.15"), awsFsbp("IAM.2")],
  types: [USER_ATTACHMENT, ATTACHMENT],
  check(r) {
    if (r.type === USER_ATTACHMENT) {
      return [
        {
          message:
            "the policy is attached to a user directly; attach it to a group with GroupPolicyAttachment and add the user to the group",
        },
      ];
    }
    const users = asStrings(r.props.users);
    if (users.length === 0) return [];
    return [
      {
        message: `users lists ${users.map((u) => JSON.stringify(u)).join(", ")}, so the policy is attached to users directly; list groups instead and add the users to them`,
      },
    ];
  },
});
