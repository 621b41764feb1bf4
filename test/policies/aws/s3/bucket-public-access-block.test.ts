import { s3BucketPublicAccessBlock } from "../../../../policies/aws/s3/bucket-public-access-block";
import { Fixture, describePolicyTable, runStackPolicy, unknown, urnOf } from "../../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const ALL_ON = {
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
};
const bucket = (name: string, props: Record<string, unknown> = {}, type = BUCKET): Fixture => ({
  type,
  name,
  props,
});
const block = (name: string, props: Record<string, unknown>, deps: string[] = []): Fixture => ({
  type: PAB,
  name,
  props: { ...ALL_ON, ...props },
  dependencies: deps,
});
const dataUrn = urnOf(BUCKET, "data");

describePolicyTable(s3BucketPublicAccessBlock, {
  base: [bucket("data", { bucket: "acme-data" }), block("data-pab", { bucket: "acme-data" })],
  pass: [
    {
      name: "matched by the bucket's id (mocks)",
      stack: () => [bucket("data", { id: "data-0001", bucket: "data" }), block("p", { bucket: "data-0001" })],
    },
    {
      name: "an auto-named bucket matched by its Pulumi name",
      stack: () => [bucket("data"), block("p", { bucket: "data" })],
    },
    {
      name: "at preview: bucket unknown, dependency recorded",
      stack: () => [bucket("data", { id: unknown }), block("p", { bucket: unknown }, [dataUrn])],
    },
    {
      name: "an account-level block with all four",
      stack: () => [bucket("data"), { type: ACCOUNT, name: "account", props: { ...ALL_ON } }],
    },
    {
      name: "a BucketV2 with its block",
      stack: () => [bucket("v2", { bucket: "acme-v2" }, BUCKET_V2), block("p", { bucket: "acme-v2" })],
    },
    {
      name: "switches as strings",
      stack: () => [
        bucket("data", { bucket: "acme-data" }),
        block("p", { bucket: "acme-data", blockPublicAcls: "true" }),
      ],
    },
    { name: "no bucket", stack: () => [block("p", { bucket: "elsewhere" })] },
  ],
  fail: [
    {
      name: "a bucket without a block",
      stack: (b) => [b[0]],
      expect: /bucket "data" has no public access block; add an aws.s3.BucketPublicAccessBlock/,
      urn: dataUrn,
      count: 1,
    },
    {
      name: "a block on another bucket",
      stack: (b) => [b[0], block("p", { bucket: "acme-other" })],
      expect: /"data" has no public access block/,
      count: 1,
    },
    {
      name: "a block with a switch off",
      stack: (b) => [b[0], block("p", { bucket: "acme-data", restrictPublicBuckets: false })],
      expect: /its public access block "p" leaves restrictPublicBuckets off; set all four switches to true/,
      urn: dataUrn,
      count: 1,
    },
    {
      name: "a block with switches unset",
      stack: (b) => [b[0], { type: PAB, name: "p", props: { bucket: "acme-data", blockPublicAcls: true } }],
      expect: /leaves blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets off/,
    },
    {
      name: "an account block with a switch off does not cover",
      stack: (b) => [b[0], { type: ACCOUNT, name: "a", props: { ...ALL_ON, ignorePublicAcls: false } }],
      expect: /has no public access block/,
    },
    {
      name: "two buckets, one covered",
      stack: (b) => [...b, bucket("logs", { bucket: "acme-logs" }, BUCKET_V2)],
      expect: /bucket "logs" has no public access block/,
      urn: urnOf(BUCKET_V2, "logs"),
      count: 1,
    },
  ],
  unknown: [
    {
      name: "the block's bucket unknown, no dependency",
      stack: (b) => [b[0], block("p", { bucket: unknown })],
    },
    {
      name: "a switch unknown",
      stack: (b) => [b[0], block("p", { bucket: "acme-data", blockPublicPolicy: unknown })],
    },
  ],
});

test("an unknown reference is one advisory note naming the bucket", async () => {
  const vs = await runStackPolicy(s3BucketPublicAccessBlock, [
    bucket("data"),
    block("p", { bucket: unknown }),
  ]);
  expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory", urn: dataUrn })]);
});
