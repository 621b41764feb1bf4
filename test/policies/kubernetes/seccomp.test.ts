import { k8sSeccomp } from "../../../policies/kubernetes/seccomp";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sSeccomp, {
  everyKind: {
    mutate: (s) => (s.securityContext.seccompProfile = { type: "Unconfined" }),
    expect: /seccomp "Unconfined"/,
  },
  containerFail: [
    {
      name: "container Unconfined under a RuntimeDefault pod",
      mutate: (c) => (c.securityContext.seccompProfile = { type: "Unconfined" }),
      expect: /sets seccomp "Unconfined"/,
    },
  ],
  podFail: [
    {
      name: "no profile anywhere",
      mutate: (s) => delete s.securityContext.seccompProfile,
      expect: /has no seccomp profile, and the pod sets none/,
      count: 3,
    },
  ],
  pass: [
    {
      name: "pod Localhost",
      mutate: (s) => (s.securityContext.seccompProfile = { type: "Localhost", localhostProfile: "p.json" }),
    },
    {
      name: "every container RuntimeDefault, pod unset",
      mutate: (s) => {
        delete s.securityContext.seccompProfile;
        for (const l of ["containers", "initContainers", "ephemeralContainers"]) {
          s[l][0].securityContext.seccompProfile = { type: "RuntimeDefault" };
        }
      },
    },
    {
      name: "a Windows pod is exempt",
      mutate: (s) => {
        s.os = { name: "windows" };
        delete s.securityContext.seccompProfile;
      },
    },
  ],
  unknown: [
    { name: "pod profile type unknown", mutate: (s) => (s.securityContext.seccompProfile.type = unknown) },
  ],
});
