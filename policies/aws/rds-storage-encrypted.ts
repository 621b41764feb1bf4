/**
 * RDS instances and clusters (Aurora and Multi-AZ DB clusters) and Aurora
 * global databases encrypt their storage. Unset is unencrypted (the
 * provider's default), except for an Aurora `engineMode: "serverless"`
 * cluster (always encrypted). A read replica (`replicateSourceDb`) inherits
 * its source's encryption, which is checked on the source, and so does a
 * global database created from a cluster (`sourceDbClusterIdentifier`).
 */
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp, cisAws } from "../lib/frameworks";
import { asString, isTrue } from "../lib/props";

export const RDS_DB_INSTANCE = "aws:rds/instance:Instance";
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
export const RDS_GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";

export const rdsStorageEncrypted = defineResourcePolicy({
  name: "aws-rds-storage-encrypted",
  description:
    "RDS instances, Aurora and Multi-AZ clusters and global databases encrypt their storage at rest.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `storageEncrypted: true` on the instance, cluster or global cluster (and `kmsKeyId` for a customer managed key).",
    "An existing unencrypted database cannot be encrypted in place: restore an encrypted copy of a snapshot.",
  ],
  frameworks: [cisAws("2.3.1"), awsFsbp("RDS.3"), awsFsbp("RDS.27")],
  types: [RDS_DB_INSTANCE, RDS_CLUSTER, RDS_GLOBAL_CLUSTER],
  check(r) {
    if (r.type === RDS_DB_INSTANCE && asString(r.props.replicateSourceDb)) return [];
    if (isTrue(r.props.storageEncrypted)) return [];
    if (r.props.storageEncrypted === undefined) {
      // Aurora Serverless v1 clusters are always encrypted.
      if (r.type === RDS_CLUSTER && asString(r.props.engineMode)?.toLowerCase() === "serverless") return [];
      if (r.type === RDS_GLOBAL_CLUSTER && asString(r.props.sourceDbClusterIdentifier)) return [];
    }
    return [
      {
        message:
          r.props.storageEncrypted === undefined
            ? "storageEncrypted is unset, so storage is not encrypted; set storageEncrypted: true"
            : "storageEncrypted is false; set it to true",
      },
    ];
  },
});
