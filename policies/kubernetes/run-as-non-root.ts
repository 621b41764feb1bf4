/** Pods run as non-root: runAsNonRoot true (pod or every container) and never runAsUser 0. */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sRunAsNonRoot = definePodPolicy({
  name: "k8s-run-as-non-root",
  description: "Pods run as non-root: runAsNonRoot is true and no runAsUser is 0.",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `spec.securityContext.runAsNonRoot: true` on the pod (or on every container), and no container to false.",
    "Remove `runAsUser: 0` from the pod and containers; build the image with a non-root `USER` (a numeric UID).",
  ],
  frameworks: [
    pssRestricted("Running as Non-root"),
    pssRestricted("Running as Non-root user"),
    cisKubernetes("5.2.7"),
  ],
  controls: ["runAsNonRoot", "runAsUser"],
});
