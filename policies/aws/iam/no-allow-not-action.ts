/** No Allow statement with NotAction: it grants every other action, including ones AWS adds later. */
import { nist80053 } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import { PERMISSION_POLICY_TYPES, ROLE_TYPE, type IamRule, iamFindings } from "./documents";

/** What this policy asks of the shared IAM lint (one object, not one per resource). */
const NOT_ACTION_RULE: IamRule = {
  kinds: ["permissions"],
  codes: ["PAVED_IAM_ALLOW_NOT_ACTION"],
  fields: ["Effect", "NotAction"],
};

export const iamNoAllowNotAction = defineResourcePolicy({
  name: "aws-iam-no-allow-not-action",
  description: "IAM policies use NotAction only with Deny, never with Allow.",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "List the allowed actions in `Action`.",
    "Keep `NotAction` for Deny guardrails (deny everything except ...).",
  ],
  frameworks: [nist80053("AC-6")],
  types: [...PERMISSION_POLICY_TYPES, ROLE_TYPE],
  check: (resource) => iamFindings(resource, NOT_ACTION_RULE),
});
