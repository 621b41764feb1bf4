import { dynamodbPointInTimeRecovery } from "../../../../policies/aws/resilience/dynamodb-point-in-time-recovery";
import { describePolicyTable, unknown } from "../../harness";

const TABLE = "aws:dynamodb/table:Table";
const REPLICA = "aws:dynamodb/tableReplica:TableReplica";

describePolicyTable(dynamodbPointInTimeRecovery, {
  base: {
    type: TABLE,
    props: {
      hashKey: "id",
      attributes: [{ name: "id", type: "S" }],
      billingMode: "PAY_PER_REQUEST",
      pointInTimeRecovery: { enabled: true },
    },
  },
  pass: [
    { name: 'enabled "true"', patch: { pointInTimeRecovery: { enabled: "true" } } },
    {
      name: "with a recovery period",
      patch: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 } },
    },
    {
      name: "a global table replica with PITR",
      fixture: {
        type: REPLICA,
        props: { globalTableArn: "arn:aws:dynamodb:us-east-1:1:table/t", pointInTimeRecovery: true },
      },
    },
  ],
  fail: [
    {
      name: "pointInTimeRecovery unset",
      patch: { pointInTimeRecovery: undefined },
      expect: /pointInTimeRecovery is unset \(off by default\); set pointInTimeRecovery: \{ enabled: true \}/,
      count: 1,
    },
    {
      name: "enabled false",
      patch: { pointInTimeRecovery: { enabled: false } },
      expect: /pointInTimeRecovery.enabled is false/,
    },
    {
      name: "an empty block",
      patch: { pointInTimeRecovery: {} },
      expect: /pointInTimeRecovery.enabled is unset/,
    },
    {
      name: "a replica without PITR",
      fixture: { type: REPLICA, props: { globalTableArn: "arn:aws:dynamodb:us-east-1:1:table/t" } },
      expect: /on the table replica; set pointInTimeRecovery: true/,
    },
    {
      name: "a replica with PITR false",
      fixture: {
        type: REPLICA,
        props: { globalTableArn: "arn:aws:dynamodb:us-east-1:1:table/t", pointInTimeRecovery: false },
      },
      expect: /pointInTimeRecovery is false on the table replica/,
    },
  ],
  unknown: [
    { name: "enabled unknown", patch: { pointInTimeRecovery: { enabled: unknown } } },
    { name: "block unknown", patch: { pointInTimeRecovery: unknown } },
  ],
});
