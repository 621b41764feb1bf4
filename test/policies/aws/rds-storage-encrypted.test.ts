import { rdsStorageEncrypted } from "../../../policies/aws/rds-storage-encrypted";
import { describePolicyTable, unknown } from "../harness";

describePolicyTable(rdsStorageEncrypted, {
  base: {
    type: "aws:rds/instance:Instance",
    props: {
      engine: "postgres",
      instanceClass: "db.t4g.micro",
      allocatedStorage: 20,
      storageEncrypted: true,
    },
  },
  pass: [
    { name: "with a customer managed key", patch: { kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" } },
    {
      name: "a read replica inherits its source's encryption",
      patch: { storageEncrypted: undefined, replicateSourceDb: "primary" },
    },
    {
      name: "an encrypted Aurora cluster",
      fixture: {
        type: "aws:rds/cluster:Cluster",
        props: { engine: "aurora-postgresql", storageEncrypted: true },
      },
    },
  ],
  fail: [
    {
      name: "storageEncrypted unset counts as unencrypted",
      patch: { storageEncrypted: undefined },
      expect: /storageEncrypted is unset/,
      count: 1,
    },
    {
      name: "storageEncrypted false",
      patch: { storageEncrypted: false },
      expect: /storageEncrypted is false/,
    },
    {
      name: "an unencrypted Aurora cluster",
      fixture: { type: "aws:rds/cluster:Cluster", props: { engine: "aurora-postgresql" } },
      expect: /storageEncrypted is unset/,
    },
  ],
  unknown: [{ name: "storageEncrypted unknown", patch: { storageEncrypted: unknown } }],
});
