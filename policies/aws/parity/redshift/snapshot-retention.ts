/**
 * Redshift clusters keep automated snapshots: `automatedSnapshotRetentionPeriod`
 * 0 turns them off (AWS keeps 1 day when unset).
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { asNumber } from "../../../lib/props";

export const redshiftSnapshotRetention = defineResourcePolicy({
  name: "aws-redshift-snapshot-retention",
  description: "Redshift clusters keep automated snapshots (automatedSnapshotRetentionPeriod above 0).",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set, like aws-rds-backup-retention: recovery needs snapshots in prod.
  securitySet: true,
  remediation: [
    "Set `automatedSnapshotRetentionPeriod` to 7 or more (0 turns automated snapshots off).",
    "Mandatory in prod, like aws-rds-backup-retention.",
  ],
  frameworks: [awsFsbp("Redshift.3")],
  types: ["aws:redshift/cluster:Cluster"],
  check(r) {
    const days = asNumber(r.props.automatedSnapshotRetentionPeriod);
    if (days !== 0) return [];
    return [
      {
        message:
          "automatedSnapshotRetentionPeriod is 0, so no automated snapshot is kept; set it to 7 or more",
      },
    ];
  },
});
