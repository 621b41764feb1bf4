import { snsTopicPolicyNotPublic } from "../../../../policies/aws/resource-policies/sns-topic-policy-not-public";
import { describePolicyTable } from "../../harness";
import { ACCOUNT, type Holder, standardRows } from "./fixtures";

const holders: Holder[] = [
  ["aws.sns.Topic", (policy) => ({ type: "aws:sns/topic:Topic", props: { name: "t", policy } })],
  [
    "aws.sns.TopicPolicy",
    (policy) => ({
      type: "aws:sns/topicPolicy:TopicPolicy",
      props: { arn: `arn:aws:sns:us-east-1:${ACCOUNT}:t`, policy },
    }),
  ],
];
const rows = standardRows(holders, "sns:Publish");
const topic = holders[0][1];

/** The policy AWS gives a new topic: "*" pinned by AWS:SourceOwner. */
const DEFAULT_TOPIC_POLICY = {
  Version: "2008-10-17",
  Id: "__default_policy_ID",
  Statement: [
    {
      Sid: "__default_statement_ID",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: ["SNS:GetTopicAttributes", "SNS:Subscribe", "SNS:Publish"],
      Resource: `arn:aws:sns:us-east-1:${ACCOUNT}:t`,
      Condition: { StringEquals: { "AWS:SourceOwner": ACCOUNT } },
    },
  ],
};

describePolicyTable(snsTopicPolicyNotPublic, {
  base: topic(JSON.stringify(DEFAULT_TOPIC_POLICY)),
  pass: [
    ...rows.pass,
    { name: "no policy", fixture: { type: "aws:sns/topic:Topic", props: { name: "t" } } },
    { name: "the default topic policy as an object", fixture: topic(DEFAULT_TOPIC_POLICY) },
  ],
  fail: [
    ...rows.fail,
    {
      name: "the default topic policy with the condition removed",
      fixture: topic({
        ...DEFAULT_TOPIC_POLICY,
        Statement: [{ ...DEFAULT_TOPIC_POLICY.Statement[0], Condition: undefined }],
      }),
      expect:
        /policy statement 0 \(Sid "__default_statement_ID"\): it allows Principal \{"AWS": "\*"\} with no condition; name the principals that use the topic/,
      count: 1,
    },
    {
      name: "the default topic policy with StringLike AWS:SourceOwner *",
      fixture: topic({
        ...DEFAULT_TOPIC_POLICY,
        Statement: [
          { ...DEFAULT_TOPIC_POLICY.Statement[0], Condition: { StringLike: { "AWS:SourceOwner": "*" } } },
        ],
      }),
      expect: /StringLike AWS:SourceOwner: value "\*" matches anyone\)/,
      count: 1,
    },
  ],
  unknown: rows.unknown,
});
