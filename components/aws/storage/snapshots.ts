/**
 * The snapshot lifecycle (Data Lifecycle Manager) plan and its least-privilege
 * execution-role policy. Pure: no Pulumi. ARNs that come from other resources
 * are a type parameter, so the component passes `pulumi.Input<string>` and the
 * tests pass strings.
 *
 * Sources: DLM User Guide "Create a custom policy for EBS snapshots"
 * (https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-ami-policy.html):
 * hourly intervals 1, 2, 3, 4, 6, 8, 12 or 24; one start time `hh:mm` UTC; a
 * count-based retention of 1..1,000; up to 3 cross-Region copy targets per
 * schedule. DLM tags what it creates with `aws:dlm:lifecycle-policy-id`, which
 * the role's delete permission is conditioned on. The AWS managed policy
 * `AWSDataLifecycleManagerServiceRole` grants the same actions on all
 * resources; the inline policy here narrows them to this policy's volumes and
 * DLM-made snapshots.
 */
import type { ValidationProblem } from "../../core/errors";

/** Allowed `interval` values of a DLM create rule, in hours. */
export const DLM_INTERVAL_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;
export type DlmIntervalHours = (typeof DLM_INTERVAL_HOURS)[number];

/** DLM limits used in validation. */
export const DLM_LIMITS = {
  retainCount: { min: 1, max: 1000 },
  maxCrossRegionTargets: 3,
  maxRetainDays: 36_500,
};

/** The tag key DLM targets; its value identifies one SanVolume in one stack. */
export const SNAPSHOT_TARGET_TAG = "paved:snapshot-policy";

/** A cross-Region copy of each snapshot. */
export interface CrossRegionCopy<A = string> {
  /** The target region, for example `eu-central-1`. */
  readonly region: string;
  /** The customer-managed key in the target region that encrypts the copies. */
  readonly kmsKeyArn: A;
  /**
   * Days the copies are kept in the target region.
   * @default 7
   */
  readonly retainDays?: number;
}

/** The snapshot schedule. */
export interface SnapshotSchedule<A = string> {
  /**
   * Hours between snapshots.
   * @default 24
   */
  readonly intervalHours?: DlmIntervalHours;
  /**
   * Start time, `hh:mm` UTC.
   * @default "03:00"
   */
  readonly time?: string;
  /**
   * How many snapshots to keep.
   * @default 7
   */
  readonly retainCount?: number;
  /**
   * Copy the volume's tags to its snapshots (and to cross-Region copies).
   * @default true
   */
  readonly copyTags?: boolean;
  /**
   * Cross-Region copies, always encrypted with the given key.
   * @default [] (no copies)
   */
  readonly crossRegionCopies?: readonly CrossRegionCopy<A>[];
}

