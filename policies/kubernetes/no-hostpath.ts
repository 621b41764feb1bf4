/** No hostPath volumes. */
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sNoHostPath = definePodPolicy({
  name: "k8s-no-hostpath",
  description: "Pods mount no hostPath volume.",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Replace each `hostPath` volume with a persistentVolumeClaim (data), emptyDir (scratch), configMap or secret (config).",
  ],
  frameworks: [pssRestricted("HostPath Volumes"), cisKubernetes("5.2.12")],
  controls: ["hostPath"],
});
