/**
 * Kinesis Data Firehose delivery streams that receive records directly
 * (Direct PUT) encrypt them at rest (`serverSideEncryption.enabled`). A
 * stream fed by a Kinesis data stream or MSK cannot set it: the source
 * encrypts (aws-kinesis-stream-encrypted), so those are skipped.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asRecord, isTrue } from "../../../lib/props";

export const firehoseEncrypted = defineResourcePolicy({
  name: "aws-firehose-encrypted",
  description: "Kinesis Data Firehose delivery streams with a Direct PUT source encrypt records at rest.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `serverSideEncryption: { enabled: true }` (with `keyType: "CUSTOMER_MANAGED_CMK"` and `keyArn` for a key you manage).',
  ],
  frameworks: [awsFsbp("DataFirehose.1"), nist80053("SC-28")],
  types: ["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"],
  check(r) {
    if (asRecord(r.props.kinesisSourceConfiguration) || asRecord(r.props.mskSourceConfiguration)) return [];
    const sse = asRecord(r.props.serverSideEncryption);
    if (isTrue(sse?.enabled)) return [];
    const now =
      sse?.enabled === undefined
        ? "serverSideEncryption.enabled is unset"
        : `serverSideEncryption.enabled is ${quote(sse.enabled)}`;
    return [
      {
        message: `${now}, so buffered records are not encrypted at rest; set serverSideEncryption.enabled to true`,
      },
    ];
  },
});
