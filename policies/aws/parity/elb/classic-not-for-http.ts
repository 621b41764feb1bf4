/**
 * Classic load balancers do not carry HTTP or HTTPS traffic: an application
 * load balancer does (with WAF, HTTP/2, TLS 1.3 policies and redirects).
 * TCP and SSL listeners are left to aws-elb-classic-listener-encrypted.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { asList, asRecord, asString } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

export const elbClassicNotForHttp = defineResourcePolicy({
  name: "aws-elb-classic-not-for-http",
  description:
    "Classic load balancers carry no HTTP or HTTPS listeners; web traffic goes through an application load balancer.",
  category: "network",
  severity: "low",
  defaultLevel: "advisory",
  // Modernisation hygiene: the listener encryption policies carry the security part.
  securitySet: false,
  remediation: [
    "Replace the classic load balancer with an `aws.lb.LoadBalancer` (application) with an HTTPS listener and an HTTP-to-HTTPS redirect.",
    "Advisory in every stage: aws-elb-classic-listener-encrypted and aws-elb-classic-tls12 enforce the security part.",
  ],
  frameworks: [],
  types: ["aws:elb/loadBalancer:LoadBalancer"],
  check(r) {
    const out: Finding[] = [];
    asList(r.props.listeners).forEach((l, i) => {
      const protocol = (asString(asRecord(l)?.lbProtocol) ?? "").toUpperCase();
      if (protocol === "HTTP" || protocol === "HTTPS") {
        out.push({
          message: `listeners[${i}] serves ${protocol} from a classic load balancer; move web traffic to an application load balancer`,
        });
      }
    });
    return out;
  },
});
