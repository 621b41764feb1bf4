/**
 * OpenSearch (and Elasticsearch) domains run inside a VPC. A domain without
 * `vpcOptions.subnetIds` gets a public endpoint, guarded only by its access
 * policy.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { isPending } from "../../lib/classification";
import { asList, asRecord } from "../../lib/props";

export const OPENSEARCH_DOMAIN = "aws:opensearch/domain:Domain";
export const ELASTICSEARCH_DOMAIN = "aws:elasticsearch/domain:Domain";

export const opensearchInVpc = defineResourcePolicy({
  name: "aws-opensearch-in-vpc",
  description: "OpenSearch and Elasticsearch domains run inside a VPC, not on a public endpoint.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `vpcOptions: { subnetIds: [...], securityGroupIds: [...] }` with private subnets.",
    "A domain cannot move from a public endpoint into a VPC: create a VPC domain and restore a snapshot into it.",
  ],
  frameworks: [awsFsbp("OpenSearch.2"), awsFsbp("ES.2")],
  types: [OPENSEARCH_DOMAIN, ELASTICSEARCH_DOMAIN],
  check(r) {
    const vpc = asRecord(r.props.vpcOptions) ?? asRecord(asList(r.props.vpcOptions)[0]);
    if (!vpc) {
      return [
        {
          message:
            "vpcOptions is unset, so the domain has a public endpoint; set vpcOptions.subnetIds to private subnets (and securityGroupIds)",
        },
      ];
    }
    // Subnet ids from another resource are outputs, unknown during preview: they are set.
    if (isPending(() => vpc.subnetIds)) return [];
    if (asList(vpc.subnetIds).length > 0) return [];
    return [
      {
        message:
          "vpcOptions.subnetIds is empty, so the domain has a public endpoint; set vpcOptions.subnetIds to private subnets",
      },
    ];
  },
});
