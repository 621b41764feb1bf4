import { k8sNoPrivilegeEscalation } from "../../../policies/kubernetes/no-privilege-escalation";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sNoPrivilegeEscalation, {
  everyKind: {
    mutate: (s) => (s.containers[0].securityContext.allowPrivilegeEscalation = true),
    expect: /allows privilege escalation/,
  },
  containerFail: [
    {
      name: "allowPrivilegeEscalation true",
      mutate: (c) => (c.securityContext.allowPrivilegeEscalation = true),
      expect: /allows privilege escalation/,
    },
    {
      name: "allowPrivilegeEscalation unset",
      mutate: (c) => delete c.securityContext.allowPrivilegeEscalation,
      expect: /does not set allowPrivilegeEscalation: false/,
    },
    {
      name: "no securityContext at all",
      mutate: (c) => delete c.securityContext,
      expect: /does not set allowPrivilegeEscalation: false/,
    },
  ],
  pass: [
    {
      name: "a Windows pod is exempt",
      mutate: (s) => {
        s.os = { name: "windows" };
        delete s.containers[0].securityContext.allowPrivilegeEscalation;
      },
    },
  ],
  unknown: [
    {
      name: "allowPrivilegeEscalation unknown",
      mutate: (s) => (s.initContainers[0].securityContext.allowPrivilegeEscalation = unknown),
    },
  ],
});
