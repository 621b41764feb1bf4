/**
 * The account password policy, when a stack manages it, is at CIS strength:
 * a minimum length, every character class, and no reuse of recent
 * passwords. Each unset field is the AWS default (length 8, no classes, reuse
 * allowed), so unset is a finding.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { asNumber, isTrue } from "../../lib/props";
import type { Finding } from "../../lib/types";

export const IAM_ACCOUNT_PASSWORD_POLICY = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";

const CHARACTER_CLASSES = [
  "requireLowercaseCharacters",
  "requireUppercaseCharacters",
  "requireNumbers",
  "requireSymbols",
] as const;

interface PasswordPolicyConfig {
  minimumPasswordLength: number;
  passwordReusePrevention: number;
}

export const iamPasswordPolicy = defineResourcePolicy<PasswordPolicyConfig>({
  name: "aws-iam-password-policy",
  description:
    "The IAM account password policy requires long passwords with every character class and prevents reuse.",
  category: "iam",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `minimumPasswordLength` to at least the configured minimum (14).",
    "Set `requireLowercaseCharacters`, `requireUppercaseCharacters`, `requireNumbers` and `requireSymbols` to true.",
    "Set `passwordReusePrevention` to at least the configured minimum (24).",
  ],
  frameworks: [cisAws("1.8"), cisAws("1.9"), awsFsbp("IAM.7"), awsFsbp("IAM.15"), awsFsbp("IAM.16")],
  types: [IAM_ACCOUNT_PASSWORD_POLICY],
  configSchema: {
    properties: {
      minimumPasswordLength: {
        type: "integer",
        minimum: 6,
        maximum: 128,
        default: 14,
        description: "The shortest `minimumPasswordLength` allowed.",
      },
      passwordReusePrevention: {
        type: "integer",
        minimum: 1,
        maximum: 24,
        default: 24,
        description: "The fewest previous passwords `passwordReusePrevention` must remember.",
      },
    },
  },
  check(r, ctx) {
    const findings: Finding[] = [];
    const atLeast = (field: keyof PasswordPolicyConfig, min: number, unsetMeans: string) => {
      const raw = r.props[field];
      const n = asNumber(raw);
      if (n !== undefined && n >= min) return;
      findings.push({
        message:
          raw === undefined
            ? `${field} is unset (${unsetMeans}); set it to ${min} or more`
            : `${field} is ${JSON.stringify(raw)}, below ${min}; set it to ${min} or more`,
      });
    };
    atLeast("minimumPasswordLength", ctx.config.minimumPasswordLength, "AWS default 8");
    for (const field of CHARACTER_CLASSES) {
      const v = r.props[field];
      if (isTrue(v)) continue;
      findings.push({
        message: `${field} is ${v === undefined ? "unset (not required)" : JSON.stringify(v)}; set ${field}: true`,
      });
    }
    atLeast("passwordReusePrevention", ctx.config.passwordReusePrevention, "reuse allowed");
    return findings;
  },
});
