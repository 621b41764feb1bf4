/** S3: ACLs, bucket policies, public access blocks, TLS-only access. The pack lists these in docs order. */
import type { PolicyDefinition } from "../../lib/define";
import { s3BucketPublicAccessBlock } from "./bucket-public-access-block";
import { s3NoPublicAcl } from "./no-public-acl";
import { s3NoPublicPolicy } from "./no-public-policy";
import { s3TlsOnly } from "./tls-only";

export const s3Policies: readonly PolicyDefinition[] = [
  s3NoPublicAcl,
  s3NoPublicPolicy,
  s3BucketPublicAccessBlock,
  s3TlsOnly,
];
