/**
 * EncryptedStorageClass: an EBS CSI StorageClass whose volumes are encrypted
 * with a customer-managed KMS key, provisioned in the pod's zone, expandable,
 * and retained in prod.
 */
import * as k8s from "../sdk";
import * as pulumi from "@pulumi/pulumi";
import { resolveGovernance } from "../../core/config";
import { Problems } from "../../core/errors";
import { componentLabels, componentTags, Governance } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import {
  EBS_CSI_PROVISIONER,
  StorageClassVolumeType,
  FsType,
  planStorageClass,
  ReclaimPolicy,
  StorageClassProfile,
  tagSpecifications,
} from "./plan";

/** The pattern name stamped on the class. */
export const ENCRYPTED_STORAGE_CLASS_PATTERN = "EncryptedStorageClass";

/** Arguments of {@link EncryptedStorageClass}. */
export interface EncryptedStorageClassArgs {
  /** The StorageClass's name (cluster-wide, an RFC 1123 subdomain). @default the component's name */
  readonly className?: string;
  /** The KMS key (ARN or id) that encrypts every volume. A customer-managed key, so access and rotation are yours. */
  readonly kmsKeyId: pulumi.Input<string>;
  /** The EBS volume type. @default "gp3" */
  readonly volumeType?: StorageClassVolumeType;
  /** Provisioned IOPS: gp3 3000..16000, io2 100..256000. @default 3000 */
  readonly iops?: number;
  /** Provisioned throughput in MiB/s, gp3 only: 125..1000, at most 0.25 per IOPS. @default 125 for gp3 */
  readonly throughputMiBps?: number;
  /** The filesystem for Filesystem-mode volumes. @default "ext4" */
  readonly fsType?: FsType;
  /** What happens to a volume when its claim is deleted. @default "Retain" in prod, "Delete" otherwise */
  readonly reclaimPolicy?: ReclaimPolicy;
  /** Mark this class the cluster's default. @default false */
  readonly isDefault?: boolean;
  /** Governance, field by field over the `paved:*` stack config. @default stack config */
  readonly governance?: Partial<Governance>;
  /** Extra labels; they win over the generated ones. @default {} */
  readonly labels?: Record<string, string>;
  /** The Kubernetes provider. @default the default provider */
  readonly provider?: k8s.Provider;
}

/** A customer-managed key's (or alias's) ARN, as the EBS CSI driver's kmsKeyId wants it. */
const KMS_KEY_ARN = /^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+$/;

/** An encrypted EBS StorageClass. */
export class EncryptedStorageClass extends pulumi.ComponentResource {
  /** The StorageClass's name, once it exists. */
  readonly className: pulumi.Output<string>;
  /** What the class promises, as plain values: VolumeClaim checks claims against it. */
  readonly profile: StorageClassProfile;
  /** The reclaim policy in force. */
  readonly reclaimPolicy: ReclaimPolicy;

  constructor(name: string, args: EncryptedStorageClassArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("paved:k8s:EncryptedStorageClass", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as EncryptedStorageClassArgs);
    const problems = new Problems(ENCRYPTED_STORAGE_CLASS_PATTERN, name);
    const gov = resolveGovernance(problems, args.governance, { asLabels: true });
    const className = args.className ?? name;
    const nameP = nameProblem(
      "k8sDnsSubdomain",
      className,
      args.className === undefined ? "name" : "className",
    );
    if (nameP) problems.add(nameP.arg, nameP.problem, nameP.fix, nameP.code);
    if (args.kmsKeyId === undefined || args.kmsKeyId === null || args.kmsKeyId === "") {
      problems.add(
        "kmsKeyId",
        "is required",
        "pass the ARN of a customer-managed KMS key (for example the KmsKey component's arn)",
        "PAVED_K8S_KMS_KEY_MISSING",
      );
    } else if (typeof args.kmsKeyId === "string" && !KMS_KEY_ARN.test(args.kmsKeyId)) {
      // Kubernetes accepts any string; a wrong one fails only when a claim is provisioned.
      problems.add(
        "kmsKeyId",
        `"${args.kmsKeyId}" is not a KMS key or alias ARN`,
        "pass the key's full ARN, arn:aws:kms:<region>:<account>:key/<id> (the EBS CSI driver needs the ARN)",
        "PAVED_K8S_KMS_KEY_INVALID",
      );
    }
    const volumeType = args.volumeType ?? "gp3";
    const plan = planStorageClass({
      volumeType,
      iops: args.iops,
      throughputMiBps: args.throughputMiBps,
      fsType: args.fsType ?? "ext4",
    });
    problems.addAll(plan.problems);
    const reclaimPolicy = args.reclaimPolicy ?? (gov.environment === "prod" ? "Retain" : "Delete");
    problems.check(
      reclaimPolicy === "Retain" || reclaimPolicy === "Delete",
      "reclaimPolicy",
      `"${String(reclaimPolicy)}" is not a reclaim policy`,
      "use Retain or Delete",
      "PAVED_K8S_RECLAIM_POLICY",
    );
    problems.throwIfAny(this);

    const sc = new k8s.storage.v1.StorageClass(
      childName(name, "sc"),
      {
        metadata: {
          name: className,
          labels: componentLabels(gov, ENCRYPTED_STORAGE_CLASS_PATTERN, args.labels),
          annotations: {
            "storageclass.kubernetes.io/is-default-class": args.isDefault ? "true" : "false",
          },
        },
        provisioner: EBS_CSI_PROVISIONER,
        parameters: pulumi.output(args.kmsKeyId).apply((kmsKeyId) => ({
          ...plan.parameters,
          kmsKeyId,
          ...tagSpecifications(componentTags(gov, ENCRYPTED_STORAGE_CLASS_PATTERN)),
        })),
        volumeBindingMode: "WaitForFirstConsumer",
        allowVolumeExpansion: true,
        reclaimPolicy,
      },
      { parent: this, provider: args.provider },
    );

    this.className = sc.metadata.name;
    this.reclaimPolicy = reclaimPolicy;
    this.profile = {
      name: className,
      volumeType,
      iops: plan.iops,
      ...(plan.throughputMiBps !== undefined ? { throughputMiBps: plan.throughputMiBps } : {}),
    };
    this.registerOutputs({ className: this.className, profile: this.profile, reclaimPolicy });
  }
}
