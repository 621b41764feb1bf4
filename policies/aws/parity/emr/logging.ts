/**
 * EMR clusters archive their logs to S3 (`logUri`), so step and node logs
 * survive the cluster.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { isUnset } from "../../../lib/parity";

export const emrLogging = defineResourcePolicy({
  name: "aws-emr-logging",
  description: "EMR clusters archive their logs to S3.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Security set: cluster logs are the record of what jobs ran with which data.
  securitySet: true,
  remediation: [
    "Set `logUri` to an S3 location (`s3://<bucket>/emr/`), with `logEncryptionKmsKeyId` for sensitive jobs.",
    "Mandatory in prod: the logs are the record of what ran.",
  ],
  frameworks: [nist80053("AU-12")],
  types: ["aws:emr/cluster:Cluster"],
  check(r) {
    if (!isUnset(r.props.logUri)) return [];
    return [
      {
        message:
          "logUri is unset, so the cluster's logs are lost when it terminates; set logUri to an S3 location",
      },
    ];
  },
});