/** Checks a schedule. `sourceRegion` is the stack's region when known (a copy to it is refused). */
export function validateSnapshotSchedule<A>(
  s: SnapshotSchedule<A>,
  arg = "snapshots",
  sourceRegion?: string,
): ValidationProblem[] {
  if (typeof s !== "object" || s === null || Array.isArray(s)) {
    return [
      {
        arg,
        problem: `${JSON.stringify(s)} is not a snapshot schedule`,
        fix: 'give a schedule ({} for the defaults), or "none" to manage snapshots elsewhere',
        code: "PAVED_SNAPSHOT_SCHEDULE_INVALID",
      },
    ];
  }
  const p: ValidationProblem[] = [];
  if (s.intervalHours !== undefined && !(DLM_INTERVAL_HOURS as readonly number[]).includes(s.intervalHours)) {
    p.push({
      arg: `${arg}.intervalHours`,
      problem: `${String(s.intervalHours)} is not a DLM interval`,
      fix: `use one of ${DLM_INTERVAL_HOURS.join(", ")}`,
      code: "PAVED_SNAPSHOT_INTERVAL",
    });
  }
  if (s.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(s.time)) {
    p.push({
      arg: `${arg}.time`,
      problem: `"${s.time}" is not a time`,
      fix: "use hh:mm in UTC, for example 03:00",
      code: "PAVED_SNAPSHOT_TIME",
    });
  }
  const rc = s.retainCount;
  if (
    rc !== undefined &&
    (!Number.isInteger(rc) || rc < DLM_LIMITS.retainCount.min || rc > DLM_LIMITS.retainCount.max)
  ) {
    p.push({
      arg: `${arg}.retainCount`,
      problem: `${String(rc)} is out of range`,
      fix: `keep ${DLM_LIMITS.retainCount.min}..${DLM_LIMITS.retainCount.max} snapshots`,
      code: "PAVED_SNAPSHOT_RETAIN_RANGE",
    });
  }
  const copies = s.crossRegionCopies ?? [];
  if (copies.length > DLM_LIMITS.maxCrossRegionTargets) {
    p.push({
      arg: `${arg}.crossRegionCopies`,
      problem: `lists ${copies.length} regions`,
      fix: `copy to at most ${DLM_LIMITS.maxCrossRegionTargets} regions per schedule`,
      code: "PAVED_SNAPSHOT_COPY_COUNT",
    });
  }
  const regions = new Set<string>();
  copies.forEach((c, i) => {
    const a = `${arg}.crossRegionCopies[${i}]`;
    if (typeof c.region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(c.region)) {
      p.push({
        arg: `${a}.region`,
        problem: `"${String(c.region)}" is not a region name`,
        fix: "use a region such as eu-central-1",
        code: "PAVED_SNAPSHOT_COPY_REGION",
      });
    } else if (c.region === sourceRegion || regions.has(c.region)) {
      p.push({
        arg: `${a}.region`,
        problem: `"${c.region}" is ${c.region === sourceRegion ? "the volume's own region" : "listed twice"}`,
        fix: "copy to each other region once",
        code: "PAVED_SNAPSHOT_COPY_REGION",
      });
    }
    regions.add(c.region);
    if (c.kmsKeyArn === undefined || c.kmsKeyArn === null || (c.kmsKeyArn as unknown) === "") {
      p.push({
        arg: `${a}.kmsKeyArn`,
        problem: "is required",
        fix: "give a customer-managed key in the target region: copies are always encrypted",
        code: "PAVED_SNAPSHOT_COPY_KEY",
      });
    }
    const d = c.retainDays;
    if (d !== undefined && (!Number.isInteger(d) || d < 1 || d > DLM_LIMITS.maxRetainDays)) {
      p.push({
        arg: `${a}.retainDays`,
        problem: `${String(d)} is out of range`,
        fix: `keep copies 1..${DLM_LIMITS.maxRetainDays} days`,
        code: "PAVED_SNAPSHOT_RETAIN_RANGE",
      });
    }
  });
  return p;
}

/** The DLM `policyDetails`, in the provider's shape. */
export interface DlmPolicyDetails<A> {
  policyType: "EBS_SNAPSHOT_MANAGEMENT";
  resourceTypes: ["VOLUME"];
  targetTags: Record<string, string>;
  schedules: {
    name: string;
    copyTags: boolean;
    createRule: { interval: number; intervalUnit: "HOURS"; times: string };
    retainRule: { count: number };
    tagsToAdd: Record<string, string>;
    crossRegionCopyRules?: {
      target: string;
      encrypted: true;
      cmkArn: A;
      copyTags: boolean;
      retainRule: { interval: number; intervalUnit: "DAYS" };
    }[];
  }[];
}

