/**
 * DynamoDB Accelerator (DAX) clusters encrypt their cache at rest and their
 * endpoint in transit (TLS). Both default to off.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asString } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { block } from "./opensearch";
import { quote, requireTrue } from "./settings";

export const DAX_CLUSTER = "aws:dax/cluster:Cluster";

export const daxClusterEncrypted = defineResourcePolicy({
  name: "aws-dax-cluster-encrypted",
  description: "DAX clusters encrypt their cache at rest and their endpoint in transit (TLS).",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `serverSideEncryption: { enabled: true }` on the cluster.",
    'Set `clusterEndpointEncryptionType: "TLS"` and connect with a TLS-capable DAX client.',
    "Both are set at creation: create a new cluster and move clients to it.",
  ],
  frameworks: [awsFsbp("DynamoDB.3"), awsFsbp("DynamoDB.7")],
  types: [DAX_CLUSTER],
  check(r) {
    const findings: Finding[] = requireTrue({
      field: "serverSideEncryption.enabled",
      value: block(r.props.serverSideEncryption)?.enabled,
      unset: "insecure",
      consequence: "the cache is not encrypted at rest",
      fix: "set serverSideEncryption: { enabled: true }",
    });
    const raw = r.props.clusterEndpointEncryptionType;
    if (asString(raw)?.trim().toUpperCase() !== "TLS") {
      findings.push({
        message: `clusterEndpointEncryptionType is ${raw === undefined || raw === null ? "unset" : quote(raw)}, so clients connect in plaintext; set clusterEndpointEncryptionType: "TLS"`,
      });
    }
    return findings;
  },
});
