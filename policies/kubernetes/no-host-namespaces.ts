/** Pods do not share the host's network, PID or IPC namespace. */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sNoHostNamespaces = definePodPolicy({
  name: "k8s-no-host-namespaces",
  description: "Pods do not use hostNetwork, hostPID or hostIPC.",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to false).",
    "Expose the pod through a Service instead of the node's network.",
  ],
  frameworks: [
    pssRestricted("Host Namespaces"),
    cisKubernetes("5.2.3"),
    cisKubernetes("5.2.4"),
    cisKubernetes("5.2.5"),
  ],
  controls: ["hostNamespaces"],
});
