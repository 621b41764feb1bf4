/** Containers drop ALL capabilities and add back at most NET_BIND_SERVICE. */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sCapabilities = definePodPolicy({
  name: "k8s-capabilities-restricted",
  description: "Every container drops ALL capabilities and adds none but NET_BIND_SERVICE.",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `securityContext.capabilities.drop: ["ALL"]` on every container, init container and ephemeral container.',
    "Remove every entry of `capabilities.add` except `NET_BIND_SERVICE`.",
  ],
  frameworks: [
    pssRestricted("Capabilities"),
    cisKubernetes("5.2.8"),
    cisKubernetes("5.2.9"),
    cisKubernetes("5.2.10"),
  ],
  controls: ["capabilities"],
});
