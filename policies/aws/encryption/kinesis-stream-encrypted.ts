/** Kinesis data streams encrypt records at rest with KMS. Unset is `NONE` (the API's default). */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asString } from "../../lib/props";
import { quote } from "./settings";

export const KINESIS_STREAM = "aws:kinesis/stream:Stream";
const FIX = 'set encryptionType: "KMS" with kmsKeyId (alias/aws/kinesis or a customer managed key)';

export const kinesisStreamEncrypted = defineResourcePolicy({
  name: "aws-kinesis-stream-encrypted",
  description: "Kinesis data streams encrypt records at rest with KMS.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `encryptionType: "KMS"` and `kmsKeyId` (`alias/aws/kinesis`, or a customer managed key\'s ARN) on the stream.',
  ],
  frameworks: [awsFsbp("Kinesis.1")],
  types: [KINESIS_STREAM],
  check(r) {
    const raw = r.props.encryptionType;
    const type = asString(raw)?.trim().toUpperCase();
    if (type === "KMS") return [];
    return [
      {
        message:
          raw === undefined || raw === null
            ? `encryptionType is unset, so records are stored unencrypted; ${FIX}`
            : `encryptionType is ${quote(raw)}, so records are stored unencrypted; ${FIX}`,
      },
    ];
  },
});
