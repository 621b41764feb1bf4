/** No role trusts Principal "*" (or NotPrincipal) unless a condition pins the caller's account or organization. */
import { nist80053 } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import { ROLE_TYPE, type IamRule, iamFindings } from "./documents";

/** What this policy asks of the shared IAM lint (one object, not one per resource). */
const PUBLIC_TRUST_RULE: IamRule = {
  kinds: ["trust"],
  codes: ["PAVED_IAM_TRUST_PUBLIC", "PAVED_IAM_TRUST_PUBLIC_WEAK_CONDITION", "PAVED_IAM_TRUST_NOT_PRINCIPAL"],
};

export const iamNoPublicTrust = defineResourcePolicy({
  name: "aws-iam-no-public-trust",
  description: 'IAM roles do not trust Principal "*" (anyone with an AWS account).',
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the trusted account, role or service in `Principal`.",
    'If "*" is unavoidable, pin it with an aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceAccount condition.',
    "Replace Allow + NotPrincipal with the principals you trust.",
  ],
  frameworks: [nist80053("AC-3")],
  types: [ROLE_TYPE],
  check: (resource) => iamFindings(resource, PUBLIC_TRUST_RULE),
});
