/**
 * The shared log-group helper: every log group a Paved component creates is
 * encrypted with a customer-managed KMS key and has a retention. Other
 * components call `createEncryptedLogGroup(...)` with `{ parent: this }` and
 * `validateLogGroupArgs(...)` in their validation phase.
 *
 * Sources: CloudWatch Logs API Reference, PutRetentionPolicy (the allowed
 * retentionInDays values); CloudWatch Logs User Guide, "Encrypt log data in
 * CloudWatch Logs using AWS KMS" (the key policy must let
 * `logs.<region>.amazonaws.com` use the key, conditioned on the log group ARN;
 * see kms/key-policy.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { ValidationProblem } from "../../core/errors";
import { childName, nameProblem } from "../../core/naming";
import { createManagedKey } from "../kms/key";

/** The retention values CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** The default retention: one year, the common audit minimum. */
export const DEFAULT_LOG_RETENTION_DAYS: LogRetentionDays = 365;

/** Arguments of {@link createEncryptedLogGroup}. */
export interface EncryptedLogGroupArgs {
  /**
   * The log group's name (`/paved/app/web`).
   * @default Pulumi's auto-name from the child name
   */
  readonly logGroupName?: string;
  /**
   * Days to keep events; one of {@link LOG_RETENTION_DAYS}. Never infinite.
   * @default 365
   */
  readonly retentionInDays?: number;
  /**
   * A key whose policy lets CloudWatch Logs use it.
   * @default a new key with rotation on, usable only by CloudWatch Logs of this account and region
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Tags (governance tags from `componentTags`). */
  readonly tags: Record<string, string>;
}

/** Checks a log group's arguments; `arg` prefixes names in messages. */
export function validateLogGroupArgs(
  args: Pick<EncryptedLogGroupArgs, "logGroupName" | "retentionInDays">,
  arg = "logs",
): ValidationProblem[] {
  const p: ValidationProblem[] = [];
  const r = args.retentionInDays;
  if (r !== undefined && !(LOG_RETENTION_DAYS as readonly number[]).includes(r)) {
    p.push({
      arg: `${arg}.retentionInDays`,
      problem: `${String(r)} is not a CloudWatch Logs retention`,
      fix: `use one of ${LOG_RETENTION_DAYS.join(", ")}`,
      code: "PAVED_LOG_RETENTION",
    });
  }
  if (args.logGroupName !== undefined) {
    const bad = nameProblem("logGroup", args.logGroupName, `${arg}.logGroupName`);
    if (bad) p.push(bad);
  }
  return p;
}

/** What {@link createEncryptedLogGroup} created. */
export interface EncryptedLogGroup {
  readonly logGroup: aws.cloudwatch.LogGroup;
  /** The key that encrypts it (created or given). */
  readonly kmsKeyArn: pulumi.Output<string>;
}

/**
 * Creates `<name>-logs` (and `<name>-logs-key` when no key is given). Call
 * {@link validateLogGroupArgs} first.
 */
export function createEncryptedLogGroup(
  name: string,
  args: EncryptedLogGroupArgs,
  opts: pulumi.CustomResourceOptions & { parent: pulumi.Resource },
): EncryptedLogGroup {
  const kmsKeyArn =
    args.kmsKeyArn !== undefined
      ? pulumi.output(args.kmsKeyArn)
      : createManagedKey(
          childName(name, "logs"),
          { description: `Encrypts the log group of ${name}`, uses: [{ kind: "logs" }], tags: args.tags },
          opts,
        ).arn;
  const logGroup = new aws.cloudwatch.LogGroup(
    childName(name, "logs"),
    {
      name: args.logGroupName,
      retentionInDays: args.retentionInDays ?? DEFAULT_LOG_RETENTION_DAYS,
      kmsKeyId: kmsKeyArn,
      tags: args.tags,
    },
    opts,
  );
  return { logGroup, kmsKeyArn };
}
