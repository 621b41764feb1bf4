/** No container binds a host port. */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sNoHostPorts = definePodPolicy({
  name: "k8s-no-host-ports",
  description: "No container binds a hostPort.",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove `ports[].hostPort` from every container (or set it to 0).",
    "Expose the pod through a Service (ClusterIP, or a LoadBalancer with an exposure annotation).",
  ],
  frameworks: [pssRestricted("Host Ports"), cisKubernetes("5.2.13")],
  controls: ["hostPorts"],
});
