import { k8sNoHostNamespaces } from "../../../policies/kubernetes/no-host-namespaces";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sNoHostNamespaces, {
  everyKind: { mutate: (s) => (s.hostNetwork = true), expect: /hostNetwork: true/ },
  podFail: [
    { name: "hostPID", mutate: (s) => (s.hostPID = true), expect: /hostPID: true/ },
    { name: "hostIPC", mutate: (s) => (s.hostIPC = true), expect: /hostIPC: true/ },
    {
      name: "all three",
      mutate: (s) => Object.assign(s, { hostNetwork: true, hostPID: true, hostIPC: true }),
      expect: /shares the host's namespace/,
      count: 3,
    },
  ],
  pass: [
    {
      name: "explicitly false",
      mutate: (s) => Object.assign(s, { hostNetwork: false, hostPID: false, hostIPC: false }),
    },
  ],
  unknown: [{ name: "hostNetwork unknown", mutate: (s) => (s.hostNetwork = unknown) }],
});
