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
import * as aws from "../sdk";
import type { ValidationProblem } from "../../core/errors";
import { childName, nameProblem } from "../../core/naming";
import { createManagedKey } from "../kms/key";
import { DEFAULT_LOG_RETENTION_DAYS, isLogRetention, LOG_RETENTION_DAYS } from "./log-retention";

export { DEFAULT_LOG_RETENTION_DAYS, LOG_RETENTION_DAYS } from "./log-retention";
export type { LogRetentionDays } from "./log-retention";

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
   * @default a new key with rotation on, usable only by CloudWatch Logs of this account and region,
   * for this log group only when `logGroupName` is given
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
  if (r !== undefined && !isLogRetention(r)) {
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
          {
            description: `Encrypts the log group of ${name}`,
            // A named group gets a key only it can use (as the flow logs' key); an auto-named one, any group of the account.
            uses: [
              args.logGroupName === undefined
                ? { kind: "logs" }
                : { kind: "logs", logGroupNames: [args.logGroupName] },
            ],
            tags: args.tags,
          },
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