/** Builds the DLM policy details for volumes tagged `SNAPSHOT_TARGET_TAG=targetValue`. */
export function buildPolicyDetails<A>(targetValue: string, s: SnapshotSchedule<A>): DlmPolicyDetails<A> {
  const copyTags = s.copyTags ?? true;
  const copies = s.crossRegionCopies ?? [];
  const interval = s.intervalHours ?? 24;
  return {
    policyType: "EBS_SNAPSHOT_MANAGEMENT",
    resourceTypes: ["VOLUME"],
    targetTags: { [SNAPSHOT_TARGET_TAG]: targetValue },
    schedules: [
      {
        name: `every-${interval}h`,
        copyTags,
        createRule: { interval, intervalUnit: "HOURS", times: s.time ?? "03:00" },
        retainRule: { count: s.retainCount ?? 7 },
        tagsToAdd: { "paved:snapshot-of": targetValue },
        ...(copies.length > 0
          ? {
              crossRegionCopyRules: copies.map((c) => ({
                target: c.region,
                encrypted: true as const,
                cmkArn: c.kmsKeyArn,
                copyTags,
                retainRule: { interval: c.retainDays ?? 7, intervalUnit: "DAYS" as const },
              })),
            }
          : {}),
      },
    ],
  };
}

/** An IAM policy statement (identity policy). */
export interface IamStatement {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * The trust policy of the DLM execution role: only the DLM service. (The DLM
 * User Guide's default roles trust `dlm.amazonaws.com` with no condition; it
 * does not document `aws:SourceAccount` for DLM, and a condition DLM does not
 * send would silently stop every snapshot, so none is added.)
 */
export function dlmTrustPolicy(): { Version: "2012-10-17"; Statement: object[] } {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "dlm.amazonaws.com" }, Action: "sts:AssumeRole" }],
  };
}

/**
 * The DLM execution role's inline policy: describe (which has no resource
 * level), snapshot only this policy's volumes, tag only while creating or
 * copying, delete only snapshots DLM made, and use only the given keys.
 */
export function dlmRolePolicy(opts: {
  partition: string;
  targetValue: string;
  keyArns: readonly string[];
  crossRegion: boolean;
}): { Version: "2012-10-17"; Statement: IamStatement[] } {
  const snapshots = `arn:${opts.partition}:ec2:*::snapshot/*`;
  const statements: IamStatement[] = [
    {
      Sid: "Describe",
      Effect: "Allow",
      Action: ["ec2:DescribeInstances", "ec2:DescribeVolumes", "ec2:DescribeSnapshots"],
      Resource: "*",
    },
    {
      Sid: "SnapshotTargetVolumes",
      Effect: "Allow",
      Action: ["ec2:CreateSnapshot"],
      Resource: `arn:${opts.partition}:ec2:*:*:volume/*`,
      Condition: { StringEquals: { [`aws:ResourceTag/${SNAPSHOT_TARGET_TAG}`]: opts.targetValue } },
    },
    {
      Sid: "CreateSnapshots",
      Effect: "Allow",
      Action: opts.crossRegion ? ["ec2:CreateSnapshot", "ec2:CopySnapshot"] : ["ec2:CreateSnapshot"],
      Resource: snapshots,
    },
    {
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: ["ec2:CreateTags"],
      Resource: snapshots,
      Condition: {
        StringEquals: {
          "ec2:CreateAction": opts.crossRegion ? ["CreateSnapshot", "CopySnapshot"] : ["CreateSnapshot"],
        },
      },
    },
    {
      Sid: "DeleteOwnSnapshots",
      Effect: "Allow",
      Action: ["ec2:DeleteSnapshot"],
      Resource: snapshots,
      Condition: { Null: { "aws:ResourceTag/aws:dlm:lifecycle-policy-id": "false" } },
    },
  ];
  if (opts.keyArns.length > 0) {
    const keys = [...new Set(opts.keyArns)];
    statements.push(
      {
        Sid: "UseVolumeKeys",
        Effect: "Allow",
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: keys,
      },
      {
        Sid: "GrantsForSnapshots",
        Effect: "Allow",
        Action: ["kms:CreateGrant"],
        Resource: keys,
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
    );
  }
  return { Version: "2012-10-17", Statement: statements };
}
