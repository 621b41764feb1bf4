/**
 * No AWS managed administrator or full-access policy (AdministratorAccess,
 * PowerUserAccess, IAMFullAccess, any *FullAccess) is attached: through a
 * policy attachment resource, `managedPolicyArns` on a Role, or the exclusive
 * attachment resources' `policyArns`.
 */
import { isAdminManagedPolicyArn } from "../../../components/aws/iam/lint";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import { asList } from "../../lib/props";
import { rawProps } from "../../lib/sdk";
import type { Finding } from "../../lib/types";

/** The type tokens that attach managed policies, and the input holding the ARN(s). */
export const ATTACHMENT_INPUTS: Readonly<Record<string, string>> = {
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "policyArn",
  "aws:iam/userPolicyAttachment:UserPolicyAttachment": "policyArn",
  "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": "policyArn",
  "aws:iam/policyAttachment:PolicyAttachment": "policyArn",
  "aws:iam/role:Role": "managedPolicyArns",
  "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive": "policyArns",
  "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive": "policyArns",
  "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive": "policyArns",
};

export const iamNoAdminManagedPolicy = defineResourcePolicy({
  name: "aws-iam-no-admin-managed-policy",
  description: "No AWS managed administrator or full-access policy is attached to a role, user or group.",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Detach AdministratorAccess / PowerUserAccess / IAMFullAccess / *FullAccess.",
    "Grant the specific actions on specific ARNs instead (Paved's `LeastPrivilegeRole`).",
    "Break-glass admin access belongs to the identity provider's permission sets, not to stack resources.",
  ],
  frameworks: [cisAws("1.16"), awsFsbp("IAM.1")],
  types: Object.keys(ATTACHMENT_INPUTS),
  check(resource): Finding[] {
    const input = ATTACHMENT_INPUTS[resource.type];
    // Raw inputs: an ARN unknown at preview is the output of a policy created in this stack, so it is
    // customer managed (never arn:aws:iam::aws:policy/...) and its document is checked by the other
    // IAM policies; it is skipped without hiding a known admin ARN next to it.
    const arns = asList(rawProps(resource.props)[input]);
    return arns
      .filter((arn): arn is string => typeof arn === "string" && isAdminManagedPolicyArn(arn))
      .map((arn) => ({
        message: `${input} attaches the AWS managed policy ${arn}, which grants administrator or full access; attach a least-privilege policy instead`,
      }));
  },
});
