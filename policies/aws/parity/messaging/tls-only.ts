/**
 * SNS topics and SQS queues refuse requests that do not use TLS: a policy
 * (inline `policy`, or an `aws.sns.TopicPolicy` / `aws.sqs.QueuePolicy` that
 * names the topic or queue) has a Deny statement for every principal with
 * `Bool: {"aws:SecureTransport": "false"}`.
 */
import { UNKNOWN_SENTINEL } from "../../../../components/aws/iam/match";
import { defineStackPolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { type Match, isUnset, parseJson, refersTo } from "../../../lib/parity";
import { asList, asRecord, asString, asStrings, peek } from "../../../lib/props";
import { rawProps } from "../../../lib/sdk";
import type { Finding, StackResource } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

const TOPIC = "aws:sns/topic:Topic";
const QUEUE = "aws:sqs/queue:Queue";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";

function everyone(principal: unknown): boolean {
  if (asString(principal)?.trim() === "*") return true;
  return asStrings(asRecord(principal)?.AWS).some((a) => a.trim() === "*");
}

/** True when a statement denies every caller that does not use TLS. */
export function deniesPlainTransport(statement: unknown): boolean {
  const s = asRecord(statement);
  if (!s || asString(s.Effect) !== "Deny" || !everyone(s.Principal)) return false;
  for (const [op, block] of Object.entries(asRecord(s.Condition) ?? {})) {
    if (!/^bool(ifexists)?$/i.test(op)) continue;
    for (const [key, v] of Object.entries(asRecord(block) ?? {})) {
      const values = asList(v).map((x) => String(x).toLowerCase());
      if (
        key.toLowerCase() === "aws:securetransport" &&
        values.length > 0 &&
        values.every((x) => x === "false")
      ) {
        return true;
      }
    }
  }
  return false;
}

/** "yes" / "no" for a policy document, "unknown" when it cannot be read yet. */
function documentDenies(doc: unknown): Match {
  if (isUnset(doc)) return "no";
  const parsed = asRecord(parseJson(doc));
  const pending = (JSON.stringify(doc) ?? "").includes(UNKNOWN_SENTINEL);
  if (!parsed) return pending || typeof doc !== "string" ? "unknown" : "no";
  if (asList(parsed.Statement).some(deniesPlainTransport)) return "yes";
  return pending ? "unknown" : "no";
}

function verdict(target: StackResource, policies: readonly StackResource[], key: string): Match {
  const verdicts: Match[] = [];
  verdicts.push(peek(() => documentDenies(rawProps(target.props).policy)) ?? "unknown");
  for (const p of policies) {
    const m = refersTo(p, key, target);
    if (m === "no") continue;
    const d = peek(() => documentDenies(rawProps(p.props).policy)) ?? "unknown";
    verdicts.push(m === "yes" ? d : d === "yes" ? "unknown" : "no");
  }
  if (verdicts.includes("yes")) return "yes";
  return verdicts.includes("unknown") ? "unknown" : "no";
}

export const messagingTlsOnly = defineStackPolicy({
  name: "aws-messaging-tls-only",
  description:
    "SNS topic and SQS queue policies deny requests that do not use TLS (aws:SecureTransport false).",
  category: "network",
  severity: "medium",
  defaultLevel: "advisory",
  // Advisory like aws-s3-tls-only: AWS SDKs use TLS already; the deny stops a
  // misconfigured client, so it is hygiene rather than a prod gate.
  securitySet: false,
  remediation: [
    'Add to the topic or queue policy: {"Effect": "Deny", "Principal": "*", "Action": "sns:Publish" (or "sqs:*"), "Resource": <arn>, "Condition": {"Bool": {"aws:SecureTransport": "false"}}}.',
    "Advisory in every stage, like aws-s3-tls-only: AWS SDKs use TLS already; the deny stops a misconfigured client.",
  ],
  frameworks: [nist80053("SC-8")],
  check(resources) {
    const out: Finding[] = [];
    const topicPolicies = ofType(resources, TOPIC_POLICY);
    const queuePolicies = ofType(resources, QUEUE_POLICY);
    for (const r of ofType(resources, TOPIC, QUEUE)) {
      const v = r.type === TOPIC ? verdict(r, topicPolicies, "arn") : verdict(r, queuePolicies, "queueUrl");
      if (v === "yes") continue;
      const what = r.type === TOPIC ? `topic "${r.name}"` : `queue "${r.name}"`;
      if (v === "unknown") {
        out.push({
          urn: r.urn,
          advisory: true,
          message: `${what}: its policy is unknown during preview, so TLS-only access is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: r.urn,
        message: `${what} accepts requests without TLS: no policy denies aws:SecureTransport "false"; add a Deny statement for Principal "*" with Condition Bool aws:SecureTransport "false"`,
      });
    }
    return out;
  },
});
