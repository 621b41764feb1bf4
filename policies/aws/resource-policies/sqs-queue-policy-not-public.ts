/**
 * SQS queue policies do not let anyone send, receive or manage messages: no
 * Allow to a public principal or with NotPrincipal unless a condition pins
 * the caller (aws:SourceArn of the SNS topic or S3 bucket that sends,
 * aws:SourceAccount, aws:PrincipalOrgID, ...). On the queue's `policy` and on
 * aws.sqs.QueuePolicy.
 */
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { publicPolicyCheck } from "./documents";

export const SQS_QUEUE = "aws:sqs/queue:Queue";
export const SQS_QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";

export const sqsQueuePolicyNotPublic = defineResourcePolicy({
  name: "aws-sqs-queue-policy-not-public",
  description:
    "SQS queue policies do not grant access to everyone (a public principal without a condition pinning the caller).",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Name the accounts, roles or services that use the queue in `Principal` (for example `{ Service: "sns.amazonaws.com" }`).',
    'If `Principal` must be "*", add an ArnEquals aws:SourceArn (the topic or bucket that sends) or StringEquals aws:SourceAccount / aws:PrincipalOrgID condition with concrete values.',
    "Replace Allow + NotPrincipal with the principals you trust.",
  ],
  frameworks: [nist80053("AC-3")],
  types: [SQS_QUEUE, SQS_QUEUE_POLICY],
  check: publicPolicyCheck(
    { [SQS_QUEUE]: ["policy"], [SQS_QUEUE_POLICY]: ["policy"] },
    {
      fix: "name the principals that use the queue, or pin the caller with ArnEquals aws:SourceArn or StringEquals aws:SourceAccount / aws:PrincipalOrgID",
    },
  ),
});
