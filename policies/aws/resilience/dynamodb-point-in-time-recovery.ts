/**
 * DynamoDB tables (and the replicas of global tables) have point-in-time
 * recovery, so a bad write or delete can be undone to the second. The
 * provider's default is off.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asList, asRecord, isTrue } from "../../lib/props";

export const DYNAMODB_TABLE = "aws:dynamodb/table:Table";
export const DYNAMODB_TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";

export const dynamodbPointInTimeRecovery = defineResourcePolicy({
  name: "aws-dynamodb-point-in-time-recovery",
  description: "DynamoDB tables have point-in-time recovery enabled.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: true,
  remediation: [
    "On an aws.dynamodb.Table, set `pointInTimeRecovery: { enabled: true }`.",
    "On an aws.dynamodb.TableReplica, set `pointInTimeRecovery: true`.",
  ],
  frameworks: [awsFsbp("DynamoDB.2")],
  types: [DYNAMODB_TABLE, DYNAMODB_TABLE_REPLICA],
  check(r) {
    if (r.type === DYNAMODB_TABLE_REPLICA) {
      const v = r.props.pointInTimeRecovery;
      if (isTrue(v)) return [];
      return [
        {
          message: `pointInTimeRecovery is ${v === undefined ? "unset (off by default)" : JSON.stringify(v)} on the table replica; set pointInTimeRecovery: true`,
        },
      ];
    }
    const block = r.props.pointInTimeRecovery;
    const enabled = asRecord(asList(block)[0])?.enabled;
    if (isTrue(enabled)) return [];
    return [
      {
        message:
          block === undefined
            ? "pointInTimeRecovery is unset (off by default); set pointInTimeRecovery: { enabled: true }"
            : `pointInTimeRecovery.enabled is ${enabled === undefined ? "unset" : JSON.stringify(enabled)}; set pointInTimeRecovery: { enabled: true }`,
      },
    ];
  },
});
