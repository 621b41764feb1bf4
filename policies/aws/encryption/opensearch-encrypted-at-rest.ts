/** OpenSearch (and Elasticsearch) domains encrypt their data at rest. Unset is unencrypted. */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { SEARCH_DOMAINS, block } from "./opensearch";
import { requireTrue } from "./settings";

export const opensearchEncryptedAtRest = defineResourcePolicy({
  name: "aws-opensearch-encrypted-at-rest",
  description: "OpenSearch and Elasticsearch domains encrypt their data at rest.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `encryptAtRest: { enabled: true }` on the domain (and `kmsKeyId` for a customer managed key).",
  ],
  frameworks: [awsFsbp("OpenSearch.1"), awsFsbp("ES.1")],
  types: SEARCH_DOMAINS,
  check: (r) =>
    requireTrue({
      field: "encryptAtRest.enabled",
      value: block(r.props.encryptAtRest)?.enabled,
      unset: "insecure",
      consequence: "indexes, logs and snapshots are not encrypted at rest",
      fix: "set encryptAtRest: { enabled: true }",
    }),
});
