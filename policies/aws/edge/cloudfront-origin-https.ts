/**
 * CloudFront reaches custom origins over HTTPS with TLS 1.2: no
 * `customOriginConfig` has `originProtocolPolicy: "http-only"`, none has
 * "match-viewer" while a cache behavior that targets it lets viewers use HTTP,
 * and `originSslProtocols` lists none of SSLv3, TLSv1, TLSv1.1.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asList, asRecord, asString, asStrings } from "../../lib/props";
import type { Finding } from "../../lib/types";
import { CLOUDFRONT_DISTRIBUTION } from "./cloudfront-viewer-https";
import { findingsOf, quoted } from "./tls";

const WEAK_ORIGIN_PROTOCOLS = ["sslv3", "tlsv1", "tlsv1.1"];

/** The origin ids that some cache behavior serves with viewerProtocolPolicy allow-all. */
function plainHttpOrigins(props: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const b of [props.defaultCacheBehavior, ...asList(props.orderedCacheBehaviors)]) {
    const rec = asRecord(b) ?? {};
    const policy = asString(rec.viewerProtocolPolicy)?.toLowerCase();
    const target = asString(rec.targetOriginId);
    if (target !== undefined && (policy === undefined || policy === "allow-all")) out.add(target);
  }
  return out;
}

function originFindings(raw: unknown, i: number, plain: () => Set<string>): Finding[] {
  const origin = asRecord(raw) ?? {};
  const custom = asRecord(origin.customOriginConfig);
  if (!custom) return [];
  const id = asString(origin.originId);
  const at = `origin ${i}${id ? ` ("${id}")` : ""}`;
  const policy = asString(custom.originProtocolPolicy);
  const p = policy?.toLowerCase();
  if (p === "http-only" || p === undefined) {
    return [
      {
        message: `${at} has originProtocolPolicy ${quoted(policy)}, so CloudFront fetches from it over plain HTTP; set it to "https-only"`,
      },
    ];
  }
  const out: Finding[] = [];
  if (p === "match-viewer" && id !== undefined && plain().has(id)) {
    out.push({
      message: `${at} has originProtocolPolicy "match-viewer" and a cache behavior with viewerProtocolPolicy "allow-all" targets it, so HTTP viewers reach it over HTTP; set it to "https-only"`,
    });
  }
  const weak = asStrings(custom.originSslProtocols).filter((s) =>
    WEAK_ORIGIN_PROTOCOLS.includes(s.toLowerCase()),
  );
  if (weak.length > 0) {
    out.push({
      message: `${at} allows ${weak.join(", ")} in originSslProtocols; list only "TLSv1.2"`,
    });
  }
  return out;
}

export const cloudFrontOriginHttps = defineResourcePolicy({
  name: "aws-cloudfront-origin-https",
  description: "CloudFront connects to custom origins over HTTPS with TLS 1.2 or later.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `customOriginConfig.originProtocolPolicy: "https-only"` on every custom origin.',
    'Set `customOriginConfig.originSslProtocols: ["TLSv1.2"]`.',
  ],
  frameworks: [awsFsbp("CloudFront.9"), awsFsbp("CloudFront.10"), nist80053("SC-8")],
  types: [CLOUDFRONT_DISTRIBUTION],
  check(r) {
    let plain: Set<string> | undefined;
    const plainOnce = () => (plain ??= plainHttpOrigins(r.props));
    const origins = asList(r.props.origins);
    return findingsOf(
      origins.map((o, i) => () => originFindings(o, i, plainOnce)),
      "an origin",
    );
  },
});
