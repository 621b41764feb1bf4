import { sqsQueuePolicyNotPublic } from "../../../../policies/aws/resource-policies/sqs-queue-policy-not-public";
import { describePolicyTable } from "../../harness";
import { ACCOUNT, type Holder, allow, doc, standardRows } from "./fixtures";

const holders: Holder[] = [
  ["aws.sqs.Queue", (policy) => ({ type: "aws:sqs/queue:Queue", props: { name: "q", policy } })],
  [
    "aws.sqs.QueuePolicy",
    (policy) => ({ type: "aws:sqs/queuePolicy:QueuePolicy", props: { queueUrl: "https://sqs/q", policy } }),
  ],
];
const rows = standardRows(holders, "sqs:SendMessage");
const queue = holders[0][1];

describePolicyTable(sqsQueuePolicyNotPublic, {
  base: queue(
    JSON.stringify(
      doc(
        allow({ Service: "sns.amazonaws.com" }, "sqs:SendMessage", {
          Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:sns:us-east-1:${ACCOUNT}:t` } },
        }),
      ),
    ),
  ),
  pass: [
    ...rows.pass,
    { name: "no policy", fixture: { type: "aws:sqs/queue:Queue", props: { name: "q" } } },
    {
      name: "the SNS fan-out pattern: * with ArnEquals aws:SourceArn of the topic",
      fixture: queue(
        doc(
          allow("*", "sqs:SendMessage", {
            Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:sns:us-east-1:${ACCOUNT}:t` } },
          }),
        ),
      ),
    },
  ],
  fail: [
    ...rows.fail,
    {
      name: '"*" with ArnNotEquals aws:SourceArn',
      fixture: queue(
        doc(
          allow("*", "sqs:SendMessage", {
            Condition: { ArnNotEquals: { "aws:SourceArn": `arn:aws:sns:us-east-1:${ACCOUNT}:t` } },
          }),
        ),
      ),
      expect:
        /ArnNotEquals aws:SourceArn: a negated operator lets every other caller in\); name the principals that use the queue/,
      count: 1,
    },
    {
      name: '"*" with a * among the aws:SourceAccount values',
      fixture: queue(
        doc(allow("*", "sqs:*", { Condition: { StringEquals: { "aws:SourceAccount": [ACCOUNT, "*"] } } })),
      ),
      expect: /value "\*" matches anyone/,
      count: 1,
    },
  ],
  unknown: rows.unknown,
});
