/**
 * EKS clusters envelope-encrypt Kubernetes secrets with a KMS key the team
 * controls (`encryptionConfig` with resources ["secrets"] and a
 * `provider.keyArn`), so reading etcd data needs a key grant as well.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";
import { asList, asRecord, asStrings } from "../../../lib/props";

export const eksSecretsEncryption = defineResourcePolicy({
  name: "aws-eks-secrets-encryption",
  description: "EKS clusters envelope-encrypt Kubernetes secrets with a customer managed KMS key.",
  category: "kubernetes",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: secrets are the credentials of every workload on the cluster.
  securitySet: true,
  remediation: [
    'Set `encryptionConfig: { resources: ["secrets"], provider: { keyArn: key.arn } }` with a symmetric KMS key in the cluster\'s region.',
    "Mandatory in prod: Kubernetes secrets hold the workloads' credentials.",
  ],
  frameworks: [awsFsbp("EKS.3"), nist80053("SC-28")],
  types: ["aws:eks/cluster:Cluster"],
  check(r) {
    const configs = asList(r.props.encryptionConfig).map(asRecord);
    const ok = configs.some(
      (c) => c && asStrings(c.resources).includes("secrets") && !isUnset(asRecord(c.provider)?.keyArn),
    );
    if (ok) return [];
    const why =
      configs.length === 0
        ? "encryptionConfig is unset"
        : 'encryptionConfig does not cover "secrets" with a provider.keyArn';
    return [
      {
        message: `${why}, so Kubernetes secrets are not envelope-encrypted with your KMS key; set encryptionConfig with resources ["secrets"] and provider.keyArn`,
      },
    ];
  },
});
