import { k8sNoPrivileged } from "../../../policies/kubernetes/no-privileged";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sNoPrivileged, {
  everyKind: { mutate: (s) => (s.containers[0].securityContext.privileged = true), expect: /is privileged/ },
  containerFail: [
    { name: "privileged", mutate: (c) => (c.securityContext.privileged = true), expect: /is privileged/ },
    {
      name: "HostProcess container",
      mutate: (c) => (c.securityContext.windowsOptions = { hostProcess: true }),
      expect: /Windows HostProcess/,
    },
  ],
  podFail: [
    {
      name: "HostProcess pod",
      mutate: (s) => (s.securityContext.windowsOptions = { hostProcess: true }),
      expect: /the pod runs as a Windows HostProcess/,
    },
    {
      name: "two privileged containers give two violations",
      mutate: (s) => {
        s.containers[0].securityContext.privileged = true;
        s.initContainers[0].securityContext.privileged = true;
      },
      expect: /is privileged/,
      count: 2,
    },
  ],
  pass: [
    { name: "privileged false", mutate: (s) => (s.containers[0].securityContext.privileged = false) },
    { name: "hostProcess false", mutate: (s) => (s.securityContext.windowsOptions = { hostProcess: false }) },
  ],
  unknown: [
    { name: "privileged unknown", mutate: (s) => (s.containers[0].securityContext.privileged = unknown) },
    {
      name: "ephemeral securityContext unknown",
      mutate: (s) => (s.ephemeralContainers[0].securityContext = unknown),
    },
  ],
});
