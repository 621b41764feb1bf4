/**
 * Cognito user pools keep a strong password policy: when the program writes
 * a `passwordPolicy` block (without one AWS applies its own: 8 characters,
 * every character class), it asks for the configured minimum length and
 * lower case, upper case, digits and symbols. In a written block an omitted
 * switch is sent as false.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { asNumber, asRecord, isTrue } from "../../../lib/props";

const CLASSES = ["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"];

export const cognitoPasswordPolicy = defineResourcePolicy<{ minimumLength: number }>({
  name: "aws-cognito-password-policy",
  description: "Cognito user pool password policies require a minimum length and every character class.",
  category: "iam",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove the `passwordPolicy` block (AWS's default is strong), or set `minimumLength` to at least the configured minimum and `requireLowercase`, `requireUppercase`, `requireNumbers` and `requireSymbols` to true.",
  ],
  frameworks: [nist80053("IA-5")],
  types: ["aws:cognito/userPool:UserPool"],
  configSchema: {
    properties: {
      minimumLength: {
        type: "integer",
        minimum: 6,
        maximum: 99,
        default: 8,
        description: "Shortest password a pool may accept.",
      },
    },
  },
  check(r, ctx) {
    const policy = asRecord(r.props.passwordPolicy);
    if (!policy) return [];
    const weak: string[] = [];
    const length = asNumber(policy.minimumLength) ?? 8;
    if (length < ctx.config.minimumLength)
      weak.push(`minimumLength is ${length} (below ${ctx.config.minimumLength})`);
    for (const c of CLASSES) if (!isTrue(policy[c])) weak.push(`${c} is not true`);
    if (weak.length === 0) return [];
    return [
      {
        message: `passwordPolicy is weak: ${weak.join(", ")}; require ${ctx.config.minimumLength}+ characters and every character class, or remove the block`,
      },
    ];
  },
});
