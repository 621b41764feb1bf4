/**
 * Managed Service for Apache Flink applications take checkpoints, so a
 * restart resumes from the last state instead of reprocessing or losing it:
 * `checkpointConfiguration.configurationType` "DEFAULT" (checkpoints on), or
 * "CUSTOM" with `checkpointingEnabled` true. SQL applications are skipped.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { asRecord, asString, isTrue } from "../../../lib/props";

export const flinkCheckpointing = defineResourcePolicy({
  name: "aws-flink-checkpointing",
  description: "Managed Flink applications have checkpointing enabled.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Reliability hygiene: advisory in every stage.
  securitySet: false,
  remediation: [
    'Set `applicationConfiguration.flinkApplicationConfiguration.checkpointConfiguration: { configurationType: "DEFAULT" }` (or CUSTOM with `checkpointingEnabled: true`).',
    "Advisory in every stage: reliability, not protection.",
  ],
  frameworks: [],
  types: ["aws:kinesisanalyticsv2/application:Application"],
  check(r) {
    if (!(asString(r.props.runtimeEnvironment) ?? "").startsWith("FLINK")) return [];
    const cp = asRecord(
      asRecord(asRecord(r.props.applicationConfiguration)?.flinkApplicationConfiguration)
        ?.checkpointConfiguration,
    );
    const type = asString(cp?.configurationType);
    if (type === undefined || type === "DEFAULT") return [];
    if (isTrue(cp?.checkpointingEnabled)) return [];
    return [
      {
        message:
          "checkpointConfiguration is CUSTOM without checkpointingEnabled true, so a restart loses the application's state; set checkpointingEnabled to true",
      },
    ];
  },
});
