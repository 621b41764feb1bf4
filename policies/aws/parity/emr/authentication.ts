/**
 * EMR clusters authenticate who logs in to their nodes: an EC2 key pair
 * (`ec2Attributes.keyName`) or Kerberos (`kerberosAttributes`). Without
 * either, the master node accepts no authenticated SSH and applications fall
 * back to unauthenticated access.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";
import { asRecord } from "../../../lib/props";

export const emrAuthentication = defineResourcePolicy({
  name: "aws-emr-authentication",
  description: "EMR clusters authenticate users with Kerberos or an EC2 key pair.",
  category: "iam",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: multi-user clusters in prod need authenticated access (Kerberos preferred).
  securitySet: true,
  remediation: [
    "Prefer Kerberos: a security configuration with AuthenticationConfiguration.KerberosConfiguration and `kerberosAttributes: { realm, kdcAdminPassword }`.",
    "At least set `ec2Attributes.keyName`. Mandatory in prod.",
  ],
  frameworks: [nist80053("IA-2")],
  types: ["aws:emr/cluster:Cluster"],
  check(r) {
    if (asRecord(r.props.kerberosAttributes)) return [];
    if (!isUnset(asRecord(r.props.ec2Attributes)?.keyName)) return [];
    return [
      {
        message:
          "neither kerberosAttributes nor ec2Attributes.keyName is set, so the cluster has no user authentication; configure Kerberos (kerberosAttributes) or a key pair",
      },
    ];
  },
});
