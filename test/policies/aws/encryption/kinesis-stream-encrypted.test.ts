import { kinesisStreamEncrypted } from "../../../../policies/aws/encryption/kinesis-stream-encrypted";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(kinesisStreamEncrypted, {
  base: {
    type: "aws:kinesis/stream:Stream",
    props: { shardCount: 1, encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" },
  },
  pass: [
    { name: "lower-case kms", patch: { encryptionType: "kms" } },
    { name: "a customer key", patch: { kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k" } },
  ],
  fail: [
    {
      name: "encryptionType unset (NONE by default)",
      patch: { encryptionType: undefined, kmsKeyId: undefined },
      expect: /encryptionType is unset, so records are stored unencrypted; set encryptionType: "KMS"/,
      count: 1,
    },
    { name: "encryptionType NONE", patch: { encryptionType: "NONE" }, expect: /encryptionType is "NONE"/ },
  ],
  unknown: [{ name: "encryptionType unknown", patch: { encryptionType: unknown } }],
});
