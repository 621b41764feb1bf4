import { k8sNoHostPorts } from "../../../policies/kubernetes/no-host-ports";
import { describePodPolicyTable, unknown } from "./fixtures";

describePodPolicyTable(k8sNoHostPorts, {
  everyKind: { mutate: (s) => (s.containers[0].ports[0].hostPort = 8080), expect: /binds host port 8080/ },
  containerFail: [
    {
      name: "hostPort 443",
      mutate: (c) => (c.ports = [{ containerPort: 443, hostPort: 443 }]),
      expect: /host port 443/,
    },
  ],
  pass: [{ name: "hostPort 0", mutate: (s) => (s.containers[0].ports[0].hostPort = 0) }],
  unknown: [{ name: "hostPort unknown", mutate: (s) => (s.containers[0].ports[0].hostPort = unknown) }],
});
