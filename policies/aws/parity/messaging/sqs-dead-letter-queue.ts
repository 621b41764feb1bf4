/**
 * SQS queues either send failed messages to a dead-letter queue
 * (`redrivePolicy`, inline or an `aws.sqs.RedrivePolicy`) or are one (another
 * queue's redrive names them, or they set `redriveAllowPolicy`), so a poison
 * message is kept for inspection instead of retried forever or dropped.
 */
import { defineStackPolicy } from "../../../lib/define";
import { type Match, isUnset, parseJson, readInput, refersTo } from "../../../lib/parity";
import { asRecord, asString, peek } from "../../../lib/props";
import type { Finding, StackResource } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

const QUEUE = "aws:sqs/queue:Queue";
const REDRIVE = "aws:sqs/redrivePolicy:RedrivePolicy";

/** The dead-letter target ARN a redrive policy names ("" when none; undefined when unknown). */
function targetOf(doc: unknown): string | undefined {
  if (isUnset(doc)) return "";
  const parsed = asRecord(parseJson(doc));
  return parsed ? (asString(parsed.deadLetterTargetArn) ?? "") : undefined;
}

function names(source: StackResource, target: StackResource, arn: string | undefined): Match {
  if ((source.dependencies ?? []).some((d) => d.urn === target.urn)) return "yes";
  if (arn === undefined) return "unknown";
  if (arn === "") return "no";
  const fake = { ...source, props: { deadLetterTargetArn: arn }, dependencies: [] };
  return refersTo(fake, "deadLetterTargetArn", target);
}

export const sqsDeadLetterQueue = defineStackPolicy({
  name: "aws-sqs-dead-letter-queue",
  description: "SQS queues have a dead-letter queue, or are one.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Reliability hygiene: advisory in every stage.
  securitySet: false,
  remediation: [
    "Create a second queue as the dead-letter queue and set `redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 })` on the source queue.",
    "Advisory in every stage: a dead-letter queue keeps failed messages for inspection; it protects nothing by itself.",
  ],
  frameworks: [],
  check(resources) {
    const out: Finding[] = [];
    const queues = ofType(resources, QUEUE);
    const redrives = ofType(resources, REDRIVE);
    for (const q of queues) {
      const own = readInput(() => q.props.redrivePolicy);
      const allow = readInput(() => q.props.redriveAllowPolicy);
      if (own.unknown || allow.unknown) {
        out.push({
          urn: q.urn,
          advisory: true,
          message: `queue "${q.name}": its redrivePolicy is unknown during preview, so it is checked again on update`,
        });
        continue;
      }
      if (!isUnset(own.value) || !isUnset(allow.value)) continue;
      if (redrives.some((r) => refersTo(r, "queueUrl", q) === "yes")) continue;
      const asTarget = [
        ...queues
          .filter((o) => o !== q)
          .map((o) =>
            names(
              o,
              q,
              peek(() => targetOf(o.props.redrivePolicy)),
            ),
          ),
        ...redrives.map((r) =>
          names(
            r,
            q,
            peek(() => targetOf(r.props.redrivePolicy)),
          ),
        ),
      ];
      if (asTarget.includes("yes")) continue;
      if (asTarget.includes("unknown")) {
        out.push({
          urn: q.urn,
          advisory: true,
          message: `queue "${q.name}": a redrive target is unknown during preview, so it is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: q.urn,
        message: `queue "${q.name}" has no dead-letter queue and is none; set redrivePolicy with a deadLetterTargetArn (and maxReceiveCount)`,
      });
    }
    return out;
  },
});
