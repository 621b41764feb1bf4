/**
 * SNS topics encrypt messages with a KMS key. Without `kmsMasterKeyId` SNS
 * stores messages unencrypted; advisory, since a topic often carries only
 * notifications.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { keyKind } from "../../lib/classification";

export const SNS_TOPIC = "aws:sns/topic:Topic";

export const snsTopicKms = defineResourcePolicy({
  name: "aws-sns-topic-kms",
  description: "SNS topics encrypt messages at rest with a KMS key.",
  category: "storage",
  severity: "low",
  defaultLevel: "advisory",
  securitySet: false,
  remediation: [
    "Set `kmsMasterKeyId` on the topic: `alias/aws/sns` for the AWS managed key, or a customer managed key's ARN.",
    "With a customer managed key, let the publishing services (CloudWatch, EventBridge, S3) use it in the key policy.",
  ],
  frameworks: [awsFsbp("SNS.1")],
  types: [SNS_TOPIC],
  check: (r) =>
    keyKind(() => r.props.kmsMasterKeyId) === "none"
      ? [
          {
            message:
              "kmsMasterKeyId is unset, so messages are stored unencrypted; set kmsMasterKeyId to alias/aws/sns or a customer managed key",
          },
        ]
      : [],
});
