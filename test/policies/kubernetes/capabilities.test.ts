import { k8sCapabilities } from "../../../policies/kubernetes/capabilities";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sCapabilities, {
  everyKind: {
    mutate: (s) => (s.containers[0].securityContext.capabilities.add = ["SYS_ADMIN"]),
    expect: /SYS_ADMIN/,
  },
  containerFail: [
    {
      name: "drop without ALL",
      mutate: (c) => (c.securityContext.capabilities.drop = ["NET_RAW"]),
      expect: /does not drop ALL/,
    },
    {
      name: "no capabilities",
      mutate: (c) => delete c.securityContext.capabilities,
      expect: /does not drop ALL/,
    },
    {
      name: "adds NET_RAW",
      mutate: (c) => (c.securityContext.capabilities.add = ["NET_BIND_SERVICE", "NET_RAW"]),
      expect: /adds capability "NET_RAW"/,
    },
  ],
  pass: [
    {
      name: "adds only NET_BIND_SERVICE",
      mutate: (s) => (s.containers[0].securityContext.capabilities.add = ["NET_BIND_SERVICE"]),
    },
    {
      name: "a Windows pod is exempt",
      mutate: (s) => {
        s.os = { name: "windows" };
        delete s.containers[0].securityContext.capabilities;
      },
    },
  ],
  unknown: [
    {
      name: "drop list unknown",
      mutate: (s) => (s.containers[0].securityContext.capabilities.drop = unknown),
    },
    {
      name: "an added capability unknown",
      mutate: (s) => (s.containers[0].securityContext.capabilities.add = [unknown]),
    },
  ],
});
