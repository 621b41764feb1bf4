/**
 * CPU and memory limits (and, unless configured off, requests) on every
 * container and init container. Ephemeral containers cannot carry resources.
 */
import { nist80053 } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sResourceLimits = definePodPolicy<{ requireRequests: boolean }>({
  name: "k8s-resource-limits",
  description: "Every container sets CPU and memory limits and requests.",
  severity: "medium",
  defaultLevel: "advisory",
  remediation: [
    "Set `resources.limits.cpu` and `resources.limits.memory` on every container and init container.",
    "Set `resources.requests.cpu` and `resources.requests.memory` to what the container needs at steady state.",
  ],
  frameworks: [nist80053("SC-6")],
  configSchema: {
    properties: {
      requireRequests: {
        type: "boolean",
        default: true,
        description:
          "Also require CPU and memory requests (Kubernetes defaults them to the limits when unset).",
      },
    },
  },
  controls: ["resources"],
  // Drops missing (and unknown) requests when they are not required.
  keep: (f, config) => config.requireRequests !== false || !f.path.includes(".resources.requests"),
});
