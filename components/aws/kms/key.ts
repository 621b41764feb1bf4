/**
 * The shared customer-managed key helper: one KMS key with rotation on, a
 * least-privilege key policy (see key-policy.ts) and an alias. Components call
 * it with `{ parent: this }`; it creates plain children, not a component, so a
 * component's URNs stay flat.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { childName } from "../../core/naming";
import { buildKeyPolicy, KeyUse } from "./key-policy";

/** A key use whose role ARN may come from another resource. */
export type KeyUseInput =
  | { readonly kind: "ebs" }
  | { readonly kind: "logs"; readonly logGroupNames?: readonly string[] }
  | { readonly kind: "snsAlarms" }
  | { readonly kind: "role"; readonly roleArn: pulumi.Input<string>; readonly sid: string };

/** Arguments of {@link createManagedKey}. */
export interface ManagedKeyArgs {
  /** What the key is for; shown in the console. */
  readonly description: string;
  /** Who may use the key, and through what service. Administration stays with the account root. */
  readonly uses: readonly KeyUseInput[];
  /** Tags for the key (governance tags from `componentTags`). */
  readonly tags: Record<string, string>;
  /**
   * Days before a key scheduled for deletion is deleted.
   * @default 30 (the maximum: the longest window to notice a mistake)
   */
  readonly deletionWindowInDays?: number;
}

/** What {@link createManagedKey} created. */
export interface ManagedKey {
  readonly key: aws.kms.Key;
  readonly alias: aws.kms.Alias;
  readonly arn: pulumi.Output<string>;
}

/** Valid range of the KMS deletion window (ScheduleKeyDeletion PendingWindowInDays). */
export const KMS_DELETION_WINDOW = { min: 7, max: 30 } as const;

/**
 * Creates `<name>-key` (aws.kms.Key) and `<name>-key-alias` (aws.kms.Alias,
 * `alias/paved-<name>-...`). Rotation is on (yearly, the KMS default period).
 * Validate `deletionWindowInDays` with {@link KMS_DELETION_WINDOW} first.
 */
export function createManagedKey(
  name: string,
  args: ManagedKeyArgs,
  opts: pulumi.CustomResourceOptions & { parent: pulumi.Resource },
): ManagedKey {
  const invokeOpts = { parent: opts.parent };
  const identity = aws.getCallerIdentityOutput({}, invokeOpts);
  const region = aws.getRegionOutput({}, invokeOpts);
  const partition = aws.getPartitionOutput({}, invokeOpts);
  const roleArns = args.uses.map((u) => (u.kind === "role" ? pulumi.output(u.roleArn) : pulumi.output("")));
  const policy = pulumi
    .all([identity.accountId, region.region, partition.partition, pulumi.all(roleArns)])
    .apply(([accountId, regionName, partitionName, arns]) =>
      JSON.stringify(
        buildKeyPolicy(
          { accountId, region: regionName, partition: partitionName },
          args.uses.map((u, i): KeyUse =>
            u.kind === "role" ? { kind: "role", sid: u.sid, roleArn: arns[i] } : u,
          ),
        ),
      ),
    );
  const key = new aws.kms.Key(
    childName(name, "key"),
    {
      description: args.description,
      enableKeyRotation: true,
      deletionWindowInDays: args.deletionWindowInDays ?? KMS_DELETION_WINDOW.max,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      policy,
      tags: args.tags,
    },
    opts,
  );
  const alias = new aws.kms.Alias(
    childName(name, "key", "alias"),
    { namePrefix: `alias/paved-${name}-`, targetKeyId: key.arn },
    opts,
  );
  return { key, alias, arn: key.arn };
}
