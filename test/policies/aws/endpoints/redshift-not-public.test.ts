import { redshiftNotPublic } from "../../../../policies/aws/endpoints/redshift-not-public";
import { describePolicyTable, unknown } from "../../harness";

const WORKGROUP = "aws:redshiftserverless/workgroup:Workgroup";

describePolicyTable(redshiftNotPublic, {
  base: {
    type: "aws:redshift/cluster:Cluster",
    props: { clusterIdentifier: "dw", nodeType: "ra3.xlplus", publiclyAccessible: false },
  },
  pass: [
    { name: '"false" as a string', patch: { publiclyAccessible: "false" } },
    {
      name: "a serverless workgroup, private by default",
      fixture: { type: WORKGROUP, props: { namespaceName: "ns", workgroupName: "wg" } },
    },
    {
      name: "a serverless workgroup, explicitly private",
      fixture: {
        type: WORKGROUP,
        props: { namespaceName: "ns", workgroupName: "wg", publiclyAccessible: false },
      },
    },
  ],
  fail: [
    {
      name: "a cluster with publiclyAccessible unset must say false",
      patch: { publiclyAccessible: undefined },
      expect:
        /publiclyAccessible is unset, which makes the cluster publicly accessible; set publiclyAccessible: false explicitly/,
      count: 1,
    },
    {
      name: "a public cluster",
      patch: { publiclyAccessible: true },
      expect: /publiclyAccessible is true, so the cluster is reachable from the internet/,
      count: 1,
    },
    {
      name: "a public serverless workgroup",
      fixture: {
        type: WORKGROUP,
        props: { namespaceName: "ns", workgroupName: "wg", publiclyAccessible: "true" },
      },
      expect: /the workgroup is reachable from the internet/,
    },
  ],
  unknown: [{ name: "publiclyAccessible unknown", patch: { publiclyAccessible: unknown } }],
});
