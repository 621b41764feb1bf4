/**
 * SNS topic policies do not let anyone publish, subscribe or manage the
 * topic: no Allow to a public principal or with NotPrincipal unless a
 * condition pins the caller (the default topic policy's
 * `StringEquals AWS:SourceOwner`, aws:SourceArn, aws:PrincipalOrgID, ...). On
 * the topic's `policy` and on aws.sns.TopicPolicy.
 */
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { publicPolicyCheck } from "./documents";

export const SNS_TOPIC = "aws:sns/topic:Topic";
export const SNS_TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";

export const snsTopicPolicyNotPublic = defineResourcePolicy({
  name: "aws-sns-topic-policy-not-public",
  description:
    "SNS topic policies do not grant access to everyone (a public principal without a condition pinning the caller).",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Name the accounts, roles or services that publish or subscribe in `Principal` (for example `{ Service: "events.amazonaws.com" }`).',
    'If `Principal` must be "*", add a StringEquals AWS:SourceOwner / aws:SourceAccount / aws:PrincipalOrgID or ArnEquals aws:SourceArn condition with concrete values.',
    "Replace Allow + NotPrincipal with the principals you trust.",
  ],
  frameworks: [nist80053("AC-3")],
  types: [SNS_TOPIC, SNS_TOPIC_POLICY],
  check: publicPolicyCheck(
    { [SNS_TOPIC]: ["policy"], [SNS_TOPIC_POLICY]: ["policy"] },
    {
      fix: "name the principals that use the topic, or pin the caller with StringEquals AWS:SourceOwner / aws:PrincipalOrgID or ArnEquals aws:SourceArn",
    },
  ),
});
