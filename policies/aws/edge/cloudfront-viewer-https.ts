/**
 * CloudFront serves viewers over HTTPS only: no cache behavior (the default
 * one or an ordered one) has `viewerProtocolPolicy: "allow-all"`.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asList, asRecord, asString } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { findingsOf, quoted } from "./tls";

export const CLOUDFRONT_DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const SECURE = ["redirect-to-https", "https-only"];

function behaviorFinding(label: string, behavior: unknown): Finding[] {
  const policy = asString(asRecord(behavior)?.viewerProtocolPolicy);
  if (policy !== undefined && SECURE.includes(policy.toLowerCase())) return [];
  return [
    {
      message: `${label} has viewerProtocolPolicy ${quoted(policy)}, which lets viewers use plain HTTP; set it to "redirect-to-https" or "https-only"`,
    },
  ];
}

export const cloudFrontViewerHttps = defineResourcePolicy({
  name: "aws-cloudfront-viewer-https",
  description: "CloudFront cache behaviors require HTTPS between viewers and CloudFront.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `viewerProtocolPolicy: "redirect-to-https"` (or "https-only") on `defaultCacheBehavior` and on every entry of `orderedCacheBehaviors`.',
  ],
  frameworks: [awsFsbp("CloudFront.3"), nist80053("SC-8")],
  types: [CLOUDFRONT_DISTRIBUTION],
  check(r) {
    return findingsOf(
      [
        () => behaviorFinding("defaultCacheBehavior", r.props.defaultCacheBehavior),
        () =>
          asList(r.props.orderedCacheBehaviors).flatMap((b, i) => {
            const path = asString(asRecord(b)?.pathPattern);
            return behaviorFinding(`orderedCacheBehaviors[${i}]${path ? ` ("${path}")` : ""}`, b);
          }),
      ],
      "a cache behavior",
    );
  },
});
