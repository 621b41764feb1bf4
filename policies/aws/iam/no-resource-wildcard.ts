/**
 * No Allow on `Resource: "*"` (or NotResource, or iam:PassRole on any role),
 * except for actions that have no resource-level permissions: the same list
 * LeastPrivilegeRole uses (`components/aws/iam/no-resource-actions.ts`),
 * extended by the `noResourceLevelActions` config.
 */
import { nist80053 } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import { type IamRule, PERMISSION_POLICY_TYPES, ROLE_TYPE, iamFindings } from "./documents";

export const iamNoResourceWildcard = defineResourcePolicy<{ noResourceLevelActions: string[] }>({
  name: "aws-iam-no-resource-wildcard",
  description:
    'IAM policies allow actions on Resource "*" only when the action has no resource-level permissions.',
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the ARNs each action needs (arn:aws:s3:::my-bucket/*, not *).",
    'Resource "*" stays only for actions without resource-level permissions (ec2:Describe*, sts:GetCallerIdentity, ...).',
    "Give iam:PassRole the role ARNs it may pass, with an iam:PassedToService condition.",
  ],
  frameworks: [nist80053("AC-6")],
  configSchema: {
    properties: {
      noResourceLevelActions: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: 'More actions (globs) to accept on Resource "*", beyond the built-in list.',
      },
    },
  },
  types: [...PERMISSION_POLICY_TYPES, ROLE_TYPE],
  check: (resource, ctx) => iamFindings(resource, ruleFor(ctx.config.noResourceLevelActions ?? NONE)),
});

const NONE: readonly string[] = [];
/** One rule per configured list (the config object, and so the list, is the same for every resource). */
const rules = new WeakMap<readonly string[], IamRule>();
function ruleFor(noResourceLevelActions: readonly string[]): IamRule {
  let rule = rules.get(noResourceLevelActions);
  if (!rule) {
    rule = {
      kinds: ["permissions"],
      codes: ["PAVED_IAM_RESOURCE_WILDCARD", "PAVED_IAM_ALLOW_NOT_RESOURCE", "PAVED_IAM_PASSROLE_WILDCARD"],
      options: { noResourceLevelActions: [...noResourceLevelActions] },
      fields: ["Effect", "Action", "Resource", "NotResource"],
    };
    rules.set(noResourceLevelActions, rule);
  }
  return rule;
}
