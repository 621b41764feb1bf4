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
    {
      name: "an Aurora Serverless v1 cluster is always encrypted",
      fixture: {
        type: "aws:rds/cluster:Cluster",
        props: { engine: "aurora-mysql", engineMode: "serverless" },
      },
    },
    {
      name: "an encrypted Multi-AZ DB cluster",
      fixture: {
        type: "aws:rds/cluster:Cluster",
        props: { engine: "postgres", dbClusterInstanceClass: "db.r6gd.large", storageEncrypted: "true" },
      },
    },
    {
      name: "an encrypted global database",
      fixture: {
        type: "aws:rds/globalCluster:GlobalCluster",
        props: { globalClusterIdentifier: "g", engine: "aurora-postgresql", storageEncrypted: true },
      },
    },
    {
      name: "a global database made from a cluster inherits its encryption",
      fixture: {
        type: "aws:rds/globalCluster:GlobalCluster",
        props: {
          globalClusterIdentifier: "g",
          sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:1:cluster:c",
        },
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
    {
      name: "an Aurora provisioned cluster with storageEncrypted false",
      fixture: {
        type: "aws:rds/cluster:Cluster",
        props: { engine: "aurora-mysql", engineMode: "provisioned", storageEncrypted: false },
      },
      expect: /storageEncrypted is false/,
    },
    {
      name: "a serverless v1 cluster explicitly unencrypted",
      fixture: {
        type: "aws:rds/cluster:Cluster",
        props: { engine: "aurora-mysql", engineMode: "serverless", storageEncrypted: false },
      },
      expect: /storageEncrypted is false/,
    },
    {
      name: "an unencrypted Multi-AZ DB cluster",
      fixture: {
        type: "aws:rds/cluster:Cluster",
        props: { engine: "mysql", dbClusterInstanceClass: "db.r6gd.large" },
      },
      expect: /storageEncrypted is unset/,
    },
    {
      name: "a new, unencrypted global database",
      fixture: {
        type: "aws:rds/globalCluster:GlobalCluster",
        props: { globalClusterIdentifier: "g", engine: "aurora-postgresql" },
      },
      expect: /storageEncrypted is unset/,
    },
  ],
  unknown: [
    { name: "storageEncrypted unknown", patch: { storageEncrypted: unknown } },
    {
      name: "a cluster's storageEncrypted unknown",
      fixture: {
        type: "aws:rds/cluster:Cluster",
        props: { engine: "aurora-postgresql", storageEncrypted: unknown },
      },
    },
  ],
});
