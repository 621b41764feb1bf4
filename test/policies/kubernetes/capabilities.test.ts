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
      name: 'drop ["all"] in lower case: says the check is case-sensitive',
      mutate: (c) => (c.securityContext.capabilities.drop = ["all"]),
      expect:
        /does not drop ALL: it drops "all", and Pod Security compares capability names case-sensitively/,
    },
    {
      name: 'add ["net_bind_service"] in lower case',
      mutate: (c) => (c.securityContext.capabilities.add = ["net_bind_service"]),
      expect: /adds capability "net_bind_service", which is not NET_BIND_SERVICE: .*case-sensitively/,
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
