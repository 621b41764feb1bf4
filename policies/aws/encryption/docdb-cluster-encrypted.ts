/** DocumentDB clusters encrypt their storage at rest. Unset is unencrypted (the provider's default). */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { requireTrue } from "./settings";

export const DOCDB_CLUSTER = "aws:docdb/cluster:Cluster";

export const docdbClusterEncrypted = defineResourcePolicy({
  name: "aws-docdb-cluster-encrypted",
  description: "DocumentDB clusters encrypt their storage at rest.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `storageEncrypted: true` on the cluster (and `kmsKeyId` for a customer managed key).",
    "An existing unencrypted cluster cannot be encrypted in place: restore a snapshot into an encrypted cluster.",
  ],
  frameworks: [awsFsbp("DocumentDB.1")],
  types: [DOCDB_CLUSTER],
  check: (r) =>
    requireTrue({
      field: "storageEncrypted",
      value: r.props.storageEncrypted,
      unset: "insecure",
      consequence: "the cluster's storage is not encrypted",
      fix: "set storageEncrypted: true",
    }),
});
