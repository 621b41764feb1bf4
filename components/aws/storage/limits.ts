/**
 * EBS volume limits and their validation. Pure: no Pulumi.
 *
 * Source: Amazon EBS User Guide, "Amazon EBS volume types"
 * (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html),
 * "General Purpose SSD volumes" (gp3) and "Provisioned IOPS SSD volumes" (io2
 * Block Express); "Attach a volume to multiple instances with Amazon EBS
 * Multi-Attach" (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes-multi.html);
 * EC2 User Guide, "Device names on Linux instances"
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/device_naming.html).
 *
 * The gp3 figures are the long-standing limits that every region accepts.
 * (AWS has since announced larger gp3 volumes in some regions; widening the
 * table is a deliberate, reviewed change.)
 */
import type { ValidationProblem } from "../../core/errors";

/** The volume types SanVolume offers. */
export const VOLUME_TYPES = ["gp3", "io2"] as const;
export type VolumeType = (typeof VOLUME_TYPES)[number];

/** The limits of one volume type. */
export interface VolumeLimits {
  /** Size range, GiB. */
  readonly sizeGiB: { readonly min: number; readonly max: number };
  /** Provisioned IOPS range. */
  readonly iops: { readonly min: number; readonly max: number };
  /** The most IOPS per GiB of size. */
  readonly maxIopsPerGiB: number;
  /**
   * IOPS every volume of the type may have whatever its size (gp3's baseline
   * of 3,000 is included on any size, so the per-GiB ratio applies above it).
   */
  readonly baselineIops: number;
  /** Throughput range, MiB/s, when it is provisioned separately (gp3 only). */
  readonly throughputMiBps?: { readonly min: number; readonly max: number };
  /** The most throughput per provisioned IOPS, MiB/s (gp3: 0.25). */
  readonly maxThroughputPerIops?: number;
  /** Whether Multi-Attach is supported. */
  readonly multiAttach: boolean;
  /** Default IOPS when none is given. */
  readonly defaultIops: number;
  /** Default throughput when none is given (gp3 only). */
  readonly defaultThroughputMiBps?: number;
}

/** Limits by type (EBS User Guide, "Amazon EBS volume types", the comparison tables). */
export const VOLUME_LIMITS: Readonly<Record<VolumeType, VolumeLimits>> = {
  // gp3: 1 GiB - 16 TiB; 3,000 - 16,000 IOPS; 125 - 1,000 MiB/s; 500 IOPS per
  // GiB; 0.25 MiB/s per provisioned IOPS. 3,000 IOPS and 125 MiB/s are the
  // included baseline.
  gp3: {
    sizeGiB: { min: 1, max: 16_384 },
    iops: { min: 3_000, max: 16_000 },
    maxIopsPerGiB: 500,
    baselineIops: 3_000,
    throughputMiBps: { min: 125, max: 1_000 },
    maxThroughputPerIops: 0.25,
    multiAttach: false,
    defaultIops: 3_000,
    defaultThroughputMiBps: 125,
  },
  // io2 Block Express: 4 GiB - 64 TiB; 100 - 256,000 IOPS; 1,000 IOPS per GiB;
  // throughput follows IOPS (up to 4,000 MiB/s) and is not provisioned.
  // Multi-Attach: io1/io2 only.
  io2: {
    sizeGiB: { min: 4, max: 65_536 },
    iops: { min: 100, max: 256_000 },
    maxIopsPerGiB: 1_000,
    baselineIops: 0,
    multiAttach: true,
    defaultIops: 3_000,
  },
};

/** Multi-Attach: at most 16 Nitro-based instances, all in the volume's AZ. */
export const MULTI_ATTACH_MAX_INSTANCES = 16;

/**
 * Device names Paved accepts for data volumes: `/dev/sd[f-p]` and
 * `/dev/xvd[f-z]`, the ranges the EC2 User Guide recommends for EBS data
 * volumes on Linux (a-e are left to root and instance-store devices).
 */
export const DEVICE_NAME_PATTERN = /^\/dev\/(sd[f-p]|xvd[f-z])$/;

/** What a volume asks for, with defaults not yet applied. */
export interface VolumeSpec {
  readonly type: VolumeType;
  readonly sizeGiB: number;
  readonly iops?: number;
  readonly throughputMiBps?: number;
}

/** A spec with defaults applied. */
export interface ResolvedVolumeSpec {
  readonly type: VolumeType;
  readonly sizeGiB: number;
  readonly iops: number;
  /** Provisioned throughput; undefined for io2 (not provisioned separately). */
  readonly throughputMiBps?: number;
}

/** Applies the type's defaults (gp3: 3,000 IOPS, 125 MiB/s; io2: 3,000 IOPS). */
export function resolveVolumeSpec(spec: VolumeSpec): ResolvedVolumeSpec {
  const limits = VOLUME_LIMITS[spec.type];
  return {
    type: spec.type,
    sizeGiB: spec.sizeGiB,
    iops: spec.iops ?? limits.defaultIops,
    throughputMiBps: limits.throughputMiBps
      ? (spec.throughputMiBps ?? limits.defaultThroughputMiBps)
      : undefined,
  };
}

