/**
 * Alarm notifications: subscription validation and the topic policy. Pure: no
 * Pulumi.
 *
 * Protocols accepted: email, email-json, https, sqs, lambda, sms. Plain `http`
 * is refused: alarm contents would travel unencrypted. Endpoints given as plain
 * strings are checked; endpoints from other resources (outputs) are taken as given.
 */
import { createHash } from "crypto";
import type { ValidationProblem } from "../../core/errors";

/** Subscription protocols Paved accepts for alarm notifications. */
export const SUBSCRIPTION_PROTOCOLS = ["email", "email-json", "https", "sqs", "lambda", "sms"] as const;
export type SubscriptionProtocol = (typeof SUBSCRIPTION_PROTOCOLS)[number];

/** One subscription; `E` is the type of the endpoint (`pulumi.Input<string>` in components). */
export interface Subscription<E = string> {
  readonly protocol: SubscriptionProtocol;
  /** An address, URL, ARN or phone number, by protocol. */
  readonly endpoint: E;
  /**
   * A key for the child's name. Required when `endpoint` is not a plain string.
   * @default a hash of protocol and endpoint (stable when the list is reordered)
   */
  readonly name?: string;
}

const ENDPOINTS: Readonly<Record<SubscriptionProtocol, { pattern: RegExp; example: string }>> = {
  email: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, example: "oncall@example.com" },
  "email-json": { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, example: "oncall@example.com" },
  https: { pattern: /^https:\/\/[^\s/]+(\/\S*)?$/, example: "https://events.example.com/hook" },
  sqs: {
    pattern: /^arn:aws[\w-]*:sqs:[a-z0-9-]+:\d{12}:[\w-]+(\.fifo)?$/,
    example: "arn:aws:sqs:eu-west-1:123456789012:alerts",
  },
  lambda: {
    pattern: /^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/,
    example: "arn:aws:lambda:eu-west-1:123456789012:function:notify",
  },
  sms: { pattern: /^\+[1-9]\d{6,14}$/, example: "+447700900123 (E.164)" },
};

/** The child key of a subscription: its name, or a short hash of protocol and endpoint. */
export function subscriptionKey(s: Subscription<unknown>): string | undefined {
  if (s.name !== undefined) return s.name;
  if (typeof s.endpoint !== "string") return undefined;
  return createHash("sha256").update(`${s.protocol}:${s.endpoint}`).digest("hex").slice(0, 8);
}

/** Checks protocols, plain endpoints and keys. */
export function validateSubscriptions(
  subs: readonly Subscription<unknown>[],
  arg = "subscriptions",
): ValidationProblem[] {
  const p: ValidationProblem[] = [];
  const keys = new Set<string>();
  subs.forEach((s, i) => {
    const a = `${arg}[${i}]`;
    const protocol = s?.protocol as string;
    if (!(SUBSCRIPTION_PROTOCOLS as readonly string[]).includes(protocol)) {
      p.push({
        arg: `${a}.protocol`,
        problem: `"${String(protocol)}" is not accepted`,
        fix:
          protocol === "http"
            ? "use https: alarm contents must not travel unencrypted"
            : `use one of ${SUBSCRIPTION_PROTOCOLS.join(" | ")}`,
        code: "PAVED_SUBSCRIPTION_PROTOCOL",
      });
      return;
    }
    const rule = ENDPOINTS[protocol as SubscriptionProtocol];
    if (typeof s.endpoint === "string" && !rule.pattern.test(s.endpoint)) {
      p.push({
        arg: `${a}.endpoint`,
        problem: `"${s.endpoint}" is not a valid ${protocol} endpoint`,
        fix: `use an endpoint like ${rule.example}`,
        code: "PAVED_SUBSCRIPTION_ENDPOINT",
      });
    } else if (s.endpoint === undefined || s.endpoint === null) {
      p.push({
        arg: `${a}.endpoint`,
        problem: "is required",
        fix: `use an endpoint like ${rule.example}`,
        code: "PAVED_SUBSCRIPTION_ENDPOINT",
      });
    }
    if (s.name !== undefined && !/^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/.test(s.name)) {
      p.push({
        arg: `${a}.name`,
        problem: `"${s.name}" is not a valid key`,
        fix: "use 1..32 lower-case letters, digits and '-'",
        code: "PAVED_SUBSCRIPTION_NAME",
      });
    }
    const key = subscriptionKey(s);
    if (key === undefined) {
      p.push({
        arg: `${a}.name`,
        problem: "is required when the endpoint comes from another resource",
        fix: "give the subscription a name (a short key such as ops-queue)",
        code: "PAVED_SUBSCRIPTION_NAME",
      });
    } else if (keys.has(key)) {
      p.push({
        arg: a,
        problem: "repeats an earlier subscription",
        fix: "list each endpoint once, or give them distinct names",
        code: "PAVED_SUBSCRIPTION_DUPLICATE",
      });
    }
    if (key !== undefined) keys.add(key);
  });
  return p;
}

/**
 * The alarm topic's policy: CloudWatch alarms of this account may publish;
 * the account may manage the topic; nothing may be published without TLS
 * (the pattern of the SNS Developer Guide's "enforce encryption of data in transit").
 */
export function alarmTopicPolicy(opts: {
  partition: string;
  region: string;
  accountId: string;
  topicArn: string;
}): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowCloudWatchAlarmsToPublish",
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: "sns:Publish",
        Resource: opts.topicArn,
        Condition: {
          StringEquals: { "aws:SourceAccount": opts.accountId },
          ArnLike: {
            "aws:SourceArn": `arn:${opts.partition}:cloudwatch:${opts.region}:${opts.accountId}:alarm:*`,
          },
        },
      },
      {
        Sid: "AllowAccountToManage",
        Effect: "Allow",
        Principal: { AWS: `arn:${opts.partition}:iam::${opts.accountId}:root` },
        Action: [
          "sns:GetTopicAttributes",
          "sns:SetTopicAttributes",
          "sns:AddPermission",
          "sns:RemovePermission",
          "sns:DeleteTopic",
          "sns:Subscribe",
          "sns:ListSubscriptionsByTopic",
          "sns:Publish",
        ],
        Resource: opts.topicArn,
      },
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sns:Publish",
        Resource: opts.topicArn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
}
