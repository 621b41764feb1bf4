/**
 * CloudFront distributions are fronted by an AWS WAF web ACL (`webAclId`):
 * every distribution is on the internet, and the web ACL is where rate
 * limits and managed rule groups stop application-layer attacks.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";

export const cloudfrontWaf = defineResourcePolicy({
  name: "aws-cloudfront-waf",
  description: "CloudFront distributions are associated with an AWS WAF web ACL.",
  category: "network",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: a distribution is always internet-facing; in prod it must be filtered.
  securitySet: true,
  remediation: [
    'Create an `aws.wafv2.WebAcl` with `scope: "CLOUDFRONT"` (in us-east-1) with the AWS managed common rule set and a rate-based rule.',
    "Set the distribution's `webAclId` to the web ACL's ARN. Mandatory in prod: every distribution is internet-facing.",
  ],
  frameworks: [nist80053("SC-7")],
  types: ["aws:cloudfront/distribution:Distribution"],
  check(r) {
    if (!isUnset(r.props.webAclId)) return [];
    return [
      {
        message:
          "webAclId is unset, so requests reach the origin unfiltered; associate a WAFv2 web ACL (scope CLOUDFRONT) through webAclId",
      },
    ];
  },
});