function isInt(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n);
}

/** The most IOPS a volume of `type` and `sizeGiB` may have: the baseline, or the per-GiB ratio above it. */
export function maxIopsForSize(type: VolumeType, sizeGiB: number): number {
  const lim = VOLUME_LIMITS[type];
  return Math.max(lim.baselineIops, lim.maxIopsPerGiB * sizeGiB);
}

/**
 * Checks provisioned IOPS against a type's range, size aside (shared by
 * SanVolume and the EBS CSI StorageClass). `a` turns a field into the arg
 * path. Returns the IOPS with the type's default applied and whether it is in range.
 */
export function checkIops(
  type: VolumeType,
  given: number | undefined,
  a: (field: string) => string = (f) => f,
): { iops: number; ok: boolean; problems: ValidationProblem[] } {
  const lim = VOLUME_LIMITS[type];
  const iops = given ?? lim.defaultIops;
  const ok = isInt(iops) && iops >= lim.iops.min && iops <= lim.iops.max;
  const problems: ValidationProblem[] = ok
    ? []
    : [
        {
          arg: a("iops"),
          problem: `${String(iops)} is out of range for ${type}`,
          fix: `use ${lim.iops.min}..${lim.iops.max}`,
          code: "PAVED_VOLUME_IOPS_RANGE",
        },
      ];
  return { iops, ok, problems };
}

/**
 * Checks provisioned throughput against a type's range and its IOPS (shared
 * by SanVolume and the EBS CSI StorageClass). `iops` is undefined when the
 * IOPS were out of range (the ratio is then not checked). `typeArg` is the
 * argument that picks the type (`type`, `volumeType`), named in fixes.
 * Returns the throughput with the type's default applied (undefined for io2).
 */
export function checkThroughput(
  type: VolumeType,
  given: number | undefined,
  iops: number | undefined,
  typeArg: string,
  a: (field: string) => string = (f) => f,
): { throughputMiBps: number | undefined; problems: ValidationProblem[] } {
  const lim = VOLUME_LIMITS[type];
  const range = lim.throughputMiBps;
  if (range === undefined) {
    const problems: ValidationProblem[] =
      given === undefined
        ? []
        : [
            {
              arg: a("throughputMiBps"),
              problem: `cannot be set for ${type} (its throughput follows its IOPS)`,
              fix: `remove throughputMiBps, or use ${typeArg} gp3`,
              code: "PAVED_VOLUME_THROUGHPUT_UNSUPPORTED",
            },
          ];
    return { throughputMiBps: undefined, problems };
  }
  const tp = given ?? lim.defaultThroughputMiBps ?? range.min;
  const perIops = lim.maxThroughputPerIops;
  if (!isInt(tp) || tp < range.min || tp > range.max) {
    return {
      throughputMiBps: tp,
      problems: [
        {
          arg: a("throughputMiBps"),
          problem: `${String(tp)} is out of range for ${type}`,
          fix: `use ${range.min}..${range.max} MiB/s`,
          code: "PAVED_VOLUME_THROUGHPUT_RANGE",
        },
      ],
    };
  }
  if (iops !== undefined && perIops !== undefined && tp > iops * perIops) {
    return {
      throughputMiBps: tp,
      problems: [
        {
          arg: a("throughputMiBps"),
          problem: `${tp} MiB/s is more than ${perIops} MiB/s per provisioned IOPS (${iops} IOPS)`,
          fix: `use at most ${Math.floor(iops * perIops)} MiB/s, or at least ${Math.ceil(tp / perIops)} IOPS`,
          code: "PAVED_VOLUME_THROUGHPUT_RATIO",
        },
      ],
    };
  }
  return { throughputMiBps: tp, problems: [] };
}

/**
 * Checks a volume spec against the limits of its type. Returns every problem
 * (empty when valid). `arg` prefixes argument names in messages.
 */
export function validateVolumeSpec(spec: VolumeSpec, arg = ""): ValidationProblem[] {
  const p: ValidationProblem[] = [];
  const a = (field: string) => (arg ? `${arg}.${field}` : field);
  if (!(VOLUME_TYPES as readonly string[]).includes(spec.type)) {
    return [
      {
        arg: a("type"),
        problem: `"${String(spec.type)}" is not a supported volume type`,
        fix: `use one of ${VOLUME_TYPES.join(" | ")}`,
        code: "PAVED_VOLUME_TYPE",
      },
    ];
  }
  const lim = VOLUME_LIMITS[spec.type];
  const size = spec.sizeGiB;
  const sizeOk = isInt(size) && size >= lim.sizeGiB.min && size <= lim.sizeGiB.max;
  if (!sizeOk) {
    p.push({
      arg: a("sizeGiB"),
      problem: `${String(size)} is out of range for ${spec.type}`,
      fix: `use a whole number of GiB in ${lim.sizeGiB.min}..${lim.sizeGiB.max}`,
      code: "PAVED_VOLUME_SIZE_RANGE",
    });
  }
  const iops = checkIops(spec.type, spec.iops, a);
  p.push(...iops.problems);
  if (iops.ok && sizeOk && iops.iops > maxIopsForSize(spec.type, size)) {
    p.push({
      arg: a("iops"),
      problem: `${iops.iops} is more than ${lim.maxIopsPerGiB} IOPS per GiB of a ${size} GiB ${spec.type} volume`,
      fix: `use at most ${maxIopsForSize(spec.type, size)} IOPS, or at least ${Math.ceil(iops.iops / lim.maxIopsPerGiB)} GiB`,
      code: "PAVED_VOLUME_IOPS_RATIO",
    });
  }
  p.push(
    ...checkThroughput(spec.type, spec.throughputMiBps, iops.ok ? iops.iops : undefined, "type", a).problems,
  );
  return p;
}

