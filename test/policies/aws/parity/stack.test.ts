import { eventbridgeBusPolicyNotPublic } from "../../../../policies/aws/parity/messaging/eventbridge-bus-policy-not-public";
import { sqsDeadLetterQueue } from "../../../../policies/aws/parity/messaging/sqs-dead-letter-queue";
import { messagingTlsOnly } from "../../../../policies/aws/parity/messaging/tls-only";
import { s3AccessLogs } from "../../../../policies/aws/parity/s3/access-logs";
import { secretRotation } from "../../../../policies/aws/parity/secretsmanager/rotation";
import { describePolicyTable, unknown, urnOf } from "../../harness";

const SECRET = "aws:secretsmanager/secret:Secret";
const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
const secret = {
  type: SECRET,
  name: "db",
  props: { name: "db", arn: "arn:aws:secretsmanager:us-east-1:1:secret:db-AbC" },
};

describePolicyTable(secretRotation, {
  base: [
    secret,
    {
      type: ROTATION,
      name: "rot",
      props: {
        secretId: "arn:aws:secretsmanager:us-east-1:1:secret:db-AbC",
        rotationRules: { automaticallyAfterDays: 30 },
      },
    },
  ],
  pass: [
    {
      name: "by dependency",
      stack: () => [
        secret,
        { type: ROTATION, name: "rot", props: { secretId: unknown }, dependencies: [urnOf(SECRET, "db")] },
      ],
    },
  ],
  fail: [
    {
      name: "no rotation",
      stack: () => [secret],
      expect: /secret "db" never rotates/,
      urn: urnOf(SECRET, "db"),
      count: 1,
    },
    {
      name: "rotation of another secret",
      stack: (b) => [b[0], { ...b[1], props: { secretId: "arn:other" } }],
      expect: /never rotates/,
    },
    {
      name: "rotation disabled",
      stack: (b) => [b[0], { ...b[1], props: { ...b[1].props, rotationEnabled: false } }],
      expect: /never rotates/,
    },
  ],
  unknown: [
    {
      name: "secretId unknown",
      stack: () => [secret, { type: ROTATION, name: "rot", props: { secretId: unknown } }],
    },
  ],
});

const TOPIC = "aws:sns/topic:Topic";
const QUEUE = "aws:sqs/queue:Queue";
const deny = (action: string) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Deny",
      Principal: "*",
      Action: action,
      Resource: "*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});

describePolicyTable(messagingTlsOnly, {
  base: [{ type: TOPIC, name: "t", props: { policy: JSON.stringify(deny("sns:Publish")) } }],
  pass: [
    {
      name: "object policy on a queue",
      stack: () => [{ type: QUEUE, name: "q", props: { policy: deny("sqs:*") } }],
    },
    {
      name: "separate topic policy by dependency",
      stack: () => [
        { type: TOPIC, name: "t", props: {} },
        {
          type: "aws:sns/topicPolicy:TopicPolicy",
          name: "tp",
          props: { arn: unknown, policy: JSON.stringify(deny("sns:Publish")) },
          dependencies: [urnOf(TOPIC, "t")],
        },
      ],
    },
    {
      name: "AWS principal star",
      stack: () => [
        {
          type: QUEUE,
          name: "q",
          props: { policy: { Statement: { ...deny("sqs:*").Statement[0], Principal: { AWS: "*" } } } },
        },
      ],
    },
  ],
  fail: [
    {
      name: "topic without a policy",
      stack: () => [{ type: TOPIC, name: "t", props: {} }],
      expect: /topic "t" accepts requests without TLS/,
      urn: urnOf(TOPIC, "t"),
      count: 1,
    },
    {
      name: "queue with an allow only",
      stack: () => [
        {
          type: QUEUE,
          name: "q",
          props: {
            policy: {
              Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "sqs:*" }],
            },
          },
        },
      ],
      expect: /queue "q"/,
    },
    {
      name: "queue policy for another queue",
      stack: () => [
        { type: QUEUE, name: "q", props: { id: "https://sqs/1/q" } },
        {
          type: "aws:sqs/queuePolicy:QueuePolicy",
          name: "qp",
          props: { queueUrl: "https://sqs/1/other", policy: deny("sqs:*") },
        },
      ],
      expect: /queue "q"/,
    },
  ],
  unknown: [
    { name: "policy unknown", stack: () => [{ type: TOPIC, name: "t", props: { policy: unknown } }] },
    {
      name: "a statement's condition unknown (object document)",
      stack: () => [
        {
          type: QUEUE,
          name: "q",
          props: { policy: { Statement: [{ ...deny("sqs:*").Statement[0], Condition: unknown }] } },
        },
      ],
    },
  ],
});

