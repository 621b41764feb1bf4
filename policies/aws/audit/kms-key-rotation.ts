/**
 * Symmetric encryption KMS keys rotate their key material. Only keys whose
 * material KMS generates can rotate automatically: asymmetric, HMAC and
 * key-agreement keys, and keys in a custom (CloudHSM or external) key store,
 * pass. A replica key (`aws:kms/replicaKey:ReplicaKey`) follows its primary's
 * rotation, which is checked on the primary; imported key material
 * (`aws:kms/externalKey:ExternalKey`) cannot rotate automatically.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { asNumber, asString, isTrue } from "../../lib/props";

export const KMS_KEY = "aws:kms/key:Key";

/** Why a key cannot rotate automatically, or undefined when it can. */
function cannotRotate(props: Record<string, unknown>): string | undefined {
  const spec = asString(props.customerMasterKeySpec) ?? "SYMMETRIC_DEFAULT";
  if (spec !== "SYMMETRIC_DEFAULT") return `key spec ${spec}`;
  const usage = asString(props.keyUsage) ?? "ENCRYPT_DECRYPT";
  if (usage !== "ENCRYPT_DECRYPT") return `key usage ${usage}`;
  if ((asString(props.customKeyStoreId) ?? "") !== "") return "custom key store";
  if ((asString(props.xksKeyId) ?? "") !== "") return "external key store";
  return undefined;
}

export const kmsKeyRotation = defineResourcePolicy<{ maxRotationPeriodInDays: number }>({
  name: "aws-kms-key-rotation",
  description: "Symmetric encryption KMS keys have automatic key rotation enabled.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `enableKeyRotation: true` on the key.",
    "Leave `rotationPeriodInDays` unset (365 days) or set it no higher than the configured maximum.",
  ],
  frameworks: [cisAws("3.6"), awsFsbp("KMS.4")],
  types: [KMS_KEY],
  configSchema: {
    properties: {
      maxRotationPeriodInDays: {
        type: "integer",
        minimum: 90,
        maximum: 2560,
        default: 365,
        description: "The longest rotation period (`rotationPeriodInDays`) allowed.",
      },
    },
  },
  check(r, ctx) {
    if (cannotRotate(r.props) !== undefined) return [];
    const enabled = r.props.enableKeyRotation;
    if (!isTrue(enabled)) {
      return [
        {
          message:
            enabled === undefined
              ? "enableKeyRotation is unset (off by default) on a symmetric encryption key; set enableKeyRotation: true"
              : `enableKeyRotation is ${JSON.stringify(enabled)} on a symmetric encryption key; set it to true`,
        },
      ];
    }
    const period = asNumber(r.props.rotationPeriodInDays);
    const max = ctx.config.maxRotationPeriodInDays;
    if (period !== undefined && period > max) {
      return [
        {
          message: `rotationPeriodInDays is ${period}, longer than the ${max} days allowed; set it to ${max} or less`,
        },
      ];
    }
    return [];
  },
});
