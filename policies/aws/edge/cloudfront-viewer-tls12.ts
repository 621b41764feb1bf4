/**
 * CloudFront viewer connections use TLS 1.2 or later: with a custom
 * certificate, `viewerCertificate.minimumProtocolVersion` is at least the
 * configured floor (TLSv1.2_2019 by default; unset is TLSv1). The default
 * *.cloudfront.net certificate always allows TLSv1, whatever the minimum says:
 * that is reported as an advisory note (it cannot be fixed without a domain).
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asRecord, asString, isTrue } from "../../lib/props";
import { CLOUDFRONT_DISTRIBUTION } from "./cloudfront-viewer-https";
import { cloudFrontProtocolRank } from "./tls";

export interface CloudFrontTlsConfig {
  /** The oldest `minimumProtocolVersion` accepted. */
  readonly minimumProtocolVersion: string;
}

const RECOMMENDED = "TLSv1.2_2021";

export const cloudFrontViewerTls12 = defineResourcePolicy<CloudFrontTlsConfig>({
  name: "aws-cloudfront-viewer-tls12",
  description: "CloudFront distributions accept TLS 1.2 or later from viewers.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    `Set \`viewerCertificate.minimumProtocolVersion\` to ${RECOMMENDED} (the floor is this policy's \`minimumProtocolVersion\`).`,
    'Serve the distribution on your own domain with an ACM certificate (`acmCertificateArn`, `sslSupportMethod: "sni-only"`) instead of the default *.cloudfront.net certificate, which allows TLSv1.',
  ],
  frameworks: [awsFsbp("CloudFront.7"), nist80053("SC-8")],
  types: [CLOUDFRONT_DISTRIBUTION],
  configSchema: {
    properties: {
      minimumProtocolVersion: {
        type: "string",
        default: "TLSv1.2_2019",
        description:
          "The oldest viewerCertificate.minimumProtocolVersion accepted (TLSv1.2_2019, TLSv1.2_2021, ...).",
      },
    },
  },
  check(r, ctx) {
    const cert = asRecord(r.props.viewerCertificate) ?? {};
    if (isTrue(cert.cloudfrontDefaultCertificate)) {
      return [
        {
          advisory: true,
          message: `viewerCertificate uses the default *.cloudfront.net certificate, which lets viewers connect with TLSv1; use an ACM certificate with minimumProtocolVersion ${RECOMMENDED}`,
        },
      ];
    }
    const floor = ctx.config.minimumProtocolVersion;
    const floorRank = cloudFrontProtocolRank(floor) ?? cloudFrontProtocolRank("TLSv1.2_2019")!;
    const written = asString(cert.minimumProtocolVersion);
    const version = written ?? "TLSv1";
    const rank = cloudFrontProtocolRank(version);
    if (rank !== undefined && rank >= floorRank) return [];
    const what =
      written === undefined
        ? "viewerCertificate.minimumProtocolVersion is unset, so CloudFront allows TLSv1"
        : rank === undefined
          ? `viewerCertificate.minimumProtocolVersion "${written}" is not a known CloudFront protocol version`
          : `viewerCertificate.minimumProtocolVersion "${written}" is older than ${floor}`;
    return [{ message: `${what}; set it to ${RECOMMENDED}` }];
  },
});
