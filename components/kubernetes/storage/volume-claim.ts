/**
 * VolumeClaim: a PersistentVolumeClaim on an EncryptedStorageClass, checked
 * against what the class can serve before anything is created.
 */
import * as k8s from "../sdk";
import * as pulumi from "@pulumi/pulumi";
import { resolveGovernance } from "../../core/config";
import { Problems } from "../../core/errors";
import { componentLabels, Governance } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import { namespaceProblems } from "../labels";
import { AccessMode, claimProblems, StorageClassProfile, VolumeMode } from "./plan";
import { EncryptedStorageClass } from "./storage-class";

/** The pattern name stamped on the claim. */
export const VOLUME_CLAIM_PATTERN = "VolumeClaim";

/** Arguments of {@link VolumeClaim}. */
export interface VolumeClaimArgs {
  /** The class: an EncryptedStorageClass, or the `profile` of one created elsewhere. */
  readonly storageClass: EncryptedStorageClass | StorageClassProfile;
  /** The namespace of the claim (for example a NamespaceBaseline's `namespaceName`). */
  readonly namespace: pulumi.Input<string>;
  /** The claim's name (an RFC 1123 subdomain). @default the component's name */
  readonly claimName?: string;
  /** The requested size, a quantity such as `"20Gi"`, within the class's type limits. */
  readonly size: string;
  /**
   * How the volume is mounted. EBS serves ReadWriteOnce and ReadWriteOncePod;
   * ReadWriteMany only on io2 with volumeMode Block (Multi-Attach).
   * @default "ReadWriteOncePod" (one pod, the narrowest)
   */
  readonly accessMode?: AccessMode;
  /** A filesystem or a raw block device. @default "Filesystem" */
  readonly volumeMode?: VolumeMode;
  /** Governance, field by field over the `paved:*` stack config. @default stack config */
  readonly governance?: Partial<Governance>;
  /** Extra labels; they win over the generated ones. @default {} */
  readonly labels?: Record<string, string>;
  /** The Kubernetes provider. @default the default provider */
  readonly provider?: k8s.Provider;
}

/** A PersistentVolumeClaim validated against its encrypted class. */
export class VolumeClaim extends pulumi.ComponentResource {
  /** The claim's name, once it exists. */
  readonly claimName: pulumi.Output<string>;

  constructor(name: string, args: VolumeClaimArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("paved:k8s:VolumeClaim", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as VolumeClaimArgs);
    const problems = new Problems(VOLUME_CLAIM_PATTERN, name);
    const gov = resolveGovernance(problems, args.governance, { asLabels: true });
    const claimName = args.claimName ?? name;
    const nameP = nameProblem(
      "k8sDnsSubdomain",
      claimName,
      args.claimName === undefined ? "name" : "claimName",
    );
    if (nameP) problems.addAll([nameP]);
    problems.addAll(namespaceProblems(args.namespace));
    const cls = args.storageClass;
    const profile = cls instanceof EncryptedStorageClass ? cls.profile : cls;
    if (!profile || typeof profile.name !== "string") {
      problems.add(
        "storageClass",
        "is missing",
        "pass an EncryptedStorageClass or its profile",
        "PAVED_K8S_STORAGE_CLASS_MISSING",
      );
    }
    const accessMode = args.accessMode ?? "ReadWriteOncePod";
    const volumeMode = args.volumeMode ?? "Filesystem";
    if (profile && typeof profile.name === "string") {
      problems.addAll(claimProblems({ size: args.size, accessMode, volumeMode }, profile));
    }
    problems.throwIfAny(this);

    const pvc = new k8s.core.v1.PersistentVolumeClaim(
      childName(name, "pvc"),
      {
        metadata: {
          name: claimName,
          namespace: args.namespace,
          labels: componentLabels(gov, VOLUME_CLAIM_PATTERN, args.labels),
        },
        spec: {
          storageClassName: cls instanceof EncryptedStorageClass ? cls.className : profile.name,
          accessModes: [accessMode],
          volumeMode,
          resources: { requests: { storage: args.size } },
        },
      },
      { parent: this, provider: args.provider },
    );
    this.claimName = pvc.metadata.name;
    this.registerOutputs({ claimName: this.claimName });
  }
}
