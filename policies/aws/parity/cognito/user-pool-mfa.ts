/**
 * Cognito user pools require a second factor at sign-in (`mfaConfiguration`
 * "ON"). "OPTIONAL" leaves it to each user, "OFF" (the default) to nobody.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asString } from "../../../lib/props";

export const cognitoUserPoolMfa = defineResourcePolicy({
  name: "aws-cognito-user-pool-mfa",
  description: "Cognito user pools require multi-factor authentication for every user.",
  category: "iam",
  severity: "high",
  defaultLevel: "advisory",
  // Security set: a password alone protects prod identities poorly; consumer pools
  // that cannot require MFA take an exemption with the compensating controls.
  securitySet: true,
  remediation: [
    'Set `mfaConfiguration: "ON"` with `softwareTokenMfaConfiguration: { enabled: true }` (or SMS/email MFA).',
    "A consumer-facing pool that cannot require MFA takes an exemption naming its compensating controls (threat protection, adaptive authentication); mandatory in prod.",
  ],
  frameworks: [nist80053("IA-2")],
  types: ["aws:cognito/userPool:UserPool"],
  check(r) {
    const mfa = asString(r.props.mfaConfiguration);
    if (mfa === "ON") return [];
    const now = mfa === undefined ? "mfaConfiguration is unset (OFF)" : `mfaConfiguration is ${quote(mfa)}`;
    return [{ message: `${now}, so users can sign in with a password alone; set mfaConfiguration to "ON"` }];
  },
});
