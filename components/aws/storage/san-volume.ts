/**
 * SanVolume: SAN-style EBS block storage with enterprise defaults.
 *
 * - gp3 or io2, always encrypted with a customer-managed KMS key (created with
 *   rotation and a least-privilege policy, or given).
 * - `shared: false` (default): one volume per attachment, each in its
 *   instance's AZ (or one unattached volume in `availabilityZone`).
 * - `shared: true`: one io2 Multi-Attach volume attached to up to 16 Nitro
 *   instances in one AZ. Only for cluster-aware file systems or applications
 *   that coordinate writes (the volume does not).
 * - Snapshots by Data Lifecycle Manager, run by a least-privilege role.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { Problems } from "../../core/errors";
import { resolveGovernance } from "../../core/config";
import { componentTags, Governance } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import {
  configuredPermissionsBoundaryArn,
  PermissionsBoundary,
  resolvePermissionsBoundary,
} from "../iam/boundary";
import { createManagedKey, KeyUseInput, KMS_DELETION_WINDOW } from "../kms/key";
import {
  resolveVolumeSpec,
  validateAttachments,
  validateVolumeSpec,
  VolumeType,
  VOLUME_TYPES,
} from "./limits";
import { CostEstimate, estimateMonthlyCost } from "./pricing";
import {
  buildPolicyDetails,
  dlmRolePolicy,
  dlmTrustPolicy,
  SnapshotSchedule,
  SNAPSHOT_TARGET_TAG,
  validateSnapshotSchedule,
} from "./snapshots";
import { listArg } from "../arg-shape";

const PATTERN = "SanVolume";

/** One instance the volume attaches to. */
export interface SanAttachment {
  /** A short key naming the child resources (`node1`): 1..32 lower-case letters, digits, '-'. */
  readonly name: string;
  /** The EC2 instance id; may come from another resource. */
  readonly instanceId: pulumi.Input<string>;
  /** The instance's availability zone, as a plain value (it decides where the volume is created). */
  readonly availabilityZone: string;
  /** The device name: `/dev/sdf`..`/dev/sdp` or `/dev/xvdf`..`/dev/xvdz`. */
  readonly deviceName: string;
}

/** Arguments of {@link SanVolume}. */
export interface SanVolumeArgs {
  /**
   * The EBS volume type.
   * @default "gp3"
   */
  readonly type?: VolumeType;
  /** Size of each volume in GiB (gp3 1..16,384; io2 4..65,536). */
  readonly sizeGiB: number;
  /**
   * Provisioned IOPS (gp3 3,000..16,000 and at most 500 per GiB above 3,000;
   * io2 100..256,000 and at most 1,000 per GiB).
   * @default 3000
   */
  readonly iops?: number;
  /**
   * Provisioned throughput in MiB/s, gp3 only (125..1,000; at most 0.25 per IOPS).
   * @default 125 for gp3
   */
  readonly throughputMiBps?: number;
  /**
   * io2 Multi-Attach: one volume shared by every attachment (same AZ, at most 16 Nitro instances).
   * @default false (one volume per attachment)
   */
  readonly shared?: boolean;
  /**
   * The AZ of the volume when there are no attachments (and, for a shared volume, the AZ every
   * attachment must be in).
   * @default the attachments' AZ
   */
  readonly availabilityZone?: string;
  /**
   * Instances to attach to, with device names.
   * @default [] (the volume is created unattached)
   */
  readonly attachments?: readonly SanAttachment[];
  /**
   * A customer-managed key to encrypt with. Its policy must let EBS (and the DLM role) use it.
   * @default a new key with rotation on and a least-privilege policy
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /**
   * Days before a created key scheduled for deletion is deleted (7..30).
   * @default 30
   */
  readonly keyDeletionWindowInDays?: number;
  /**
   * The snapshot lifecycle, or `"none"` to manage snapshots elsewhere (AWS Backup).
   * @default daily at 03:00 UTC, 7 kept, tags copied, no cross-Region copy
   */
  readonly snapshots?: SnapshotSchedule<pulumi.Input<string>> | "none";
  /**
   * Take a snapshot when a volume is destroyed.
   * @default true
   */
  readonly finalSnapshot?: boolean;
  /**
   * The permissions boundary of the DLM role (created unless `snapshots` is `"none"`), resolved as
   * LeastPrivilegeRole resolves it: missing is an error; outside prod `{ none: true, justification }`
   * opts out explicitly.
   * @default `{ arn: <stack config paved:permissionsBoundaryArn> }`
   */
  readonly permissionsBoundary?: PermissionsBoundary;
  /** Governance metadata; fields override `paved:*` stack config. @default from stack config */
  readonly governance?: Partial<Governance>;
  /** Extra tags; they win over governance tags. @default {} */
  readonly tags?: Record<string, string>;
}

