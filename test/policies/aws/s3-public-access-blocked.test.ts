import { s3PublicAccessBlocked } from "../../../policies/aws/s3-public-access-blocked";
import { describePolicyTable, unknown } from "../harness";

describePolicyTable(s3PublicAccessBlocked, {
  base: {
    type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    props: {
      bucket: "b",
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
  },
  pass: [
    {
      name: "an account-level block with all four",
      fixture: {
        type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
        props: {
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        },
      },
    },
  ],
  fail: [
    {
      name: "blockPublicAcls false",
      patch: { blockPublicAcls: false },
      expect: /^.*\nblockPublicAcls is not true/,
      count: 1,
    },
    {
      name: "blockPublicPolicy unset",
      patch: { blockPublicPolicy: undefined },
      expect: /blockPublicPolicy is not true/,
    },
    {
      name: "ignorePublicAcls false",
      patch: { ignorePublicAcls: false },
      expect: /ignorePublicAcls is not true/,
    },
    {
      name: "restrictPublicBuckets false",
      patch: { restrictPublicBuckets: false },
      expect: /restrictPublicBuckets is not true/,
    },
    {
      name: "an account block with nothing set lists all four",
      fixture: { type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", props: {} },
      expect: /blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets are not true/,
      count: 1,
    },
  ],
  unknown: [{ name: "a switch unknown", patch: { blockPublicPolicy: unknown } }],
});
