import { rdsNotPublic } from "../../../policies/aws/rds-not-public";
import { describePolicyTable, unknown } from "../harness";

describePolicyTable(rdsNotPublic, {
  base: {
    type: "aws:rds/instance:Instance",
    props: {
      engine: "postgres",
      instanceClass: "db.t4g.micro",
      allocatedStorage: 20,
      publiclyAccessible: false,
      storageEncrypted: true,
    },
  },
  pass: [
    { name: "publiclyAccessible unset (the default, private)", patch: { publiclyAccessible: undefined } },
    {
      name: "an Aurora cluster instance, private",
      fixture: {
        type: "aws:rds/clusterInstance:ClusterInstance",
        props: { clusterIdentifier: "c", instanceClass: "db.r6g.large" },
      },
    },
    {
      name: "a Neptune cluster instance, private",
      fixture: {
        type: "aws:neptune/clusterInstance:ClusterInstance",
        props: { clusterIdentifier: "g", instanceClass: "db.r6g.large", publiclyAccessible: false },
      },
    },
  ],
  fail: [
    {
      name: "publiclyAccessible true",
      patch: { publiclyAccessible: true },
      expect: /publiclyAccessible is true/,
      count: 1,
    },
    {
      name: "an Aurora cluster instance made public",
      fixture: {
        type: "aws:rds/clusterInstance:ClusterInstance",
        props: { clusterIdentifier: "c", instanceClass: "db.r6g.large", publiclyAccessible: true },
      },
      expect: /publiclyAccessible is true/,
    },
    {
      name: 'an Aurora cluster instance with "true" as a string',
      fixture: {
        type: "aws:rds/clusterInstance:ClusterInstance",
        props: { clusterIdentifier: "c", instanceClass: "db.r6g.large", publiclyAccessible: "true" },
      },
      expect: /publiclyAccessible is true/,
    },
    {
      name: "a Neptune cluster instance made public",
      fixture: {
        type: "aws:neptune/clusterInstance:ClusterInstance",
        props: { clusterIdentifier: "g", instanceClass: "db.r6g.large", publiclyAccessible: true },
      },
      expect: /publiclyAccessible is true/,
    },
  ],
  unknown: [{ name: "publiclyAccessible unknown", patch: { publiclyAccessible: unknown } }],
});
