import { redshiftClusterEncrypted } from "../../../../policies/aws/encryption/redshift-cluster-encrypted";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(redshiftClusterEncrypted, {
  base: {
    type: "aws:redshift/cluster:Cluster",
    props: { clusterIdentifier: "dw", nodeType: "ra3.xlplus", encrypted: "true", publiclyAccessible: false },
  },
  pass: [
    { name: "encrypted unset (encrypted by default)", patch: { encrypted: undefined } },
    { name: "encrypted as a boolean", patch: { encrypted: true } },
    { name: 'encrypted "TRUE"', patch: { encrypted: "TRUE" } },
  ],
  fail: [
    {
      name: 'encrypted "false"',
      patch: { encrypted: "false" },
      expect: /encrypted is "false", so the cluster's data is not encrypted at rest/,
      count: 1,
    },
    { name: "encrypted false (boolean)", patch: { encrypted: false }, expect: /encrypted is false/ },
  ],
  unknown: [{ name: "encrypted unknown", patch: { encrypted: unknown } }],
});
