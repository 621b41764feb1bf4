/** Every container sets `allowPrivilegeEscalation: false` explicitly (unset allows it). */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sNoPrivilegeEscalation = definePodPolicy({
  name: "k8s-no-privilege-escalation",
  description: "Every container sets allowPrivilegeEscalation: false.",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container; unset counts as allowed.",
  ],
  frameworks: [pssRestricted("Privilege Escalation"), cisKubernetes("5.2.6")],
  controls: ["privilegeEscalation"],
});
