/**
 * S3 buckets write server access logs: inline `logging` with a
 * `targetBucket`, or an `aws.s3.BucketLogging` (or BucketLoggingV2) that names
 * the bucket. A bucket that receives access logs (another logging's
 * `targetBucket` names it) is exempt: logging it would log its own writes.
 */
import { defineStackPolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { isUnset, readInput, refersTo } from "../../../lib/parity";
import { asRecord } from "../../../lib/props";
import type { Finding } from "../../../lib/types";
import { BUCKET_TYPES } from "../../s3/types";
import { ofType } from "../../../lib/stack-index";

const LOGGING = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];

export const s3AccessLogs = defineStackPolicy({
  name: "aws-s3-access-logs",
  description: "S3 buckets write server access logs to a log bucket.",
  category: "storage",
  severity: "low",
  defaultLevel: "advisory",
  // Hygiene: CloudTrail data events are the audited record of object access
  // where it matters; server access logs add cost and stay advisory.
  securitySet: false,
  remediation: [
    "Add an `aws.s3.BucketLogging` with `bucket: bucket.id`, `targetBucket: logBucket.id` and a `targetPrefix`.",
    "Advisory in every stage: where object access must be audited, CloudTrail data events are the record; access logs are cheaper and best-effort.",
  ],
  frameworks: [awsFsbp("S3.9"), nist80053("AU-12")],
  check(resources) {
    const out: Finding[] = [];
    const loggings = ofType(resources, ...LOGGING);
    const buckets = ofType(resources, ...BUCKET_TYPES);
    // Buckets whose inline logging names a target, read once (not once per bucket: a stack of
    // a thousand buckets made this quadratic).
    const inlineTargets = buckets.flatMap((o) => {
      const t = readInput(() => asRecord(o.props.logging)?.targetBucket);
      if (!t.unknown && isUnset(t.value)) return [];
      return [{ bucket: o, target: t }];
    });
    for (const b of buckets) {
      const inline = readInput(() => asRecord(b.props.logging)?.targetBucket);
      if (!inline.unknown && !isUnset(inline.value)) continue;
      const own = loggings.map((l) => refersTo(l, "bucket", b));
      if (own.includes("yes")) continue;
      const target = [
        ...loggings.map((l) => refersTo(l, "targetBucket", b)),
        ...inlineTargets
          .filter((o) => o.bucket !== b)
          .map(({ bucket: o, target: t }) =>
            t.unknown
              ? ("unknown" as const)
              : refersTo({ ...o, props: { targetBucket: t.value }, dependencies: [] }, "targetBucket", b),
          ),
      ];
      if (target.includes("yes")) continue;
      if (inline.unknown || own.includes("unknown")) {
        out.push({
          urn: b.urn,
          advisory: true,
          message: `bucket "${b.name}": its logging is unknown during preview, so access logging is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: b.urn,
        message: `bucket "${b.name}" writes no server access log: no BucketLogging names it; add an aws.s3.BucketLogging with a targetBucket`,
      });
    }
    return out;
  },
});
