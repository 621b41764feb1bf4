/**
 * Internet-facing application load balancers and API Gateway REST API stages
 * are associated with a WAFv2 web ACL (an `aws.wafv2.WebAclAssociation`
 * whose `resourceArn` is the load balancer or stage). Internal load
 * balancers, network and gateway load balancers are skipped. CloudFront:
 * aws-cloudfront-waf.
 */
import { defineStackPolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { readInput, refersTo } from "../../../lib/parity";
import { asString, isTrue } from "../../../lib/props";
import type { Finding, StackResource } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

const LBS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const REST_STAGE = "aws:apigateway/stage:Stage";
const ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";

/** "yes" for a public endpoint WAF can protect, "unknown" when preview hides it. */
function isPublicEndpoint(r: StackResource): "yes" | "no" | "unknown" {
  if (r.type === REST_STAGE) return "yes";
  if (!LBS.includes(r.type)) return "no";
  const type = readInput(() => asString(r.props.loadBalancerType) ?? "application");
  const internal = readInput(() => r.props.internal);
  if (!type.unknown && type.value !== "application") return "no";
  if (!internal.unknown && isTrue(internal.value)) return "no";
  return type.unknown || internal.unknown ? "unknown" : "yes";
}

export const publicEndpointWaf = defineStackPolicy({
  name: "aws-public-endpoint-waf",
  description:
    "Internet-facing application load balancers and API Gateway REST API stages are protected by a WAFv2 web ACL.",
  category: "network",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: public HTTP endpoints in prod are filtered for application-layer attacks.
  securitySet: true,
  remediation: [
    'Create an `aws.wafv2.WebAcl` with `scope: "REGIONAL"` (AWS managed common rule set, known bad inputs, a rate-based rule).',
    "Add an `aws.wafv2.WebAclAssociation` with `resourceArn` set to the load balancer's (or stage's) ARN and `webAclArn` to the web ACL's.",
    "Mandatory in prod: internet-facing HTTP endpoints are filtered there.",
  ],
  frameworks: [nist80053("SC-7")],
  check(resources) {
    const out: Finding[] = [];
    const associations = ofType(resources, ASSOCIATION);
    for (const r of ofType(resources, REST_STAGE, ...LBS)) {
      const exposure = isPublicEndpoint(r);
      if (exposure === "no") continue;
      const matches = associations.map((a) => refersTo(a, "resourceArn", r));
      if (matches.includes("yes")) continue;
      const what = r.type === REST_STAGE ? `REST API stage "${r.name}"` : `load balancer "${r.name}"`;
      if (exposure === "unknown" || matches.includes("unknown")) {
        out.push({
          urn: r.urn,
          advisory: true,
          message: `${what}: its exposure or WAF association is unknown during preview, so it is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: r.urn,
        message: `${what} is reachable from the internet without a WAF web ACL; add an aws.wafv2.WebAclAssociation with resourceArn set to its ARN`,
      });
    }
    return out;
  },
});
