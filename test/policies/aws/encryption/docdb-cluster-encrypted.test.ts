import { docdbClusterEncrypted } from "../../../../policies/aws/encryption/docdb-cluster-encrypted";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(docdbClusterEncrypted, {
  base: {
    type: "aws:docdb/cluster:Cluster",
    props: { engine: "docdb", masterUsername: "admin", storageEncrypted: true },
  },
  pass: [
    { name: 'storageEncrypted "true"', patch: { storageEncrypted: "true" } },
    { name: "with a customer key", patch: { kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k" } },
  ],
  fail: [
    {
      name: "storageEncrypted unset",
      patch: { storageEncrypted: undefined },
      expect: /storageEncrypted is unset, so the cluster's storage is not encrypted/,
      count: 1,
    },
    {
      name: "storageEncrypted false",
      patch: { storageEncrypted: false },
      expect: /storageEncrypted is false/,
    },
  ],
  unknown: [{ name: "storageEncrypted unknown", patch: { storageEncrypted: unknown } }],
});
