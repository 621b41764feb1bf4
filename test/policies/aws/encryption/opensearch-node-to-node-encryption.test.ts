import { opensearchNodeToNodeEncryption } from "../../../../policies/aws/encryption/opensearch-node-to-node-encryption";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(opensearchNodeToNodeEncryption, {
  base: {
    type: "aws:opensearch/domain:Domain",
    props: { domainName: "logs", nodeToNodeEncryption: { enabled: true } },
  },
  pass: [
    { name: '"true" as a string', patch: { nodeToNodeEncryption: { enabled: "true" } } },
    {
      name: "an Elasticsearch domain with it",
      fixture: {
        type: "aws:elasticsearch/domain:Domain",
        props: { domainName: "es", nodeToNodeEncryption: { enabled: true } },
      },
    },
  ],
  fail: [
    {
      name: "unset",
      patch: { nodeToNodeEncryption: undefined },
      expect: /nodeToNodeEncryption\.enabled is unset, so traffic between the domain's nodes is plaintext/,
      count: 1,
    },
    { name: "disabled", patch: { nodeToNodeEncryption: { enabled: false } }, expect: /is false/ },
    {
      name: "an Elasticsearch domain without it",
      fixture: { type: "aws:elasticsearch/domain:Domain", props: { domainName: "es" } },
      expect: /is unset/,
    },
  ],
  unknown: [{ name: "enabled unknown", patch: { nodeToNodeEncryption: { enabled: unknown } } }],
});