describePolicyTable(sqsDeadLetterQueue, {
  base: [
    {
      type: QUEUE,
      name: "work",
      props: {
        redrivePolicy: JSON.stringify({
          deadLetterTargetArn: "arn:aws:sqs:us-east-1:1:work-dlq",
          maxReceiveCount: 5,
        }),
      },
    },
    { type: QUEUE, name: "work-dlq", props: { arn: "arn:aws:sqs:us-east-1:1:work-dlq" } },
  ],
  pass: [
    {
      name: "dlq by dependency",
      stack: () => [
        {
          type: QUEUE,
          name: "work",
          props: {
            redrivePolicy: JSON.stringify({
              deadLetterTargetArn: "arn:aws:sqs:us-east-1:1:renamed",
              maxReceiveCount: 5,
            }),
          },
          dependencies: [urnOf(QUEUE, "work-dlq")],
        },
        { type: QUEUE, name: "work-dlq", props: {} },
      ],
    },
    {
      name: "redrive allow policy",
      stack: () => [
        {
          type: QUEUE,
          name: "dlq",
          props: { redriveAllowPolicy: JSON.stringify({ redrivePermission: "allowAll" }) },
        },
      ],
    },
  ],
  fail: [
    {
      name: "lone queue",
      stack: () => [{ type: QUEUE, name: "q", props: {} }],
      expect: /queue "q" has no dead-letter queue and is none/,
      count: 1,
    },
    {
      name: "dlq named elsewhere",
      stack: (b) => [b[0], { ...b[1], name: "spare", props: { arn: "arn:aws:sqs:us-east-1:1:other" } }],
      expect: /queue "spare"/,
      count: 1,
    },
  ],
  unknown: [
    { name: "redrive unknown", stack: () => [{ type: QUEUE, name: "q", props: { redrivePolicy: unknown } }] },
  ],
});

const BUCKET = "aws:s3/bucket:Bucket";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
describePolicyTable(s3AccessLogs, {
  base: [
    { type: BUCKET, name: "data", props: { bucket: "data" } },
    { type: BUCKET, name: "logs", props: { bucket: "logs" } },
    {
      type: LOGGING,
      name: "data-logging",
      props: { bucket: "data", targetBucket: "logs", targetPrefix: "data/" },
    },
  ],
  pass: [
    {
      name: "inline logging",
      stack: () => [{ type: BUCKET, name: "d", props: { logging: { targetBucket: "elsewhere" } } }],
    },
    {
      name: "V2 logging by dependency",
      stack: () => [
        { type: BUCKET, name: "data", props: {} },
        {
          type: "aws:s3/bucketLoggingV2:BucketLoggingV2",
          name: "l",
          props: { bucket: unknown, targetBucket: "central-logs" },
          dependencies: [urnOf(BUCKET, "data")],
        },
      ],
    },
  ],
  fail: [
    {
      name: "no logging",
      stack: (b) => [b[0]],
      expect: /bucket "data" writes no server access log/,
      urn: urnOf(BUCKET, "data"),
      count: 1,
    },
    {
      name: "logging for another bucket",
      stack: (b) => [b[0], b[1], { ...b[2], props: { bucket: "other", targetBucket: "logs" } }],
      expect: /bucket "data"/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "inline logging unknown",
      stack: () => [{ type: BUCKET, name: "d", props: { logging: unknown } }],
    },
  ],
});

describePolicyTable(eventbridgeBusPolicyNotPublic, {
  base: {
    type: "aws:cloudwatch/eventBusPolicy:EventBusPolicy",
    props: {
      eventBusName: "b",
      policy: JSON.stringify({
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::2:root" },
            Action: "events:PutEvents",
            Resource: "*",
          },
        ],
      }),
    },
  },
  pass: [
    {
      name: "org-pinned star",
      patch: {
        policy: {
          Statement: [
            {
              Effect: "Allow",
              Principal: "*",
              Action: "events:PutEvents",
              Resource: "*",
              Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } },
            },
          ],
        },
      },
    },
    {
      name: "permission for an account",
      fixture: {
        type: "aws:cloudwatch/eventPermission:EventPermission",
        props: { principal: "222233334444", statementId: "s" },
      },
    },
    {
      name: "star permission with org condition",
      fixture: {
        type: "aws:cloudwatch/eventPermission:EventPermission",
        props: {
          principal: "*",
          statementId: "s",
          condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: "o-1" },
        },
      },
    },
  ],
  fail: [
    {
      name: "public statement",
      patch: {
        policy: JSON.stringify({
          Statement: [{ Effect: "Allow", Principal: "*", Action: "events:PutEvents", Resource: "*" }],
        }),
      },
      expect: /policy statement 0/,
      count: 1,
    },
    {
      name: "star permission",
      fixture: {
        type: "aws:cloudwatch/eventPermission:EventPermission",
        props: { principal: "*", statementId: "s" },
      },
      expect: /principal is "\*" without a condition/,
    },
  ],
  unknown: [{ name: "policy unknown", patch: { policy: unknown } }],
});
