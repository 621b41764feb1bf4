import { k8sRunAsNonRoot } from "../../../policies/kubernetes/run-as-non-root";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sRunAsNonRoot, {
  everyKind: { mutate: (s) => (s.securityContext.runAsUser = 0), expect: /runs as user 0/ },
  containerFail: [
    { name: "runAsUser 0", mutate: (c) => (c.securityContext.runAsUser = 0), expect: /runs as user 0/ },
    {
      name: "runAsNonRoot false",
      mutate: (c) => (c.securityContext.runAsNonRoot = false),
      expect: /sets runAsNonRoot: false/,
    },
  ],
  podFail: [
    {
      name: "neither pod nor containers set runAsNonRoot",
      mutate: (s) => delete s.securityContext.runAsNonRoot,
      expect: /may run as root/,
      count: 3,
    },
    {
      name: "pod runAsNonRoot false, even with every container true",
      mutate: (s) => {
        s.securityContext.runAsNonRoot = false;
        for (const l of ["containers", "initContainers", "ephemeralContainers"]) {
          s[l][0].securityContext.runAsNonRoot = true;
        }
      },
      expect: /the pod sets runAsNonRoot: false/,
    },
  ],
  pass: [
    {
      name: "runAsNonRoot on every container instead of the pod",
      mutate: (s) => {
        delete s.securityContext.runAsNonRoot;
        for (const l of ["containers", "initContainers", "ephemeralContainers"]) {
          s[l][0].securityContext.runAsNonRoot = true;
        }
      },
    },
    { name: "runAsUser unset", mutate: (s) => delete s.securityContext.runAsUser },
  ],
  unknown: [
    { name: "pod runAsNonRoot unknown", mutate: (s) => (s.securityContext.runAsNonRoot = unknown) },
    {
      name: "container runAsUser unknown",
      mutate: (s) => (s.containers[0].securityContext.runAsUser = unknown),
    },
  ],
});