/** A SanVolume's monthly cost estimate (see pricing.ts). */
export type SanVolumeCost = CostEstimate;

/**
 * EBS gp3/io2 volumes, encrypted with a customer-managed key, attached to
 * instances, with DLM snapshots. Type token `paved:aws:SanVolume`.
 */
export class SanVolume extends pulumi.ComponentResource {
  /** The volume ids, in the order of `attachments` (one id when shared or unattached). */
  readonly volumeIds: pulumi.Output<string[]>;
  /** The ARN of the key that encrypts the volumes (created or given). */
  readonly keyArn: pulumi.Output<string>;
  /** The DLM lifecycle policy id; undefined when `snapshots` is `"none"`. */
  readonly lifecyclePolicyId: pulumi.Output<string | undefined>;
  /** The monthly cost estimate with its breakdown. */
  readonly monthlyCostEstimate: pulumi.Output<SanVolumeCost>;
  /** The volumes. */
  readonly volumes: aws.ebs.Volume[];
  /** The attachments, in the order given. */
  readonly attachments: aws.ec2.VolumeAttachment[];

  constructor(name: string, args: SanVolumeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("paved:aws:SanVolume", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as SanVolumeArgs);
    const problems = new Problems(PATTERN, name);
    const gov = resolveGovernance(problems, args.governance);
    const type: VolumeType = args.type ?? "gp3";
    const shared = args.shared ?? false;
    const attachmentList = listArg(args.attachments, "attachments", "object");
    problems.addAll(attachmentList.problems);
    const attachments = attachmentList.list;
    const spec = { type, sizeGiB: args.sizeGiB, iops: args.iops, throughputMiBps: args.throughputMiBps };
    problems.addAll(validateVolumeSpec(spec));
    if ((VOLUME_TYPES as readonly string[]).includes(type)) {
      problems.addAll(validateAttachments(type, shared, attachments, args.availabilityZone));
    }
    const awsRegion = new pulumi.Config("aws").get("region");
    const snapshots = args.snapshots ?? {};
    if (snapshots !== "none") problems.addAll(validateSnapshotSchedule(snapshots, "snapshots", awsRegion));
    const window = args.keyDeletionWindowInDays;
    if (
      window !== undefined &&
      (!Number.isInteger(window) || window < KMS_DELETION_WINDOW.min || window > KMS_DELETION_WINDOW.max)
    ) {
      problems.add(
        "keyDeletionWindowInDays",
        `${String(window)} is out of range`,
        `use ${KMS_DELETION_WINDOW.min}..${KMS_DELETION_WINDOW.max} days`,
        "PAVED_KMS_DELETION_WINDOW",
      );
    }
    let boundary: string | undefined;
    if (snapshots !== "none") {
      const roleProblem = nameProblem("iamRole", childName(name, "dlm"), "name", { autonamed: true });
      if (roleProblem) problems.addAll([roleProblem]);
      const resolvedBoundary = resolvePermissionsBoundary(args.permissionsBoundary, {
        environment: gov.environment,
        configured: configuredPermissionsBoundaryArn(),
        role: "the DLM snapshot role",
      });
      problems.addAll(resolvedBoundary.problems);
      boundary = resolvedBoundary.arn;
    }
    if ((args as { permissionsBoundaryArn?: unknown }).permissionsBoundaryArn !== undefined) {
      // The earlier argument (a bare ARN): refuse it rather than drop it silently and attach another boundary.
      problems.add(
        "permissionsBoundaryArn",
        "was replaced by permissionsBoundary",
        'use permissionsBoundary: { arn: "<policy-arn>" }',
        "PAVED_IAM_BOUNDARY_INVALID",
      );
    }
    problems.throwIfAny(this);

    const tags = componentTags(gov, PATTERN, args.tags);
    const targetValue = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;

    // 1. The DLM role (trust only), so the key policy can name it.
    let role: aws.iam.Role | undefined;
    if (snapshots !== "none") {
      role = new aws.iam.Role(
        childName(name, "dlm"),
        {
          description: `Data Lifecycle Manager snapshots of SanVolume ${name}`,
          assumeRolePolicy: JSON.stringify(dlmTrustPolicy()),
          permissionsBoundary: boundary,
          tags,
        },
        { parent: this },
      );
    }

    // 2. The key: given, or created for EBS (and the DLM role).
    let keyArn: pulumi.Output<string>;
    if (args.kmsKeyArn !== undefined) {
      keyArn = pulumi.output(args.kmsKeyArn);
    } else {
      const uses: KeyUseInput[] = [{ kind: "ebs" }];
      if (role) uses.push({ kind: "role", sid: "DlmRole", roleArn: role.arn });
      keyArn = createManagedKey(
        name,
        {
          description: `Encrypts the EBS volumes and snapshots of SanVolume ${name}`,
          uses,
          tags,
          deletionWindowInDays: window,
        },
        { parent: this },
      ).arn;
    }

    // 3. The role's permissions, now that the keys are known.
    let rolePolicy: aws.iam.RolePolicy | undefined;
    if (role && snapshots !== "none") {
      const copies = snapshots.crossRegionCopies ?? [];
      rolePolicy = new aws.iam.RolePolicy(
        childName(name, "dlm"),
        {
          role: role.id,
          policy: pulumi
            .all([partition, keyArn, pulumi.all(copies.map((c) => pulumi.output(c.kmsKeyArn)))])
            .apply(([part, key, copyKeys]) =>
              JSON.stringify(
                dlmRolePolicy({
                  partition: part,
                  targetValue,
                  keyArns: [key, ...copyKeys],
                  crossRegion: copies.length > 0,
                }),
              ),
            ),
        },
        { parent: this },
      );
    }

    // 4. The volumes and attachments.
    const resolved = resolveVolumeSpec(spec);
    const volumeArgs = (az: string, nameTag: string): aws.ebs.VolumeArgs => ({
      availabilityZone: az,
      type,
      size: resolved.sizeGiB,
      iops: resolved.iops,
      throughput: resolved.throughputMiBps,
      encrypted: true,
      kmsKeyId: keyArn,
      multiAttachEnabled: shared ? true : undefined,
      finalSnapshot: args.finalSnapshot ?? true,
      tags: { ...tags, Name: nameTag, [SNAPSHOT_TARGET_TAG]: targetValue },
    });
    this.volumes = [];
    this.attachments = [];
    const attach = (att: SanAttachment, volume: aws.ebs.Volume) =>
      this.attachments.push(
        new aws.ec2.VolumeAttachment(
          childName(name, "att", att.name),
          { instanceId: att.instanceId, volumeId: volume.id, deviceName: att.deviceName },
          { parent: this },
        ),
      );
    if (shared || attachments.length === 0) {
      const az = args.availabilityZone ?? attachments[0].availabilityZone;
      const volume = new aws.ebs.Volume(childName(name, "vol"), volumeArgs(az, name), { parent: this });
      this.volumes.push(volume);
      for (const att of attachments) attach(att, volume);
    } else {
      for (const att of attachments) {
        const volume = new aws.ebs.Volume(
          childName(name, "vol", att.name),
          volumeArgs(att.availabilityZone, `${name}-${att.name}`),
          { parent: this },
        );
        this.volumes.push(volume);
        attach(att, volume);
      }
    }

    // 5. The snapshot lifecycle.
    let lifecyclePolicyId: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (role && snapshots !== "none") {
      const policy = new aws.dlm.LifecyclePolicy(
        childName(name, "snapshots"),
        {
          description: `Snapshots of SanVolume ${name}`,
          executionRoleArn: role.arn,
          state: "ENABLED",
          policyDetails: buildPolicyDetails(targetValue, snapshots),
          tags,
        },
        { parent: this, dependsOn: rolePolicy ? [rolePolicy] : [] },
      );
      lifecyclePolicyId = policy.id;
    }

    const region = aws.getRegionOutput({}, { parent: this }).region;
    this.volumeIds = pulumi.all(this.volumes.map((v) => v.id));
    this.keyArn = keyArn;
    this.lifecyclePolicyId = lifecyclePolicyId;
    this.monthlyCostEstimate = region.apply((r) => estimateMonthlyCost(resolved, r, this.volumes.length));
    this.registerOutputs({
      volumeIds: this.volumeIds,
      keyArn: this.keyArn,
      lifecyclePolicyId: this.lifecyclePolicyId,
      monthlyCostEstimate: this.monthlyCostEstimate,
    });
  }
}
