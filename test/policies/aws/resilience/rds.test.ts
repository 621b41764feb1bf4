import { rdsBackupRetention } from "../../../../policies/aws/resilience/rds-backup-retention";
import { rdsDeletionProtection } from "../../../../policies/aws/resilience/rds-deletion-protection";
import { rdsInstanceMultiAz } from "../../../../policies/aws/resilience/rds-instance-multi-az";
import { describePolicyTable, unknown } from "../../harness";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const instance = {
  type: INSTANCE,
  props: {
    engine: "postgres",
    instanceClass: "db.m7g.large",
    allocatedStorage: 100,
    storageEncrypted: true,
    backupRetentionPeriod: 14,
    deletionProtection: true,
    multiAz: true,
  },
};
const cluster = (props: Record<string, unknown> = {}) => ({
  type: CLUSTER,
  props: {
    engine: "aurora-postgresql",
    storageEncrypted: true,
    backupRetentionPeriod: 7,
    deletionProtection: true,
    ...props,
  },
});

describePolicyTable(rdsBackupRetention, {
  base: instance,
  pass: [
    { name: "exactly the minimum", patch: { backupRetentionPeriod: 7 } },
    { name: "the maximum, as a string", patch: { backupRetentionPeriod: "35" } },
    {
      name: "a read replica is backed up through its source",
      patch: { backupRetentionPeriod: undefined, replicateSourceDb: "primary" },
    },
    { name: "an Aurora cluster keeping 7 days", fixture: cluster() },
    {
      name: "a lower minimum in config",
      patch: { backupRetentionPeriod: 3 },
      options: { config: { minimumRetentionDays: 3 } },
    },
  ],
  fail: [
    {
      name: "instance retention unset (backups off)",
      patch: { backupRetentionPeriod: undefined },
      expect:
        /backupRetentionPeriod is unset \(AWS default 0, no backups\); set backupRetentionPeriod to 7 or more/,
      count: 1,
    },
    {
      name: "retention 0",
      patch: { backupRetentionPeriod: 0 },
      expect: /is 0, which turns automated backups off/,
    },
    {
      name: "retention 1",
      patch: { backupRetentionPeriod: 1 },
      expect: /backupRetentionPeriod is 1, below 7 days/,
    },
    {
      name: "a stricter minimum in config",
      patch: { backupRetentionPeriod: 14 },
      options: { config: { minimumRetentionDays: 30 } },
      expect: /is 14, below 30 days; set backupRetentionPeriod to 30/,
    },
    {
      name: "cluster retention unset (1 day)",
      fixture: cluster({ backupRetentionPeriod: undefined }),
      expect: /unset \(AWS default 1 day\)/,
    },
    {
      name: "an empty replicateSourceDb is not a replica",
      patch: { backupRetentionPeriod: undefined, replicateSourceDb: "" },
      expect: /unset/,
    },
  ],
  unknown: [
    { name: "retention unknown", patch: { backupRetentionPeriod: unknown } },
    {
      name: "replica source unknown",
      patch: { backupRetentionPeriod: undefined, replicateSourceDb: unknown },
    },
  ],
});

describePolicyTable(rdsDeletionProtection, {
  base: instance,
  pass: [
    { name: 'string "true"', patch: { deletionProtection: "true" } },
    { name: "a protected cluster", fixture: cluster() },
  ],
  fail: [
    {
      name: "unset",
      patch: { deletionProtection: undefined },
      expect: /deletionProtection is unset \(off by default\), so the instance can be deleted/,
      count: 1,
    },
    { name: "false", patch: { deletionProtection: false }, expect: /deletionProtection is false/ },
    {
      name: "an unprotected cluster",
      fixture: cluster({ deletionProtection: undefined }),
      expect: /so the cluster can be deleted/,
    },
    {
      name: "a read replica too",
      patch: { deletionProtection: undefined, replicateSourceDb: "primary" },
      expect: /deletionProtection is unset/,
    },
  ],
  unknown: [{ name: "deletionProtection unknown", patch: { deletionProtection: unknown } }],
});

describePolicyTable(rdsInstanceMultiAz, {
  base: instance,
  pass: [
    { name: 'string "true"', patch: { multiAz: "true" } },
    {
      name: "a read replica follows its source",
      patch: { multiAz: undefined, replicateSourceDb: "primary" },
    },
  ],
  fail: [
    {
      name: "unset (single-AZ)",
      patch: { multiAz: undefined },
      expect:
        /multiAz is unset \(single-AZ by default\), so an AZ failure takes the database down; set multiAz: true/,
      count: 1,
    },
    { name: "false", patch: { multiAz: false }, expect: /multiAz is false/ },
    {
      name: "pinned to one zone",
      patch: { multiAz: undefined, availabilityZone: "us-east-1a" },
      expect: /multiAz is unset/,
    },
  ],
  unknown: [{ name: "multiAz unknown", patch: { multiAz: unknown } }],
});
