/** A RuntimeDefault or Localhost seccomp profile at pod level, or on every container; never Unconfined. */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sSeccomp = definePodPolicy({
  name: "k8s-seccomp-profile",
  description: "Pods run with a RuntimeDefault or Localhost seccomp profile.",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `spec.securityContext.seccompProfile.type: "RuntimeDefault"` on the pod (or on every container).',
    'Remove any `seccompProfile.type: "Unconfined"`; use `"Localhost"` with `localhostProfile` for a custom profile.',
  ],
  frameworks: [pssRestricted("Seccomp"), cisKubernetes("5.7.2")],
  controls: ["seccomp"],
});
