/**
 * Redshift clusters encrypt their data at rest. The provider (and the API
 * since 2025) encrypts by default, so only an explicit `encrypted: false`
 * (a string input: "false") is a finding.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { requireTrue } from "./settings";

export const REDSHIFT_CLUSTER = "aws:redshift/cluster:Cluster";

export const redshiftClusterEncrypted = defineResourcePolicy({
  name: "aws-redshift-cluster-encrypted",
  description: "Redshift clusters encrypt their data at rest.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Remove `encrypted: "false"` (encryption is the default) or set `encrypted: "true"`, with `kmsKeyId` for a customer managed key.',
  ],
  frameworks: [awsFsbp("Redshift.10")],
  types: [REDSHIFT_CLUSTER],
  check: (r) =>
    requireTrue({
      field: "encrypted",
      value: r.props.encrypted,
      unset: "secure",
      consequence: "the cluster's data is not encrypted at rest",
      fix: 'remove it or set encrypted: "true"',
    }),
});
