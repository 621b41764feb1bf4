/**
 * Cognito user pools run threat protection (compromised-credential checks and
 * adaptive authentication): the Plus feature plan (`userPoolTier` "PLUS")
 * with `userPoolAddOns.advancedSecurityMode` "ENFORCED" (or "AUDIT" to
 * observe first).
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asRecord, asString } from "../../../lib/props";

export const cognitoThreatProtection = defineResourcePolicy({
  name: "aws-cognito-threat-protection",
  description:
    "Cognito user pools enable threat protection (Plus plan, advanced security ENFORCED or AUDIT).",
  category: "iam",
  severity: "low",
  defaultLevel: "advisory",
  // Hygiene: it is a paid tier; MFA (aws-cognito-user-pool-mfa) is the control prod requires.
  securitySet: false,
  remediation: [
    'Set `userPoolTier: "PLUS"` and `userPoolAddOns: { advancedSecurityMode: "ENFORCED" }` ("AUDIT" to observe first).',
    "Advisory in every stage: threat protection is a paid tier; MFA is what prod requires.",
  ],
  frameworks: [nist80053("SI-4")],
  types: ["aws:cognito/userPool:UserPool"],
  check(r) {
    const mode = asString(asRecord(r.props.userPoolAddOns)?.advancedSecurityMode);
    if (mode === "ENFORCED" || mode === "AUDIT") return [];
    const now =
      mode === undefined
        ? "userPoolAddOns.advancedSecurityMode is unset (OFF)"
        : `userPoolAddOns.advancedSecurityMode is ${quote(mode)}`;
    return [
      {
        message: `${now}, so compromised credentials and risky sign-ins go unnoticed; set userPoolTier "PLUS" and advancedSecurityMode "ENFORCED"`,
      },
    ];
  },
});
