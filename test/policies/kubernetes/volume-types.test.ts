import { k8sVolumeTypes } from "../../../policies/kubernetes/volume-types";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sVolumeTypes, {
  everyKind: {
    mutate: (s) => s.volumes.push({ name: "n", nfs: { server: "s", path: "/" } }),
    expect: /type nfs/,
  },
  podFail: [
    {
      name: "an in-line EBS volume",
      mutate: (s) => s.volumes.push({ name: "e", awsElasticBlockStore: { volumeID: "vol-1" } }),
      expect: /type awsElasticBlockStore/,
    },
    {
      name: "a gitRepo volume",
      mutate: (s) => s.volumes.push({ name: "g", gitRepo: { repository: "x" } }),
      expect: /type gitRepo/,
    },
  ],
  pass: [
    {
      name: "every allowed type",
      mutate: (s) =>
        s.volumes.push(
          { name: "a", persistentVolumeClaim: { claimName: "a" } },
          { name: "b", secret: { secretName: "b" } },
          { name: "c", projected: { sources: [] } },
          { name: "d", downwardAPI: { items: [] } },
          { name: "e", csi: { driver: "d" } },
          { name: "f", ephemeral: { volumeClaimTemplate: {} } },
        ),
    },
  ],
  unknown: [{ name: "a volume unknown", mutate: (s) => (s.volumes[0] = unknown) }],
});
