/**
 * EBS CSI storage planning: StorageClass parameters and the checks a claim
 * must pass against its class. Pure.
 *
 * Limits: Amazon EBS User Guide, "Amazon EBS volume types" (gp3: 1 GiB-16 TiB,
 * 3,000-16,000 IOPS, 125-1,000 MiB/s, 500 IOPS per GiB above the 3,000
 * baseline, 0.25 MiB/s per IOPS; io2 Block Express: 4 GiB-64 TiB, 100-256,000
 * IOPS, 1,000 IOPS per GiB, throughput not provisioned). The same figures as
 * SanVolume. Access modes: aws-ebs-csi-driver docs ("parameters.md",
 * "Multi-Attach"): EBS supports ReadWriteOnce and ReadWriteOncePod; io2 may be
 * ReadWriteMany only as a raw block device (`volumeMode: Block`), where
 * Multi-Attach lets several nodes write. Parameter names: aws-ebs-csi-driver
 * `docs/parameters.md`.
 */
import type { ValidationProblem } from "../../core/errors";
import { GIB, parseQuantity } from "../quantity";

/** The EBS CSI driver's provisioner name. */
export const EBS_CSI_PROVISIONER = "ebs.csi.aws.com";

/** The EBS volume types the class offers. */
export type StorageClassVolumeType = "gp3" | "io2";
export const STORAGE_CLASS_VOLUME_TYPES: readonly StorageClassVolumeType[] = ["gp3", "io2"];

/** Filesystems the class formats volumes with. */
export type FsType = "ext4" | "xfs";
export const FS_TYPES: readonly FsType[] = ["ext4", "xfs"];

/** Reclaim policies. */
export type ReclaimPolicy = "Retain" | "Delete";

/** PersistentVolume access modes. */
export type AccessMode = "ReadWriteOnce" | "ReadWriteOncePod" | "ReadWriteMany" | "ReadOnlyMany";
export const ACCESS_MODES: readonly AccessMode[] = [
  "ReadWriteOnce",
  "ReadWriteOncePod",
  "ReadWriteMany",
  "ReadOnlyMany",
];

/** Filesystem or raw block device. */
export type VolumeMode = "Filesystem" | "Block";

interface TypeLimits {
  readonly sizeGiB: { readonly min: number; readonly max: number };
  readonly iops: { readonly min: number; readonly max: number };
  readonly maxIopsPerGiB: number;
  readonly baselineIops: number;
  readonly defaultIops: number;
  readonly throughput?: { readonly min: number; readonly max: number; readonly perIops: number };
  readonly multiAttach: boolean;
}

/** Limits by type (see the file comment for sources). */
export const EBS_CSI_LIMITS: Readonly<Record<StorageClassVolumeType, TypeLimits>> = {
  gp3: {
    sizeGiB: { min: 1, max: 16_384 },
    iops: { min: 3_000, max: 16_000 },
    maxIopsPerGiB: 500,
    baselineIops: 3_000,
    defaultIops: 3_000,
    throughput: { min: 125, max: 1_000, perIops: 0.25 },
    multiAttach: false,
  },
  io2: {
    sizeGiB: { min: 4, max: 65_536 },
    iops: { min: 100, max: 256_000 },
    maxIopsPerGiB: 1_000,
    baselineIops: 0,
    defaultIops: 3_000,
    multiAttach: true,
  },
};

/** What a class promises, as plain values: what claims are checked against. */
export interface StorageClassProfile {
  /** The StorageClass's name. */
  readonly name: string;
  readonly volumeType: StorageClassVolumeType;
  /** Provisioned IOPS. */
  readonly iops: number;
  /** Provisioned throughput, MiB/s (gp3 only). */
  readonly throughputMiBps?: number;
}

/** The class's inputs to {@link planStorageClass}. */
export interface StorageClassInput {
  readonly volumeType: StorageClassVolumeType;
  readonly iops?: number;
  readonly throughputMiBps?: number;
  readonly fsType: FsType;
}

const isInt = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);

/**
 * Resolves and checks the class's volume parameters. Returns the CSI
 * `parameters` without the KMS key (an Input, added by the component) and
 * every problem.
 */
