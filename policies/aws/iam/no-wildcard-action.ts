/** No wildcard actions (`*`, `*:*`, `service:*`, `*:Get*`), wherever they hide in an Action list. */
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import { PERMISSION_POLICY_TYPES, ROLE_TYPE, type IamRule, iamFindings } from "./documents";

/** What this policy asks of the shared IAM lint (one object, not one per resource). */
const WILDCARD_ACTION_RULE: IamRule = {
  kinds: ["permissions", "trust"],
  codes: ["PAVED_IAM_ADMIN", "PAVED_IAM_WILDCARD_ACTION", "PAVED_IAM_TRUST_WILDCARD_ACTION"],
};

export const iamNoWildcardAction = defineResourcePolicy({
  name: "aws-iam-no-wildcard-action",
  description: "IAM policies allow no wildcard action (*, service:*), including administrator access.",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Replace each wildcard action with the specific actions the workload calls (s3:GetObject, not s3:*).",
    "Use Paved's `LeastPrivilegeRole`, which accepts a service-wide wildcard only with a written justification.",
    "IAM Access Analyzer's policy generation lists the actions a role actually used.",
  ],
  frameworks: [cisAws("1.16"), awsFsbp("IAM.1"), awsFsbp("IAM.21")],
  types: [...PERMISSION_POLICY_TYPES, ROLE_TYPE],
  check: (resource) => iamFindings(resource, WILDCARD_ACTION_RULE),
});
