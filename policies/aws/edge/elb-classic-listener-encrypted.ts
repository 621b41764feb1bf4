/**
 * Classic load balancer listeners terminate HTTPS or SSL: an `http` or
 * `tcp` front-end listener carries traffic in the clear.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asList, asNumber, asRecord, asString } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { quoted } from "./tls";

export const CLASSIC_ELB = "aws:elb/loadBalancer:LoadBalancer";

export const elbClassicListenerEncrypted = defineResourcePolicy({
  name: "aws-elb-classic-listener-encrypted",
  description: "Classic load balancer listeners use HTTPS or SSL, not HTTP or TCP.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set the listener\'s `lbProtocol` to "https" (or "ssl") with an ACM certificate in `sslCertificateId`.',
    "Better: move to an Application Load Balancer with an HTTP-to-HTTPS redirect and a TLS 1.2 policy.",
  ],
  frameworks: [awsFsbp("ELB.3"), nist80053("SC-8")],
  types: [CLASSIC_ELB],
  check(r) {
    const out: Finding[] = [];
    asList(r.props.listeners).forEach((raw, i) => {
      const l = asRecord(raw) ?? {};
      const protocol = asString(l.lbProtocol);
      const p = protocol?.toLowerCase();
      if (p === "https" || p === "ssl") return;
      const port = asNumber(l.lbPort);
      out.push({
        message: `listener ${i}${port === undefined ? "" : ` (port ${port})`} has lbProtocol ${quoted(protocol)}, which is not encrypted; set lbProtocol to "https" or "ssl" with an sslCertificateId`,
      });
    });
    return out;
  },
});
