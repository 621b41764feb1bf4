/**
 * CloudFront distributions keep access logs: legacy standard logging
 * (`loggingConfig.bucket`) or standard logging v2 (an
 * `aws.cloudwatch.LogDeliverySource` whose `resourceArn` is the
 * distribution). A stack policy, so the v2 resource counts.
 */
import { defineStackPolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isUnset, readInput, refersTo } from "../../../lib/parity";
import { asRecord } from "../../../lib/props";
import type { Finding } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";

export const cloudfrontAccessLogs = defineStackPolicy({
  name: "aws-cloudfront-access-logs",
  description: "CloudFront distributions write access logs (standard logging to S3, or standard logging v2).",
  category: "network",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: the access log is the record of who requested what from a public endpoint.
  securitySet: true,
  remediation: [
    'Set `loggingConfig: { bucket: "<bucket>.s3.amazonaws.com" }` on the distribution (the bucket needs ACLs enabled for the log delivery), or',
    'create an `aws.cloudwatch.LogDeliverySource` with `logType: "ACCESS_LOGS"` and `resourceArn: distribution.arn`, a delivery destination and an `aws.cloudwatch.LogDelivery`.',
    "Mandatory in prod: the access log is the record of who requested what.",
  ],
  frameworks: [nist80053("AU-12")],
  check(resources) {
    const out: Finding[] = [];
    const sources = ofType(resources, SOURCE);
    for (const d of ofType(resources, DISTRIBUTION)) {
      const { value: bucket, unknown: bucketUnknown } = readInput(
        () => asRecord(d.props.loggingConfig)?.bucket,
      );
      if (!bucketUnknown && !isUnset(bucket)) continue;
      const matches = sources.map((s) => refersTo(s, "resourceArn", d));
      if (matches.includes("yes")) continue;
      if (bucketUnknown || matches.includes("unknown")) {
        out.push({
          urn: d.urn,
          advisory: true,
          message: `distribution "${d.name}": its logging is unknown during preview, so access logging is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: d.urn,
        message: `distribution "${d.name}" keeps no access log: loggingConfig.bucket is unset and no log delivery source names it; set loggingConfig.bucket or add a CloudWatch log delivery (ACCESS_LOGS)`,
      });
    }
    return out;
  },
});
