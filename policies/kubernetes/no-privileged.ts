/** No privileged containers and no Windows HostProcess pods, in any container list. */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sNoPrivileged = definePodPolicy({
  name: "k8s-no-privileged",
  description: "Containers are not privileged and pods do not run as Windows HostProcess.",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Remove `securityContext.privileged` from every container, init container and ephemeral container (or set it to false).",
    "Remove `windowsOptions.hostProcess` from the pod and container security contexts.",
    "A workload that needs host access belongs to the platform team's privileged namespace, with an exemption that names its ticket.",
  ],
  frameworks: [
    pssRestricted("Privileged Containers"),
    pssRestricted("HostProcess"),
    cisKubernetes("5.2.2"),
    cisKubernetes("5.2.11"),
  ],
  controls: ["privileged", "hostProcess"],
});
