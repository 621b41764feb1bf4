import { ebsVolumeEncrypted } from "../../../policies/aws/ebs-volume-encrypted";
import { describePolicyTable, unknown } from "../harness";

describePolicyTable(ebsVolumeEncrypted, {
  base: {
    type: "aws:ebs/volume:Volume",
    props: { availabilityZone: "us-east-1a", size: 100, type: "gp3", encrypted: true },
  },
  pass: [
    {
      name: "with a customer managed KMS key",
      patch: { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc" },
    },
    { name: "encrypted as the string true", patch: { encrypted: "true" } },
    {
      name: "another resource type is not checked",
      fixture: { type: "aws:s3/bucket:Bucket", props: { bucket: "b" } },
    },
  ],
  fail: [
    {
      name: "encrypted unset counts as unencrypted",
      patch: { encrypted: undefined },
      expect: /is unset/,
      count: 1,
    },
    { name: "encrypted false", patch: { encrypted: false }, expect: /is false/, count: 1 },
    {
      name: "at level advisory when pack config says so",
      patch: { encrypted: false },
      expect: /is false/,
      options: { config: { enforcementLevel: "advisory" } },
    },
  ],
  unknown: [{ name: "encrypted unknown at preview", patch: { encrypted: unknown } }],
});
