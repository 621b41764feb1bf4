/** Only the volume types the restricted profile allows (network storage comes through PVCs). */
import { pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sVolumeTypes = definePodPolicy({
  name: "k8s-restricted-volume-types",
  description:
    "Pods use only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes.",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Replace in-line network or cloud volumes (nfs, awsElasticBlockStore, iscsi, ...) with a persistentVolumeClaim bound to a StorageClass.",
  ],
  frameworks: [pssRestricted("Volume Types")],
  controls: ["volumeTypes"],
});
