/**
 * EFS file systems are regional (stored across availability zones), not One
 * Zone (`availabilityZoneName` set), whose data is lost with its zone.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { isUnset, quote } from "../../../lib/parity";

export const efsRegional = defineResourcePolicy({
  name: "aws-efs-regional",
  description: "EFS file systems use regional (multi-AZ) storage, not One Zone.",
  category: "storage",
  severity: "low",
  defaultLevel: "advisory",
  // Availability hygiene: One Zone is a legitimate cost choice for scratch or
  // reproducible data, so it stays advisory in every stage.
  securitySet: false,
  remediation: [
    "Remove `availabilityZoneName` so the file system stores data redundantly across zones.",
    "Keep One Zone only for scratch or reproducible data (and back it up); advisory in every stage.",
  ],
  frameworks: [],
  types: ["aws:efs/fileSystem:FileSystem"],
  check(r) {
    const az = r.props.availabilityZoneName;
    if (isUnset(az)) return [];
    return [
      {
        message: `availabilityZoneName is ${quote(az)}, so the file system lives in one zone and is lost with it; remove availabilityZoneName for regional storage`,
      },
    ];
  },
});
