import { neptuneClusterEncrypted } from "../../../../policies/aws/encryption/neptune-cluster-encrypted";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(neptuneClusterEncrypted, {
  base: { type: "aws:neptune/cluster:Cluster", props: { engine: "neptune", storageEncrypted: true } },
  pass: [
    { name: 'storageEncrypted "true"', patch: { storageEncrypted: "true" } },
    { name: "with a customer key", patch: { kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/k" } },
  ],
  fail: [
    {
      name: "storageEncrypted unset (the provider's default is false)",
      patch: { storageEncrypted: undefined },
      expect: /storageEncrypted is unset/,
      count: 1,
    },
    {
      name: "storageEncrypted false",
      patch: { storageEncrypted: false },
      expect: /storageEncrypted is false/,
    },
    { name: 'storageEncrypted "false"', patch: { storageEncrypted: "false" }, expect: /"false"/ },
  ],
  unknown: [{ name: "storageEncrypted unknown", patch: { storageEncrypted: unknown } }],
});
