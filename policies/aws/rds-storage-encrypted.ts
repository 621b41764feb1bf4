/**
 * RDS instances and clusters encrypt their storage. Unset is unencrypted
 * (the provider's default). A read replica (`replicateSourceDb`) inherits its
 * source's encryption, which is checked on the source.
 */
import { defineResourcePolicy } from "../lib/define";
import { awsFsbp, cisAws } from "../lib/frameworks";
import { asString, isTrue } from "../lib/props";

export const RDS_DB_INSTANCE = "aws:rds/instance:Instance";
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";

export const rdsStorageEncrypted = defineResourcePolicy({
  name: "aws-rds-storage-encrypted",
  description: "RDS instances and clusters encrypt their storage at rest.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `storageEncrypted: true` (and `kmsKeyId` for a customer managed key).",
    "An existing unencrypted database cannot be encrypted in place: restore an encrypted copy of a snapshot.",
  ],
  frameworks: [cisAws("2.3.1"), awsFsbp("RDS.3")],
  types: [RDS_DB_INSTANCE, RDS_CLUSTER],
  check(r) {
    if (r.type === RDS_DB_INSTANCE && asString(r.props.replicateSourceDb)) return [];
    if (isTrue(r.props.storageEncrypted)) return [];
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
