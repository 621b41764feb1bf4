import { s3TlsOnly } from "../../../../policies/aws/s3/tls-only";
import { Fixture, describePolicyTable, unknown, urnOf } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const DENY = {
  Sid: "TlsOnly",
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const doc = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
const bucket = (name: string, props: Record<string, unknown> = {}, type = BUCKET): Fixture => ({
  type,
  name,
  props,
});
const bucketPolicy = (props: Record<string, unknown>, deps: string[] = []): Fixture => ({
  type: POLICY,
  name: "bp",
  props,
  dependencies: deps,
});
const dataUrn = urnOf(BUCKET, "data");

describePolicyTable(s3TlsOnly, {
  base: [
    bucket("data", { bucket: "acme-data" }),
    bucketPolicy({ bucket: "acme-data", policy: JSON.stringify(doc(DENY)) }),
  ],
  pass: [
    {
      name: "an object document",
      stack: (b) => [b[0], bucketPolicy({ bucket: "acme-data", policy: doc(DENY) })],
    },
    { name: "inline on the bucket", stack: () => [bucket("data", { policy: JSON.stringify(doc(DENY)) })] },
    {
      name: "inline on a BucketV2",
      stack: () => [bucket("data", { policy: JSON.stringify(doc(DENY)) }, BUCKET_V2)],
    },
    {
      name: 'Principal {AWS: "*"} and Action "*"',
      stack: (b) => [
        b[0],
        bucketPolicy({ bucket: "acme-data", policy: doc({ ...DENY, Principal: { AWS: "*" }, Action: "*" }) }),
      ],
    },
    {
      name: "a TLS version floor",
      stack: (b) => [
        b[0],
        bucketPolicy({
          bucket: "acme-data",
          policy: doc({ ...DENY, Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } }),
        }),
      ],
    },
    {
      name: "matched by dependency at preview",
      stack: () => [bucket("data"), bucketPolicy({ bucket: unknown, policy: doc(DENY) }, [dataUrn])],
    },
    {
      name: "matched by the bucket's id",
      stack: () => [bucket("data", { id: "data-1" }), bucketPolicy({ bucket: "data-1", policy: doc(DENY) })],
    },
  ],
  fail: [
    {
      name: "no bucket policy",
      stack: (b) => [b[0]],
      expect:
        /bucket "data" accepts plain HTTP: no bucket policy denies requests with aws:SecureTransport "false"/,
      urn: dataUrn,
      count: 1,
    },
    {
      name: "the deny is for one action only",
      stack: (b) => [
        b[0],
        bucketPolicy({ bucket: "acme-data", policy: doc({ ...DENY, Action: "s3:GetObject" }) }),
      ],
      expect: /accepts plain HTTP/,
    },
    {
      name: "SecureTransport true is not a deny of HTTP",
      stack: (b) => [
        b[0],
        bucketPolicy({
          bucket: "acme-data",
          policy: doc({ ...DENY, Condition: { Bool: { "aws:SecureTransport": "true" } } }),
        }),
      ],
      expect: /accepts plain HTTP/,
    },
    {
      name: "Allow instead of Deny",
      stack: (b) => [b[0], bucketPolicy({ bucket: "acme-data", policy: doc({ ...DENY, Effect: "Allow" }) })],
      expect: /accepts plain HTTP/,
    },
    {
      name: "the policy is on another bucket",
      stack: (b) => [b[0], bucketPolicy({ bucket: "acme-other", policy: doc(DENY) })],
      expect: /accepts plain HTTP/,
    },
    {
      name: "a named principal only",
      stack: (b) => [
        b[0],
        bucketPolicy({
          bucket: "acme-data",
          policy: doc({ ...DENY, Principal: { AWS: "arn:aws:iam::1:root" } }),
        }),
      ],
      expect: /accepts plain HTTP/,
    },
  ],
  unknown: [
    {
      name: "the policy unknown",
      stack: (b) => [b[0], bucketPolicy({ bucket: "acme-data", policy: unknown })],
    },
    {
      name: "the policy's bucket unknown, no dependency",
      stack: (b) => [b[0], bucketPolicy({ bucket: unknown, policy: doc(DENY) })],
    },
  ],
});
