/**
 * Every S3 bucket in the stack has a public access block with all four
 * switches on (a stack policy: the block is a separate resource). A bucket is
 * covered by an `aws.s3.BucketPublicAccessBlock` whose `bucket` names it (its
 * `bucket` input, its id, or its Pulumi name when auto-named; at preview, a
 * recorded dependency), or by an `aws.s3.AccountPublicAccessBlock` in the
 * stack. The switches of a block itself are checked by
 * aws-s3-public-access-blocked; here a block with a switch off does not cover.
 */
import { defineStackPolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { asString, isTrue, peek } from "../../lib/props";
import type { Finding, StackResource } from "../../lib/types";
import { PAB_SWITCHES } from "../s3-public-access-blocked";
import { namesOf, refersTo } from "./refs";
import { ACCOUNT_PAB, BUCKET_PAB, BUCKET_TYPES } from "./types";
import { ofType } from "../../lib/stack-index";

/** The switches a block leaves off (`undefined` when one is unknown). */
function switchesOff(block: StackResource): string[] | undefined {
  const off: string[] = [];
  for (const k of PAB_SWITCHES) {
    const v = peek(() => isTrue(block.props[k]));
    if (v === undefined) return undefined;
    if (!v) off.push(k);
  }
  return off;
}

export const s3BucketPublicAccessBlock = defineStackPolicy({
  name: "aws-s3-bucket-public-access-block",
  description:
    "Every S3 bucket has a public access block (bucket or account level) with all four switches on.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Add an `aws.s3.BucketPublicAccessBlock` with `bucket: bucket.id` and blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
    "Or manage an `aws.s3.AccountPublicAccessBlock` with all four switches on in the stack.",
  ],
  frameworks: [awsFsbp("S3.8"), awsFsbp("S3.1"), cisAws("2.1.4")],
  check(resources) {
    const out: Finding[] = [];
    const buckets = ofType(resources, ...BUCKET_TYPES);
    if (buckets.length === 0) return out;
    const accounts = ofType(resources, ACCOUNT_PAB).map(switchesOff);
    if (accounts.some((off) => off !== undefined && off.length === 0)) return out;
    const accountUnknown = accounts.includes(undefined);
    const blocks = ofType(resources, BUCKET_PAB);
    const candidates = blockIndex(blocks);
    for (const bucket of buckets) {
      const names = namesOf(bucket, "bucket", "bucketPrefix");
      let unknown = accountUnknown;
      const partial: string[] = [];
      let covered = false;
      for (const block of names.nameUnknown ? blocks : candidates(bucket, names.names)) {
        const m = refersTo(block, "bucket", bucket, names);
        if (m === "no") continue;
        const off = switchesOff(block);
        if (m === "unknown" || off === undefined) unknown = true;
        else if (off.length === 0) covered = true;
        else partial.push(`"${block.name}" leaves ${off.join(", ")} off`);
      }
      if (covered) continue;
      const at = `bucket "${bucket.name}"`;
      if (partial.length > 0) {
        out.push({
          urn: bucket.urn,
          message: `${at}: its public access block ${partial.join("; ")}; set all four switches to true`,
        });
      } else if (unknown) {
        out.push({
          urn: bucket.urn,
          advisory: true,
          message: `${at}: a public access block's bucket or switches are unknown during preview, so coverage is checked again on update`,
        });
      } else {
        out.push({
          urn: bucket.urn,
          message: `${at} has no public access block; add an aws.s3.BucketPublicAccessBlock with bucket set to this bucket's id and all four switches true`,
        });
      }
    }
    return out;
  },
});

/**
 * The blocks that can name a bucket, found by index rather than by trying every block for every
 * bucket (quadratic in a stack of a thousand buckets): those whose `bucket` input is one of the
 * bucket's names, those that depend on it, and those whose `bucket` is not known yet. `refersTo`
 * still decides each; a bucket whose own name is unknown tries them all.
 */
function blockIndex(blocks: readonly StackResource[]) {
  const byValue = new Map<string, StackResource[]>();
  const byDependency = new Map<string, StackResource[]>();
  const unknownValue: StackResource[] = [];
  const add = (m: Map<string, StackResource[]>, k: string, r: StackResource) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const block of blocks) {
    const value = peek(() => asString(block.props.bucket) ?? "");
    if (value === undefined) unknownValue.push(block);
    else if (value !== "") add(byValue, value, block);
    for (const d of block.dependencies ?? []) add(byDependency, d.urn, block);
  }
  return (bucket: StackResource, names: readonly string[]): StackResource[] => {
    const found = new Set<StackResource>(unknownValue);
    for (const n of names) for (const b of byValue.get(n) ?? []) found.add(b);
    for (const b of byDependency.get(bucket.urn) ?? []) found.add(b);
    return [...found];
  };
}
