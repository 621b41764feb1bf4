import { k8sNoHostPath } from "../../../policies/kubernetes/no-hostpath";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sNoHostPath, {
  everyKind: {
    mutate: (s) => s.volumes.push({ name: "sock", hostPath: { path: "/var/run/docker.sock" } }),
    expect: /volume "sock" mounts a hostPath/,
  },
  podFail: [
    {
      name: "two hostPath volumes",
      mutate: (s) =>
        s.volumes.push({ name: "a", hostPath: { path: "/" } }, { name: "b", hostPath: { path: "/etc" } }),
      expect: /mounts a hostPath/,
      count: 2,
    },
  ],
  pass: [
    {
      name: "a PVC volume",
      mutate: (s) => s.volumes.push({ name: "d", persistentVolumeClaim: { claimName: "d" } }),
    },
    {
      name: "an nfs volume is another policy's concern",
      mutate: (s) => s.volumes.push({ name: "n", nfs: { server: "s", path: "/" } }),
    },
  ],
  unknown: [
    { name: "volumes unknown", mutate: (s) => (s.volumes = unknown) },
    { name: "one volume unknown", mutate: (s) => s.volumes.push(unknown) },
  ],
});
