/**
 * Security groups and their rules carry a description: the justification a
 * reviewer reads. The provider's default group description ("Managed by
 * Pulumi") does not count.
 */
import { defineResourcePolicy } from "../lib/define";
import { nist80053 } from "../lib/frameworks";
import { asString } from "../lib/props";
import { RULE_TYPES, SECURITY_GROUP, sgRules } from "../lib/sg-rules";
import type { Finding } from "../lib/types";

/** The description the AWS provider fills in when none is given. */
export const PROVIDER_DEFAULT_DESCRIPTION = "Managed by Pulumi";

function blank(v: string | undefined): boolean {
  return v === undefined || v.trim() === "";
}

export const sgDescriptionRequired = defineResourcePolicy({
  name: "aws-sg-description-required",
  description: "Security groups and security group rules carry a description that justifies them.",
  category: "network",
  severity: "low",
  defaultLevel: "advisory",
  remediation: [
    "Set `description` on the security group to what it protects.",
    "Set `description` on every rule to why the flow is needed (the ticket or the calling service).",
  ],
  frameworks: [nist80053("CM-7")],
  types: RULE_TYPES,
  check(r) {
    const findings: Finding[] = [];
    if (r.type === SECURITY_GROUP) {
      const d = asString(r.props.description);
      if (blank(d) || d === PROVIDER_DEFAULT_DESCRIPTION) {
        findings.push({ message: "the security group has no description; say what it protects" });
      }
    }
    for (const rule of sgRules(r.type, r.props)) {
      if (rule.unknown === undefined && blank(rule.description)) {
        findings.push({
          message: `${rule.where === "rule" ? "the rule" : rule.where} has no description; say why the flow is needed`,
        });
      }
    }
    return findings;
  },
});
