/**
 * CPU and memory limits (and, unless configured off, requests) on every
 * container and init container, in every workload kind. Ephemeral containers
 * cannot carry resources. In the security set: mandatory in prod, where a pod
 * without limits can starve its neighbours on the node.
 *
 * A `...Patch` resource is not blamed for resources it does not mention (the
 * object it patches may set them).
 */
import { nist80053 } from "../lib/frameworks";
import { definePodPolicy } from "./pod-policy";

export const k8sResourceLimits = definePodPolicy<{ requireRequests: boolean }>({
  name: "k8s-resource-limits",
  description: "Every container sets CPU and memory limits and requests.",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: true,
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
