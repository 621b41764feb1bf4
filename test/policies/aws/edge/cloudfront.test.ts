import { cloudFrontOriginHttps } from "../../../../policies/aws/edge/cloudfront-origin-https";
import { cloudFrontViewerHttps } from "../../../../policies/aws/edge/cloudfront-viewer-https";
import { cloudFrontViewerTls12 } from "../../../../policies/aws/edge/cloudfront-viewer-tls12";
import { Fixture, describePolicyTable, unknown } from "../../harness";

const CUSTOM = {
  httpPort: 80,
  httpsPort: 443,
  originProtocolPolicy: "https-only",
  originSslProtocols: ["TLSv1.2"],
};
const base: Fixture = {
  type: "aws:cloudfront/distribution:Distribution",
  props: {
    enabled: true,
    origins: [
      { originId: "app", domainName: "app.example.com", customOriginConfig: CUSTOM },
      { originId: "assets", domainName: "assets.s3.amazonaws.com", originAccessControlId: "oac-1" },
    ],
    defaultCacheBehavior: {
      targetOriginId: "app",
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: ["GET", "HEAD"],
      cachedMethods: ["GET", "HEAD"],
    },
    orderedCacheBehaviors: [
      {
        pathPattern: "/static/*",
        targetOriginId: "assets",
        viewerProtocolPolicy: "https-only",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
      },
    ],
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: {
      acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/x",
      sslSupportMethod: "sni-only",
      minimumProtocolVersion: "TLSv1.2_2021",
    },
  },
};
type P = Record<string, unknown> & {
  defaultCacheBehavior: Record<string, unknown>;
  orderedCacheBehaviors: Record<string, unknown>[];
  origins: Record<string, unknown>[];
  viewerCertificate: Record<string, unknown>;
};
const edit = (f: (p: P) => void) => (props: Record<string, unknown>) => {
  f(props as P);
  return props;
};

describePolicyTable(cloudFrontViewerHttps, {
  base,
  pass: [
    { name: "no ordered behaviors", patch: { orderedCacheBehaviors: undefined } },
    {
      name: "https-only default",
      patch: edit((p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "https-only")),
    },
  ],
  fail: [
    {
      name: "allow-all on the default behavior",
      patch: edit((p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all")),
      expect:
        /defaultCacheBehavior has viewerProtocolPolicy "allow-all", which lets viewers use plain HTTP; set it to "redirect-to-https"/,
      count: 1,
    },
    {
      name: "allow-all on an ordered behavior",
      patch: edit((p) => (p.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all")),
      expect: /orderedCacheBehaviors\[0\] \("\/static\/\*"\) has viewerProtocolPolicy "allow-all"/,
      count: 1,
    },
    {
      name: "unset on the default behavior",
      patch: edit((p) => delete p.defaultCacheBehavior.viewerProtocolPolicy),
      expect: /viewerProtocolPolicy unset/,
      count: 1,
    },
    {
      name: "both",
      patch: edit((p) => {
        p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all";
        p.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all";
      }),
      expect: /"allow-all"/,
      count: 2,
    },
  ],
  unknown: [
    {
      name: "the default behavior's policy unknown",
      patch: edit((p) => (p.defaultCacheBehavior.viewerProtocolPolicy = unknown)),
    },
    { name: "ordered behaviors unknown", patch: { orderedCacheBehaviors: unknown } },
  ],
});

describePolicyTable(cloudFrontViewerTls12, {
  base,
  pass: [
    {
      name: "TLSv1.2_2019 (the default floor)",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.2_2019")),
    },
    {
      name: "TLSv1.3_2025",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.3_2025")),
    },
    {
      name: "TLSv1.2_2018 under a lowered floor",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.2_2018")),
      options: { config: { minimumProtocolVersion: "TLSv1.2_2018" } },
    },
  ],
  fail: [
    {
      name: "TLSv1",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1")),
      expect: /minimumProtocolVersion "TLSv1" is older than TLSv1.2_2019; set it to TLSv1.2_2021/,
      count: 1,
    },
    {
      name: "TLSv1_2016",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1_2016")),
      expect: /"TLSv1_2016" is older/,
    },
    {
      name: "TLSv1.1_2016",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016")),
      expect: /"TLSv1.1_2016" is older/,
    },
    {
      name: "SSLv3",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "SSLv3")),
      expect: /"SSLv3" is older/,
    },
    {
      name: "TLSv1.2_2018 below the default floor",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.2_2018")),
      expect: /"TLSv1.2_2018" is older than TLSv1.2_2019/,
    },
    {
      name: "unset with a custom certificate",
      patch: edit((p) => delete p.viewerCertificate.minimumProtocolVersion),
      expect: /is unset, so CloudFront allows TLSv1/,
    },
    {
      name: "an unrecognised value",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = "TLS-modern")),
      expect: /"TLS-modern" is not a known CloudFront protocol version/,
    },
    {
      name: "the default certificate: advisory",
      patch: { viewerCertificate: { cloudfrontDefaultCertificate: true } },
      options: { config: { enforcementLevel: "advisory" } },
      expect: /default \*\.cloudfront\.net certificate, which lets viewers connect with TLSv1/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "minimumProtocolVersion unknown",
      patch: edit((p) => (p.viewerCertificate.minimumProtocolVersion = unknown)),
    },
  ],
});

