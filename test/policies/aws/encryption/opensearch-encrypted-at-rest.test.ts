import { opensearchEncryptedAtRest } from "../../../../policies/aws/encryption/opensearch-encrypted-at-rest";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(opensearchEncryptedAtRest, {
  base: {
    type: "aws:opensearch/domain:Domain",
    props: { domainName: "logs", engineVersion: "OpenSearch_2.13", encryptAtRest: { enabled: true } },
  },
  pass: [
    {
      name: "with a customer key",
      patch: { encryptAtRest: { enabled: true, kmsKeyId: "arn:aws:kms:us-east-1:1:key/k" } },
    },
    { name: "a one-element list block", patch: { encryptAtRest: [{ enabled: "true" }] } },
    {
      name: "an encrypted Elasticsearch domain",
      fixture: {
        type: "aws:elasticsearch/domain:Domain",
        props: { domainName: "es", encryptAtRest: { enabled: true } },
      },
    },
  ],
  fail: [
    {
      name: "encryptAtRest unset",
      patch: { encryptAtRest: undefined },
      expect:
        /encryptAtRest\.enabled is unset, so indexes, logs and snapshots are not encrypted at rest; set encryptAtRest: \{ enabled: true \}/,
      count: 1,
    },
    {
      name: "enabled false",
      patch: { encryptAtRest: { enabled: false } },
      expect: /encryptAtRest\.enabled is false/,
    },
    {
      name: "an unencrypted Elasticsearch domain",
      fixture: { type: "aws:elasticsearch/domain:Domain", props: { domainName: "es" } },
      expect: /encryptAtRest\.enabled is unset/,
    },
  ],
  unknown: [{ name: "enabled unknown", patch: { encryptAtRest: { enabled: unknown } } }],
});
