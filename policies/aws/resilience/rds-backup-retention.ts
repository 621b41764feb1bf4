/**
 * RDS instances and clusters keep automated backups for at least the
 * configured number of days (7 by default). Unset is the provider's default
 * (0 for an instance, which turns backups off; 1 for a cluster), below any
 * sensible minimum. A read replica (`replicateSourceDb`) is recovered from
 * its source, whose backups are checked there.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asNumber, asString } from "../../lib/props";
import { RDS_CLUSTER, RDS_DB_INSTANCE } from "./types";

export const rdsBackupRetention = defineResourcePolicy<{ minimumRetentionDays: number }>({
  name: "aws-rds-backup-retention",
  description:
    "RDS instances and clusters keep automated backups for at least the configured number of days.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: true,
  remediation: [
    "Set `backupRetentionPeriod` to the configured minimum (7 days by default) or more, up to 35.",
  ],
  frameworks: [awsFsbp("RDS.11")],
  types: [RDS_DB_INSTANCE, RDS_CLUSTER],
  configSchema: {
    properties: {
      minimumRetentionDays: {
        type: "integer",
        minimum: 1,
        maximum: 35,
        default: 7,
        description: "The fewest days of automated backups accepted.",
      },
    },
  },
  check(r, ctx) {
    const instance = r.type === RDS_DB_INSTANCE;
    if (instance && (asString(r.props.replicateSourceDb) ?? "") !== "") return [];
    const min = ctx.config.minimumRetentionDays;
    const raw = r.props.backupRetentionPeriod;
    const days = asNumber(raw);
    if (days !== undefined && days >= min) return [];
    const what =
      raw === undefined
        ? `backupRetentionPeriod is unset (AWS default ${instance ? "0, no backups" : "1 day"})`
        : days === 0
          ? "backupRetentionPeriod is 0, which turns automated backups off"
          : `backupRetentionPeriod is ${JSON.stringify(raw)}, below ${min} days`;
    return [{ message: `${what}; set backupRetentionPeriod to ${min} or more` }];
  },
});