describePolicyTable(cloudFrontOriginHttps, {
  base,
  pass: [
    {
      name: "match-viewer behind HTTPS-only viewers",
      patch: edit(
        (p) =>
          ((p.origins[0].customOriginConfig as Record<string, unknown>).originProtocolPolicy =
            "match-viewer"),
      ),
    },
    { name: "an S3 origin only", patch: edit((p) => (p.origins = [p.origins[1]])) },
  ],
  fail: [
    {
      name: "http-only",
      patch: edit(
        (p) =>
          ((p.origins[0].customOriginConfig as Record<string, unknown>).originProtocolPolicy = "http-only"),
      ),
      expect:
        /origin 0 \("app"\) has originProtocolPolicy "http-only", so CloudFront fetches from it over plain HTTP; set it to "https-only"/,
      count: 1,
    },
    {
      name: "match-viewer behind an allow-all behavior",
      patch: edit((p) => {
        (p.origins[0].customOriginConfig as Record<string, unknown>).originProtocolPolicy = "match-viewer";
        p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all";
      }),
      expect: /"match-viewer" and a cache behavior with viewerProtocolPolicy "allow-all" targets it/,
      count: 1,
    },
    {
      name: "TLSv1 among the origin protocols",
      patch: edit(
        (p) =>
          ((p.origins[0].customOriginConfig as Record<string, unknown>).originSslProtocols = [
            "TLSv1",
            "TLSv1.1",
            "TLSv1.2",
          ]),
      ),
      expect: /allows TLSv1, TLSv1.1 in originSslProtocols; list only "TLSv1.2"/,
      count: 1,
    },
    {
      name: "SSLv3",
      patch: edit(
        (p) => ((p.origins[0].customOriginConfig as Record<string, unknown>).originSslProtocols = ["SSLv3"]),
      ),
      expect: /allows SSLv3/,
      count: 1,
    },
    {
      name: "originProtocolPolicy unset",
      patch: edit(
        (p) => delete (p.origins[0].customOriginConfig as Record<string, unknown>).originProtocolPolicy,
      ),
      expect: /originProtocolPolicy unset/,
    },
  ],
  unknown: [
    { name: "origins unknown", patch: { origins: unknown } },
    {
      name: "one origin's protocol unknown",
      patch: edit(
        (p) => ((p.origins[0].customOriginConfig as Record<string, unknown>).originProtocolPolicy = unknown),
      ),
    },
  ],
});
