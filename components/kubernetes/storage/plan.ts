/**
 * EBS CSI storage planning: StorageClass parameters and the checks a claim
 * must pass against its class. Pure.
 *
 * Limits: Amazon EBS User Guide, "Amazon EBS volume types" (gp3: 1 GiB-16 TiB,
 * 3,000-16,000 IOPS, 125-1,000 MiB/s, 500 IOPS per GiB above the 3,000
 * baseline, 0.25 MiB/s per IOPS; io2 Block Express: 4 GiB-64 TiB, 100-256,000
 * IOPS, 1,000 IOPS per GiB, throughput not provisioned): SanVolume's table
 * and checks in components/aws/storage/limits.ts, imported. Access modes: aws-ebs-csi-driver docs ("parameters.md",
 * "Multi-Attach"): EBS supports ReadWriteOnce and ReadWriteOncePod; io2 may be
 * ReadWriteMany only as a raw block device (`volumeMode: Block`), where
 * Multi-Attach lets several nodes write. Parameter names: aws-ebs-csi-driver
 * `docs/parameters.md`.
 */
import type { ValidationProblem } from "../../core/errors";
import {
  checkIops,
  checkThroughput,
  maxIopsForSize,
  VOLUME_LIMITS,
  VOLUME_TYPES,
  VolumeLimits,
  VolumeType,
} from "../../aws/storage/limits";
import { GIB, parseQuantity } from "../quantity";

/** The EBS CSI driver's provisioner name. */
export const EBS_CSI_PROVISIONER = "ebs.csi.aws.com";

/** The EBS volume types the class offers: SanVolume's (one table serves both). */
export type StorageClassVolumeType = VolumeType;
export const STORAGE_CLASS_VOLUME_TYPES: readonly StorageClassVolumeType[] = VOLUME_TYPES;

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

/** Limits by type: SanVolume's table (components/aws/storage/limits.ts), under the name this module exported. */
export const EBS_CSI_LIMITS: Readonly<Record<StorageClassVolumeType, VolumeLimits>> = VOLUME_LIMITS;

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
  const iopsCheck = checkIops(input.volumeType, input.iops);
  problems.push(...iopsCheck.problems);
  const iops = iopsCheck.iops;
  const throughput = checkThroughput(
    input.volumeType,
    input.throughputMiBps,
    iopsCheck.ok ? iops : undefined,
    "volumeType",
  );
  problems.push(...throughput.problems);
  const throughputMiBps = throughput.throughputMiBps;
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
  // A profile written by hand (not taken from an EncryptedStorageClass) is checked like the class's arguments.
  if (!STORAGE_CLASS_VOLUME_TYPES.includes(cls.volumeType)) {
    return [
      {
        arg: "storageClass.volumeType",
        problem: `${JSON.stringify(cls.volumeType)} is not offered`,
        fix: `use one of ${STORAGE_CLASS_VOLUME_TYPES.join(" | ")}, or pass the EncryptedStorageClass itself`,
        code: "PAVED_VOLUME_TYPE",
      },
    ];
  }
  const clsProblems = [
    ...checkIops(cls.volumeType, cls.iops, (f) => `storageClass.${f}`).problems,
    ...checkThroughput(
      cls.volumeType,
      cls.throughputMiBps,
      undefined,
      "storageClass.volumeType",
      (f) => `storageClass.${f}`,
    ).problems,
  ];
  if (clsProblems.length > 0) return clsProblems;
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
    } else if (cls.iops > maxIopsForSize(cls.volumeType, gib)) {
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