/** An instance a volume attaches to, as plain values (the AZ decides the volume's AZ). */
export interface AttachmentSpec {
  /** A short key for child names: `node1`. */
  readonly name: string;
  readonly availabilityZone: string;
  readonly deviceName: string;
}

const KEY = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;
const AZ_NAME = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;
const isAzName = (az: unknown): az is string => typeof az === "string" && AZ_NAME.test(az);

/**
 * Checks attachments and the sharing mode: device names, unique keys and
 * devices, and for `shared` (io2 Multi-Attach) the type, the instance count
 * and a single AZ.
 */
export function validateAttachments(
  type: VolumeType,
  shared: boolean,
  attachments: readonly AttachmentSpec[],
  availabilityZone: string | undefined,
): ValidationProblem[] {
  const p: ValidationProblem[] = [];
  const names = new Set<string>();
  attachments.forEach((att, i) => {
    const arg = `attachments[${i}]`;
    if (typeof att.name !== "string" || !KEY.test(att.name)) {
      p.push({
        arg: `${arg}.name`,
        problem: `"${String(att.name)}" is not a valid key`,
        fix: "use 1..32 lower-case letters, digits and '-' (it names the child resources)",
        code: "PAVED_ATTACHMENT_NAME",
      });
    } else if (names.has(att.name)) {
      p.push({
        arg: `${arg}.name`,
        problem: `"${att.name}" is used twice`,
        fix: "give each attachment its own name",
        code: "PAVED_ATTACHMENT_DUPLICATE",
      });
    }
    names.add(att.name);
    if (typeof att.deviceName !== "string" || !DEVICE_NAME_PATTERN.test(att.deviceName)) {
      p.push({
        arg: `${arg}.deviceName`,
        problem: `"${String(att.deviceName)}" is not a data-volume device name`,
        fix: "use /dev/sdf../dev/sdp or /dev/xvdf../dev/xvdz",
        code: "PAVED_DEVICE_NAME",
      });
    }
    if (!isAzName(att.availabilityZone)) {
      p.push({
        arg: `${arg}.availabilityZone`,
        problem: `"${String(att.availabilityZone)}" is not an availability zone name`,
        fix: "give the instance's AZ, for example eu-west-1a",
        code: "PAVED_AZ_INVALID",
      });
    }
  });
  if (shared) {
    if (!VOLUME_LIMITS[type].multiAttach) {
      p.push({
        arg: "shared",
        problem: `is true but ${type} does not support Multi-Attach`,
        fix: "use type io2 for a shared volume, or set shared: false",
        code: "PAVED_MULTI_ATTACH_TYPE",
      });
    }
    if (attachments.length > MULTI_ATTACH_MAX_INSTANCES) {
      p.push({
        arg: "attachments",
        problem: `lists ${attachments.length} instances for one Multi-Attach volume`,
        fix: `attach at most ${MULTI_ATTACH_MAX_INSTANCES} Nitro-based instances`,
        code: "PAVED_MULTI_ATTACH_COUNT",
      });
    }
    const azs = new Set(attachments.map((a) => a.availabilityZone));
    if (availabilityZone !== undefined) azs.add(availabilityZone);
    if (azs.size > 1) {
      p.push({
        arg: "attachments",
        problem: `span ${[...azs].sort().join(", ")}, but a Multi-Attach volume lives in one AZ`,
        fix: "attach only instances in the volume's availability zone",
        code: "PAVED_MULTI_ATTACH_AZ",
      });
    }
  } else if (availabilityZone !== undefined && attachments.length > 0) {
    p.push({
      arg: "availabilityZone",
      problem: "is set together with attachments",
      fix: "omit availabilityZone: each volume is created in its instance's AZ",
      code: "PAVED_VOLUME_AZ_CONFLICT",
    });
  }
  if (availabilityZone !== undefined && !isAzName(availabilityZone)) {
    p.push({
      arg: "availabilityZone",
      problem: `${JSON.stringify(availabilityZone)} is not an availability zone name`,
      fix: "use the AZ's name, for example eu-west-1a",
      code: "PAVED_AZ_INVALID",
    });
  }
  if (attachments.length === 0 && availabilityZone === undefined) {
    p.push({
      arg: "availabilityZone",
      problem: "is required when there are no attachments",
      fix: "set availabilityZone, or list attachments with their AZ",
      code: "PAVED_VOLUME_AZ_MISSING",
    });
  }
  return p;
}
