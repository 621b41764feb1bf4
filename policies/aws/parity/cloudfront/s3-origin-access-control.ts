/**
 * CloudFront reads S3 bucket origins through origin access control
 * (`originAccessControlId`), so the bucket can stay private and grant only the
 * distribution. A legacy origin access identity (`s3OriginConfig
 * .originAccessIdentity`) is reported too: it lacks SSE-KMS and newer
 * regions. Website endpoints (s3-website) are custom origins and skipped.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";
import { asList, asRecord, asString } from "../../../lib/props";
import type { Finding } from "../../../lib/types";

const S3_REST = /\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com(\.cn)?$/i;

export const cloudfrontS3OriginAccessControl = defineResourcePolicy({
  name: "aws-cloudfront-s3-origin-access-control",
  description: "CloudFront distributions read S3 bucket origins through origin access control.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: without OAC the bucket must be readable some other way, usually publicly.
  securitySet: true,
  remediation: [
    'Create an `aws.cloudfront.OriginAccessControl` (`originAccessControlOriginType: "s3"`, `signingBehavior: "always"`, `signingProtocol: "sigv4"`) and set the origin\'s `originAccessControlId`.',
    "Grant the distribution s3:GetObject in the bucket policy (Condition AWS:SourceArn = the distribution ARN) and remove any origin access identity. Mandatory in prod.",
  ],
  frameworks: [awsFsbp("CloudFront.13")],
  types: ["aws:cloudfront/distribution:Distribution"],
  check(r) {
    const out: Finding[] = [];
    asList(r.props.origins).forEach((o, i) => {
      const origin = asRecord(o);
      const domain = asString(origin?.domainName) ?? "";
      const s3 = asRecord(origin?.s3OriginConfig);
      if (!s3 && !S3_REST.test(domain)) return;
      if (/s3-website/i.test(domain)) return;
      if (!isUnset(origin?.originAccessControlId)) return;
      const oai = !isUnset(s3?.originAccessIdentity);
      out.push({
        message: `origins[${i}] (${domain || "an S3 bucket"}) ${oai ? "uses a legacy origin access identity" : "has no originAccessControlId, so the bucket must be readable without CloudFront's signature"}; set originAccessControlId to an S3 origin access control`,
      });
    });
    return out;
  },
});