export function planStorageClass(input: StorageClassInput): {
  parameters: Record<string, string>;
  iops: number;
  throughputMiBps?: number;
  problems: ValidationProblem[];
} {
  const problems: ValidationProblem[] = [];
  if (!STORAGE_CLASS_VOLUME_TYPES.includes(input.volumeType)) {
    problems.push({
      arg: "volumeType",
      problem: `"${String(input.volumeType)}" is not offered`,
      fix: `use one of ${STORAGE_CLASS_VOLUME_TYPES.join(" | ")}`,
      code: "PAVED_VOLUME_TYPE",
    });
    return { parameters: {}, iops: 0, problems };
  }
  if (!FS_TYPES.includes(input.fsType)) {
    problems.push({
      arg: "fsType",
      problem: `"${String(input.fsType)}" is not offered`,
      fix: `use one of ${FS_TYPES.join(" | ")}`,
      code: "PAVED_K8S_FS_TYPE",
    });
  }
  const lim = EBS_CSI_LIMITS[input.volumeType];
  const iops = input.iops ?? lim.defaultIops;
  const iopsOk = isInt(iops) && iops >= lim.iops.min && iops <= lim.iops.max;
  if (!iopsOk) {
    problems.push({
      arg: "iops",
      problem: `${String(iops)} is out of range for ${input.volumeType}`,
      fix: `use ${lim.iops.min}..${lim.iops.max}`,
      code: "PAVED_VOLUME_IOPS_RANGE",
    });
  }
  let throughputMiBps: number | undefined;
  if (lim.throughput === undefined) {
    if (input.throughputMiBps !== undefined) {
      problems.push({
        arg: "throughputMiBps",
        problem: `cannot be set for ${input.volumeType} (its throughput follows its IOPS)`,
        fix: "remove throughputMiBps, or use volumeType gp3",
        code: "PAVED_VOLUME_THROUGHPUT_UNSUPPORTED",
      });
    }
  } else {
    const t = lim.throughput;
    throughputMiBps = input.throughputMiBps ?? t.min;
    if (!isInt(throughputMiBps) || throughputMiBps < t.min || throughputMiBps > t.max) {
      problems.push({
        arg: "throughputMiBps",
        problem: `${String(throughputMiBps)} is out of range for ${input.volumeType}`,
        fix: `use ${t.min}..${t.max} MiB/s`,
        code: "PAVED_VOLUME_THROUGHPUT_RANGE",
      });
    } else if (iopsOk && throughputMiBps > iops * t.perIops) {
      problems.push({
        arg: "throughputMiBps",
        problem: `${throughputMiBps} MiB/s is more than ${t.perIops} MiB/s per provisioned IOPS (${iops} IOPS)`,
        fix: `use at most ${Math.floor(iops * t.perIops)} MiB/s, or at least ${Math.ceil(throughputMiBps / t.perIops)} IOPS`,
        code: "PAVED_VOLUME_THROUGHPUT_RATIO",
      });
    }
  }
  const parameters: Record<string, string> = {
    type: input.volumeType,
    encrypted: "true",
    "csi.storage.k8s.io/fstype": input.fsType,
    iops: String(iops),
  };
  if (throughputMiBps !== undefined) parameters.throughput = String(throughputMiBps);
  return { parameters, iops, throughputMiBps, problems };
}

/**
 * The CSI driver's `tagSpecification_N` parameters, so every volume the class
 * provisions carries the governance tags (`key=value`, numbered from 1 in key
 * order).
 */
export function tagSpecifications(tags: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  Object.keys(tags)
    .sort()
    .forEach((k, i) => {
      out[`tagSpecification_${i + 1}`] = `${k}=${tags[k]}`;
    });
  return out;
}

/** What a claim asks for. */
export interface ClaimInput {
  readonly size: string;
  readonly accessMode: AccessMode;
  readonly volumeMode: VolumeMode;
}

/**
 * Checks a claim against its class: the size fits the type, the class's IOPS
 * fit the size, and the access mode is one EBS can serve.
 */
export function claimProblems(claim: ClaimInput, cls: StorageClassProfile): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const lim = EBS_CSI_LIMITS[cls.volumeType];
  const bytes = parseQuantity(claim.size);
  if (bytes === undefined || bytes <= 0) {
    problems.push({
      arg: "size",
      problem: `${JSON.stringify(claim.size)} is not a storage size`,
      fix: 'use a quantity such as "20Gi"',
      code: "PAVED_K8S_QUANTITY",
    });
  } else {
    const gib = Math.ceil(bytes / GIB);
    if (gib < lim.sizeGiB.min || gib > lim.sizeGiB.max) {
      problems.push({
        arg: "size",
        problem: `${claim.size} is out of range for ${cls.volumeType}`,
        fix: `use ${lim.sizeGiB.min}Gi..${lim.sizeGiB.max}Gi`,
        code: "PAVED_VOLUME_SIZE_RANGE",
      });
    } else if (cls.iops > Math.max(lim.baselineIops, lim.maxIopsPerGiB * gib)) {
      problems.push({
        arg: "size",
        problem: `${claim.size} is too small for the ${cls.iops} IOPS of class "${cls.name}" (${lim.maxIopsPerGiB} IOPS per GiB)`,
        fix: `request at least ${Math.ceil(cls.iops / lim.maxIopsPerGiB)}Gi, or use a class with fewer IOPS`,
        code: "PAVED_VOLUME_IOPS_RATIO",
      });
    }
  }
  if (!["Filesystem", "Block"].includes(claim.volumeMode)) {
    problems.push({
      arg: "volumeMode",
      problem: `"${String(claim.volumeMode)}" is not a volume mode`,
      fix: "use Filesystem or Block",
      code: "PAVED_K8S_VOLUME_MODE",
    });
  }
  switch (claim.accessMode) {
    case "ReadWriteOnce":
    case "ReadWriteOncePod":
      break;
    case "ReadWriteMany":
      if (!lim.multiAttach || claim.volumeMode !== "Block") {
        problems.push({
          arg: "accessMode",
          problem: `ReadWriteMany is not served by ${cls.volumeType}${lim.multiAttach ? " in Filesystem mode" : ""}`,
          fix: lim.multiAttach
            ? "use volumeMode Block (io2 Multi-Attach; the application must coordinate writes), or ReadWriteOncePod"
            : "use ReadWriteOncePod or ReadWriteOnce; for a shared raw device use an io2 class with volumeMode Block",
          code: "PAVED_K8S_ACCESS_MODE",
        });
      }
      break;
    case "ReadOnlyMany":
      problems.push({
        arg: "accessMode",
        problem: "ReadOnlyMany is not served by EBS",
        fix: "use ReadWriteOncePod or ReadWriteOnce (or EFS for shared files)",
        code: "PAVED_K8S_ACCESS_MODE",
      });
      break;
    default: {
      const never: never = claim.accessMode;
      problems.push({
        arg: "accessMode",
        problem: `"${String(never)}" is not an access mode`,
        fix: `use one of ${ACCESS_MODES.join(" | ")}`,
        code: "PAVED_K8S_ACCESS_MODE",
      });
    }
  }
  return problems;
}
