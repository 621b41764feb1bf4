/**
 * EMR clusters use a security configuration that encrypts local disks and
 * traffic in transit: the cluster names one (`securityConfiguration`), and
 * every `aws.emr.SecurityConfiguration` in the stack turns on
 * EnableAtRestEncryption with a LocalDiskEncryptionConfiguration and
 * EnableInTransitEncryption with a TLS certificate configuration.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isUnset, parseJson } from "../../../lib/parity";
import { asRecord, isTrue } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

const CLUSTER = "aws:emr/cluster:Cluster";
const CONFIGURATION = "aws:emr/securityConfiguration:SecurityConfiguration";

export const emrSecurityConfiguration = defineResourcePolicy({
  name: "aws-emr-security-configuration",
  description:
    "EMR clusters use a security configuration with local disk encryption and encryption in transit.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Create an `aws.emr.SecurityConfiguration` whose JSON sets EncryptionConfiguration.EnableAtRestEncryption true with AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration (KMS), and EnableInTransitEncryption true with InTransitEncryptionConfiguration.TLSCertificateConfiguration.",
    "Set the cluster's `securityConfiguration` to its name.",
  ],
  frameworks: [nist80053("SC-28"), nist80053("SC-8")],
  types: [CLUSTER, CONFIGURATION],
  check(r) {
    if (r.type === CLUSTER) {
      return isUnset(r.props.securityConfiguration)
        ? [
            {
              message:
                "securityConfiguration is unset, so local disks and traffic between nodes are not encrypted; set it to an aws.emr.SecurityConfiguration with at-rest and in-transit encryption",
            },
          ]
        : [];
    }
    const doc = asRecord(parseJson(r.props.configuration));
    if (!doc)
      return [
        { message: "configuration is not valid JSON; pass JSON.stringify of the security configuration" },
      ];
    const enc = asRecord(doc.EncryptionConfiguration);
    const out: Finding[] = [];
    const atRest = asRecord(enc?.AtRestEncryptionConfiguration);
    if (!isTrue(enc?.EnableAtRestEncryption) || !asRecord(atRest?.LocalDiskEncryptionConfiguration)) {
      out.push({
        message:
          "EncryptionConfiguration does not enable at-rest encryption with a LocalDiskEncryptionConfiguration, so node disks are not encrypted; set EnableAtRestEncryption true and LocalDiskEncryptionConfiguration",
      });
    }
    if (!isTrue(enc?.EnableInTransitEncryption)) {
      out.push({
        message:
          "EncryptionConfiguration.EnableInTransitEncryption is not true, so traffic between nodes is plain; set it true with a TLSCertificateConfiguration",
      });
    }
    return out;
  },
});
