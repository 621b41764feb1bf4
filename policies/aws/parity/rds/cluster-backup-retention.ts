/**
 * DocumentDB and Neptune clusters keep automated backups for at least the
 * configured number of days (`backupRetentionPeriod`, default 1 in AWS).
 * RDS and Aurora: aws-rds-backup-retention.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { asNumber } from "../../../lib/props";

export const dbClusterBackupRetention = defineResourcePolicy<{ minimumDays: number }>({
  name: "aws-db-cluster-backup-retention",
  description:
    "DocumentDB and Neptune clusters keep automated backups for at least the configured number of days.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set, like aws-rds-backup-retention: recovery from ransomware or a bad write needs backups in prod.
  securitySet: true,
  remediation: [
    "Set `backupRetentionPeriod` to at least the configured minimum (7 days by default; AWS keeps 1 when unset).",
    "Mandatory in prod, like aws-rds-backup-retention: recovering from a destructive change needs backups.",
  ],
  frameworks: [awsFsbp("DocumentDB.2"), nist80053("CP-9")],
  types: ["aws:docdb/cluster:Cluster", "aws:neptune/cluster:Cluster"],
  configSchema: {
    properties: {
      minimumDays: {
        type: "integer",
        minimum: 1,
        maximum: 35,
        default: 7,
        description: "Shortest automated backup retention (days).",
      },
    },
  },
  check(r, ctx) {
    const days = asNumber(r.props.backupRetentionPeriod) ?? 1;
    if (days >= ctx.config.minimumDays) return [];
    const now =
      r.props.backupRetentionPeriod === undefined
        ? "backupRetentionPeriod is unset (1 day)"
        : `backupRetentionPeriod is ${days}`;
    return [
      {
        message: `${now}, below the ${ctx.config.minimumDays} days required; set backupRetentionPeriod to ${ctx.config.minimumDays} or more`,
      },
    ];
  },
});
