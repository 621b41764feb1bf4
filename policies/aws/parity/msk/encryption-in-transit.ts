/**
 * MSK clusters encrypt traffic in transit: between clients and brokers
 * (`encryptionInfo.encryptionInTransit.clientBroker` "TLS", the default) and
 * between brokers (`inCluster`, default true). "TLS_PLAINTEXT" still lets a
 * client talk in plain text.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { isFalse, quote } from "../../../lib/parity";
import { asRecord, asString } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

export const mskEncryptionInTransit = defineResourcePolicy({
  name: "aws-msk-encryption-in-transit",
  description: "MSK clusters encrypt traffic between clients and brokers (TLS only) and between brokers.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `encryptionInfo.encryptionInTransit.clientBroker` to "TLS" (or leave it unset) and remove `inCluster: false`.',
    "Point clients at the TLS bootstrap brokers (port 9094, or 9096/9098 with SASL).",
  ],
  frameworks: [awsFsbp("MSK.1"), nist80053("SC-8")],
  types: ["aws:msk/cluster:Cluster"],
  check(r) {
    const transit = asRecord(asRecord(r.props.encryptionInfo)?.encryptionInTransit);
    const out: Finding[] = [];
    const client = asString(transit?.clientBroker);
    if (client !== undefined && client !== "TLS") {
      out.push({
        message: `encryptionInfo.encryptionInTransit.clientBroker is ${quote(client)}, so clients may send data in plain text; set it to "TLS"`,
      });
    }
    if (isFalse(transit?.inCluster)) {
      out.push({
        message:
          "encryptionInfo.encryptionInTransit.inCluster is false, so brokers replicate in plain text; remove it or set it to true",
      });
    }
    return out;
  },
});
