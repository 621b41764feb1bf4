/** Resilience in prod: backups, point-in-time recovery, deletion protection, multi-AZ. The pack lists these in docs order. */
import type { PolicyDefinition } from "../../lib/define";
import { dynamodbPointInTimeRecovery } from "./dynamodb-point-in-time-recovery";
import { rdsBackupRetention } from "./rds-backup-retention";
import { rdsClusterMultiAz } from "./rds-cluster-multi-az";
import { rdsDeletionProtection } from "./rds-deletion-protection";
import { rdsInstanceMultiAz } from "./rds-instance-multi-az";

export const resiliencePolicies: readonly PolicyDefinition[] = [
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsInstanceMultiAz,
  rdsClusterMultiAz,
  dynamodbPointInTimeRecovery,
];
