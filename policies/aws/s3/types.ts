/** The S3 resource types the S3 policies read, and where a bucket's policy document sits. Pure. */
import { BUCKET_PAB, ACCOUNT_PAB } from "../s3-public-access-blocked";

export { BUCKET_PAB, ACCOUNT_PAB };
export const BUCKET = "aws:s3/bucket:Bucket";
export const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
/** Both bucket types @pulumi/aws 7 ships (BucketV2 is an alias kept for old programs). */
export const BUCKET_TYPES: readonly string[] = [BUCKET, BUCKET_V2];
export const BUCKET_ACL = "aws:s3/bucketAcl:BucketAcl";
export const BUCKET_ACL_V2 = "aws:s3/bucketAclV2:BucketAclV2";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

/** True for an empty document input (absent, null, ""). */
export function isAbsent(doc: unknown): boolean {
  return doc === undefined || doc === null || doc === "";
}
