import { dmsReplicationInstanceNotPublic } from "../../../../policies/aws/endpoints/dms-replication-instance-not-public";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(dmsReplicationInstanceNotPublic, {
  base: {
    type: "aws:dms/replicationInstance:ReplicationInstance",
    props: {
      replicationInstanceId: "migrate",
      replicationInstanceClass: "dms.t3.micro",
      replicationSubnetGroupId: "private",
      publiclyAccessible: false,
    },
  },
  pass: [{ name: '"false" as a string', patch: { publiclyAccessible: "false" } }],
  fail: [
    {
      name: "unset (DMS makes it public)",
      patch: { publiclyAccessible: undefined },
      expect:
        /publiclyAccessible is unset, which makes the replication instance publicly accessible; set publiclyAccessible: false/,
      count: 1,
    },
    {
      name: "true",
      patch: { publiclyAccessible: true },
      expect: /publiclyAccessible is true, so the replication instance is reachable from the internet/,
      count: 1,
    },
    { name: '"true"', patch: { publiclyAccessible: "true" }, expect: /publiclyAccessible is true/ },
  ],
  unknown: [{ name: "publiclyAccessible unknown", patch: { publiclyAccessible: unknown } }],
});
