/**
 * EBS volumes are encrypted at rest. `encrypted` unset means unencrypted
 * (unless the account's default encryption is on, which a stack cannot see,
 * so the volume must say so itself).
 */
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp, cisAws } from "../lib/frameworks";
import { isTrue } from "../lib/props";

export const ebsVolumeEncrypted = defineResourcePolicy({
  name: "aws-ebs-volume-encrypted",
  description: "EBS volumes are encrypted at rest.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `encrypted: true` on the volume (and `kmsKeyId` to use a customer managed key).",
    "Or create it with Paved's `SanVolume`, which encrypts by default.",
    "An existing unencrypted volume cannot be encrypted in place: snapshot it, copy the snapshot encrypted, restore.",
  ],
  frameworks: [cisAws("2.2.1"), awsFsbp("EC2.3")],
  types: ["aws:ebs/volume:Volume"],
  check(volume) {
    const encrypted = volume.props.encrypted;
    if (isTrue(encrypted)) return [];
    return [
      {
        message:
          encrypted === undefined
            ? "`encrypted` is unset, so the volume is not encrypted; set `encrypted: true`"
            : "`encrypted` is false; set `encrypted: true`",
      },
    ];
  },
});
