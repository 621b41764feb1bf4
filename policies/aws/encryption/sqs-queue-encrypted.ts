/**
 * SQS queues encrypt messages at rest. New queues get SSE-SQS unless
 * `sqsManagedSseEnabled` is explicitly false, so unset passes; false without
 * a KMS key (`kmsMasterKeyId`) leaves messages unencrypted.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { keyKind } from "../../lib/classification";
import { isFalse, quote } from "./settings";

export const SQS_QUEUE = "aws:sqs/queue:Queue";

export const sqsQueueEncrypted = defineResourcePolicy({
  name: "aws-sqs-queue-encrypted",
  description: "SQS queues encrypt messages at rest (SSE-SQS or SSE-KMS).",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove `sqsManagedSseEnabled: false` (SSE-SQS is the default), or set it to true.",
    "For a customer managed key, set `kmsMasterKeyId` to the key's ARN or alias.",
  ],
  frameworks: [awsFsbp("SQS.1")],
  types: [SQS_QUEUE],
  check(r) {
    if (keyKind(() => r.props.kmsMasterKeyId) !== "none") return [];
    const sse = r.props.sqsManagedSseEnabled;
    if (!isFalse(sse)) return [];
    return [
      {
        message: `sqsManagedSseEnabled is ${quote(sse)} and kmsMasterKeyId is unset, so messages are stored unencrypted; remove sqsManagedSseEnabled: false (or set it to true) or set kmsMasterKeyId to a KMS key`,
      },
    ];
  },
});
