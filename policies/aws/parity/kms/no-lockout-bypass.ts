/**
 * KMS keys and key policies keep the policy lockout safety check: with
 * `bypassPolicyLockoutSafetyCheck` true, KMS accepts a key policy that locks
 * every principal (the account included) out of managing the key, which
 * AWS support cannot undo.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { quote } from "../../../lib/parity";
import { isTrue } from "../../../lib/props";

export const kmsNoLockoutBypass = defineResourcePolicy({
  name: "aws-kms-no-lockout-bypass",
  description: "KMS keys and key policies do not bypass the key policy lockout safety check.",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove `bypassPolicyLockoutSafetyCheck` (or set it to false) on the key or key policy.",
    "Keep a statement in the key policy that lets the account's administrators manage the key.",
  ],
  frameworks: [],
  types: ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
  check(r) {
    const v = r.props.bypassPolicyLockoutSafetyCheck;
    if (!isTrue(v)) return [];
    return [
      {
        message: `bypassPolicyLockoutSafetyCheck is ${quote(v)}, so a key policy that locks everyone out of the key is accepted; remove it`,
      },
    ];
  },
});
