/**
 * Users get permissions through groups (or, better, roles), never through
 * inline user policies: aws.iam.UserPolicy, or an aws.iam.UserPoliciesExclusive
 * that keeps inline policy names on a user.
 */
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import type { Finding } from "../../lib/types";

export const USER_POLICY_TYPE = "aws:iam/userPolicy:UserPolicy";
export const USER_POLICIES_EXCLUSIVE_TYPE = "aws:iam/userPoliciesExclusive:UserPoliciesExclusive";

export const iamNoInlineUserPolicy = defineResourcePolicy({
  name: "aws-iam-no-inline-user-policy",
  description: "IAM users have no inline policies.",
  category: "iam",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Move the permissions to a managed policy attached to a group, and add the user to the group.",
    "Prefer roles assumed through the identity provider over long-lived IAM users.",
  ],
  frameworks: [cisAws("1.15"), awsFsbp("IAM.2")],
  types: [USER_POLICY_TYPE, USER_POLICIES_EXCLUSIVE_TYPE],
  check(resource): Finding[] {
    if (resource.type === USER_POLICY_TYPE) {
      return [
        {
          message:
            "an inline user policy (aws.iam.UserPolicy) grants permissions to one user; use a group policy",
        },
      ];
    }
    const names = resource.props.policyNames;
    const count = Array.isArray(names) ? names.length : 0;
    return count > 0
      ? [
          {
            message: `policyNames keeps ${count} inline polic${count === 1 ? "y" : "ies"} on the user; set it to [] and use a group policy`,
          },
        ]
      : [];
  },
});
