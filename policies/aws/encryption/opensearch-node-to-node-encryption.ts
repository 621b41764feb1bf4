/** OpenSearch (and Elasticsearch) domains encrypt traffic between their nodes. Unset is plaintext. */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { SEARCH_DOMAINS, block } from "./opensearch";
import { requireTrue } from "./settings";

export const opensearchNodeToNodeEncryption = defineResourcePolicy({
  name: "aws-opensearch-node-to-node-encryption",
  description: "OpenSearch and Elasticsearch domains encrypt traffic between their nodes.",
  category: "network",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: ["Set `nodeToNodeEncryption: { enabled: true }` on the domain."],
  frameworks: [awsFsbp("OpenSearch.3"), awsFsbp("ES.3")],
  types: SEARCH_DOMAINS,
  check: (r) =>
    requireTrue({
      field: "nodeToNodeEncryption.enabled",
      value: block(r.props.nodeToNodeEncryption)?.enabled,
      unset: "insecure",
      consequence: "traffic between the domain's nodes is plaintext",
      fix: "set nodeToNodeEncryption: { enabled: true }",
    }),
});
