import { opensearchInVpc } from "../../../../policies/aws/endpoints/opensearch-in-vpc";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(opensearchInVpc, {
  base: {
    type: "aws:opensearch/domain:Domain",
    props: { domainName: "logs", vpcOptions: { subnetIds: ["subnet-a"], securityGroupIds: ["sg-1"] } },
  },
  pass: [
    {
      name: "subnets from another resource (unknown at preview)",
      patch: { vpcOptions: { subnetIds: unknown } },
    },
    { name: "one subnet id unknown at preview", patch: { vpcOptions: { subnetIds: [unknown] } } },
    { name: "a one-element list block", patch: { vpcOptions: [{ subnetIds: ["subnet-a"] }] } },
    {
      name: "an Elasticsearch domain in a VPC",
      fixture: {
        type: "aws:elasticsearch/domain:Domain",
        props: { domainName: "es", vpcOptions: { subnetIds: ["subnet-a"] } },
      },
    },
  ],
  fail: [
    {
      name: "no vpcOptions (a public endpoint)",
      patch: { vpcOptions: undefined },
      expect: /vpcOptions is unset, so the domain has a public endpoint; set vpcOptions\.subnetIds/,
      count: 1,
    },
    {
      name: "vpcOptions without subnets",
      patch: { vpcOptions: { securityGroupIds: ["sg-1"] } },
      expect: /vpcOptions\.subnetIds is empty/,
      count: 1,
    },
    { name: "empty subnet list", patch: { vpcOptions: { subnetIds: [] } }, expect: /subnetIds is empty/ },
    {
      name: "an Elasticsearch domain outside a VPC",
      fixture: { type: "aws:elasticsearch/domain:Domain", props: { domainName: "es" } },
      expect: /vpcOptions is unset/,
    },
  ],
  unknown: [{ name: "vpcOptions unknown", patch: { vpcOptions: unknown } }],
});
