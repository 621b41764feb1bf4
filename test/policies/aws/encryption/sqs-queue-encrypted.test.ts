import { sqsQueueEncrypted } from "../../../../policies/aws/encryption/sqs-queue-encrypted";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(sqsQueueEncrypted, {
  base: { type: "aws:sqs/queue:Queue", props: { name: "jobs", sqsManagedSseEnabled: true } },
  pass: [
    { name: "SSE unset (SSE-SQS is the default for new queues)", patch: { sqsManagedSseEnabled: undefined } },
    { name: "a KMS key", patch: { sqsManagedSseEnabled: undefined, kmsMasterKeyId: "alias/aws/sqs" } },
    {
      name: "SSE-SQS off but a KMS key",
      patch: { sqsManagedSseEnabled: false, kmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/k" },
    },
    {
      name: "SSE-SQS off and the key unknown at preview",
      patch: { sqsManagedSseEnabled: false, kmsMasterKeyId: unknown },
    },
  ],
  fail: [
    {
      name: "SSE-SQS explicitly off, no key",
      patch: { sqsManagedSseEnabled: false },
      expect: /sqsManagedSseEnabled is false and kmsMasterKeyId is unset, so messages are stored unencrypted/,
      count: 1,
    },
    {
      name: 'SSE-SQS "false", empty key',
      patch: { sqsManagedSseEnabled: "false", kmsMasterKeyId: "" },
      expect: /"false"/,
    },
  ],
  unknown: [{ name: "SSE flag unknown", patch: { sqsManagedSseEnabled: unknown } }],
});
