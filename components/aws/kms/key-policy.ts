/**
 * Least-privilege KMS key policies, as pure data. No Pulumi here: the same
 * builder serves components (which resolve account, region and ARNs first)
 * and tests.
 *
 * Shape of every policy built here:
 * - The account root may administer the key (create, describe, enable,
 *   disable, tag, schedule deletion...) but is NOT granted `kms:Encrypt` or
 *   `kms:Decrypt`: administration and use are separate duties.
 * - Each use is a separate, conditioned statement (`uses` below).
 *
 * References: AWS KMS Developer Guide, "Default key policy" and "Key policies"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html);
 * EBS encryption "How Amazon EBS uses AWS KMS" (kms:ViaService, kms:CallerAccount);
 * CloudWatch Logs "Encrypt log data in CloudWatch Logs using AWS KMS"
 * (kms:EncryptionContext:aws:logs:arn); CloudWatch "Using Amazon CloudWatch
 * alarms" with encrypted SNS topics; DLM "Permissions for cross-Region copy of
 * encrypted snapshots".
 */

/** One use of a key: who may use it and through what. */
export type KeyUse =
  /** EBS volumes and snapshots, for principals of this account, only through EC2. */
  | { readonly kind: "ebs" }
  /**
   * CloudWatch Logs log groups of this account and region; with
   * `logGroupNames` (`/paved/app/web`), those log groups only. Every `logs`
   * use of a key becomes one statement.
   */
  | { readonly kind: "logs"; readonly logGroupNames?: readonly string[] }
  /** SNS topics that CloudWatch alarms of this account publish to. */
  | { readonly kind: "snsAlarms" }
  /**
   * An IAM role (for example the DLM execution role) that uses the key through
   * EBS and may create grants for AWS resources only.
   */
  | { readonly kind: "role"; readonly roleArn: string; readonly sid: string };

/** The names of the use kinds, for validation of untyped input. */
export const KEY_USE_KINDS = ["ebs", "logs", "snsAlarms", "role"] as const;

/** Where the key lives. */
export interface KeyContext {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
}

/** One IAM policy statement, as KMS key policies use them. */
export interface PolicyStatement {
  Sid: string;
  Effect: "Allow" | "Deny";
  Principal: { AWS?: string; Service?: string };
  Action: string[];
  Resource: "*";
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** A key policy document. */
export interface KeyPolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

/**
 * Administrative actions the account root keeps: everything needed to manage
 * the key's lifecycle and policy, and nothing that encrypts or decrypts data.
 */
export const KEY_ADMIN_ACTIONS: readonly string[] = [
  "kms:Create*",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
];

/** The data actions EBS needs on a volume's key (CreateVolume, AttachVolume, CreateSnapshot, CopySnapshot). */
export const EBS_KEY_ACTIONS: readonly string[] = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:CreateGrant",
  "kms:DescribeKey",
];

/** The actions CloudWatch Logs needs to encrypt a log group. */
export const LOGS_KEY_ACTIONS: readonly string[] = [
  "kms:Encrypt*",
  "kms:Decrypt*",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:Describe*",
];

/** The actions CloudWatch needs to publish an alarm to an SSE-KMS SNS topic. */
export const SNS_ALARM_KEY_ACTIONS: readonly string[] = ["kms:Decrypt", "kms:GenerateDataKey*"];

function rootArn(ctx: KeyContext): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
}

function statementFor(use: KeyUse, ctx: KeyContext): PolicyStatement[] {
  switch (use.kind) {
    case "ebs":
      // The pattern of the AWS-managed aws/ebs key, narrowed: the principal is
      // the account (so an IAM policy must also allow the use), and only calls
      // made through EC2 in this region by this account are accepted.
      return [
        {
          Sid: "AllowUseThroughEbs",
          Effect: "Allow",
          Principal: { AWS: rootArn(ctx) },
          Action: [...EBS_KEY_ACTIONS],
          Resource: "*",
          Condition: {
            StringEquals: {
              "kms:ViaService": `ec2.${ctx.region}.amazonaws.com`,
              "kms:CallerAccount": ctx.accountId,
            },
          },
        },
      ];
    case "logs": {
      const groups = `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:`;
      const named = use.logGroupNames ?? [];
      return [
        {
          Sid: "AllowCloudWatchLogs",
          Effect: "Allow",
          Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
          Action: [...LOGS_KEY_ACTIONS],
          Resource: "*",
          Condition:
            named.length === 0
              ? { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `${groups}*` } }
              : {
                  ArnEquals: {
                    "kms:EncryptionContext:aws:logs:arn":
                      named.length === 1 ? `${groups}${named[0]}` : named.map((n) => `${groups}${n}`),
                  },
                },
        },
      ];
    }
    case "snsAlarms":
      return [
        {
          Sid: "AllowCloudWatchAlarmsToEncryptedTopic",
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: [...SNS_ALARM_KEY_ACTIONS],
          Resource: "*",
          Condition: {
            StringEquals: { "aws:SourceAccount": ctx.accountId },
            ArnLike: {
              "aws:SourceArn": `arn:${ctx.partition}:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:*`,
            },
          },
        },
      ];
    case "role":
      // DLM snapshots and cross-Region copies run as this role through EC2;
      // grants are only for AWS resources (the EBS snapshot), never for people.
      return [
        {
          Sid: `${use.sid}Use`,
          Effect: "Allow",
          Principal: { AWS: use.roleArn },
          Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
          Resource: "*",
        },
        {
          Sid: `${use.sid}Grants`,
          Effect: "Allow",
          Principal: { AWS: use.roleArn },
          Action: ["kms:CreateGrant"],
          Resource: "*",
          Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
      ];
    default: {
      const never: never = use;
      throw new Error(`unknown key use ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Every `logs` use as one (one statement, one Sid): all log groups when any use
 * is unscoped, else the named groups.
 */
function mergedLogsUse(uses: readonly KeyUse[]): Extract<KeyUse, { kind: "logs" }> {
  const logs = uses.filter((u): u is Extract<KeyUse, { kind: "logs" }> => u.kind === "logs");
  if (logs.some((u) => u.logGroupNames === undefined || u.logGroupNames.length === 0))
    return { kind: "logs" };
  return { kind: "logs", logGroupNames: [...new Set(logs.flatMap((u) => u.logGroupNames ?? []))] };
}

/**
 * Builds the key policy: root administration plus one conditioned statement
 * (or pair) per use. Uses are de-duplicated by kind (and role ARN) and emitted
 * in the order given, so the same inputs always give the same document.
 */
export function buildKeyPolicy(ctx: KeyContext, uses: readonly KeyUse[]): KeyPolicyDocument {
  const seen = new Set<string>();
  const statements: PolicyStatement[] = [
    {
      Sid: "AllowAccountRootToAdministerKey",
      Effect: "Allow",
      Principal: { AWS: rootArn(ctx) },
      Action: [...KEY_ADMIN_ACTIONS],
      Resource: "*",
    },
  ];
  for (const use of uses) {
    const id = use.kind === "role" ? `role:${use.roleArn}` : use.kind;
    if (seen.has(id)) continue;
    seen.add(id);
    statements.push(...statementFor(use.kind === "logs" ? mergedLogsUse(uses) : use, ctx));
  }
  return { Version: "2012-10-17", Statement: statements };
}
