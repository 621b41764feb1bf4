/**
 * Load balancers write access logs to S3: application and network load
 * balancers (`accessLogs.enabled` true with a bucket; AWS leaves logging off
 * by default) and classic load balancers (`accessLogs` with a bucket;
 * `enabled` defaults to true there). Gateway load balancers have no access
 * logs and are skipped.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { isFalse, isUnset, quote } from "../../../lib/parity";
import { asRecord, asString, isTrue } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

const V2 = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const CLASSIC = "aws:elb/loadBalancer:LoadBalancer";

export const lbAccessLogs = defineResourcePolicy({
  name: "aws-lb-access-logs",
  description: "Application, network and classic load balancers write access logs to S3.",
  category: "network",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: the access log is the only record of who called a public
  // endpoint, which incident response needs in prod; advisory elsewhere (cost).
  securitySet: true,
  remediation: [
    "Create (or reuse) an S3 bucket whose policy lets the Elastic Load Balancing log delivery write to it.",
    "On an application or network load balancer set `accessLogs: { bucket, enabled: true }` (optionally `prefix`).",
    "On a classic load balancer set `accessLogs: { bucket }` and leave `enabled` true.",
    "Access logs are kept in prod for incident response, which is why this policy is mandatory there.",
  ],
  frameworks: [awsFsbp("ELB.5"), nist80053("AU-12")],
  types: [...V2, CLASSIC],
  check(r) {
    const out: Finding[] = [];
    if (V2.includes(r.type) && asString(r.props.loadBalancerType) === "gateway") return out;
    const logs = asRecord(r.props.accessLogs);
    if (!logs) {
      return [
        {
          message:
            "accessLogs is unset, so the load balancer keeps no access log; set accessLogs with an S3 bucket (and enabled: true)",
        },
      ];
    }
    if (isUnset(logs.bucket)) {
      out.push({
        message:
          "accessLogs has no bucket, so no access log is delivered; set accessLogs.bucket to an S3 bucket",
      });
    }
    const classic = r.type === CLASSIC;
    if (classic ? isFalse(logs.enabled) : !isTrue(logs.enabled)) {
      out.push({
        message: `accessLogs.enabled is ${logs.enabled === undefined ? "unset (off by default)" : quote(logs.enabled)}, so the load balancer keeps no access log; set accessLogs.enabled to true`,
      });
    }
    return out;
  },
});
