/**
 * Every Namespace the stack creates (or patches) enforces a Pod Security
 * Standard with the built-in admission controller: the label
 * `pod-security.kubernetes.io/enforce` is `restricted` (or at least
 * `minimumLevel`). Unset, the cluster's default applies, which is `privileged`
 * unless the API server is configured otherwise: a finding on a Namespace.
 *
 * A `NamespacePatch` is judged only on what it sets: one that lowers the label
 * (`privileged`, the classic way to let anything run) fails; one that does not
 * mention it passes.
 */
import { defineResourcePolicy } from "../lib/define";
import { cisKubernetes } from "../lib/frameworks";
import { asRecord, asString } from "../lib/props";
import type { Finding } from "../lib/types";

export const PSA_ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
const PSA_LEVELS = ["privileged", "baseline", "restricted"] as const;
type PsaLevel = (typeof PSA_LEVELS)[number];
const NAMESPACE_PATCH = "kubernetes:core/v1:NamespacePatch";

export const k8sNamespacePodSecurity = defineResourcePolicy<{
  minimumLevel: PsaLevel;
  exemptNamespaces: string[];
}>({
  name: "k8s-namespace-pod-security",
  description:
    "Every Namespace enforces the restricted Pod Security Standard with the pod-security.kubernetes.io/enforce label.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    `Label the namespace \`${PSA_ENFORCE_LABEL}: restricted\` (Paved's \`NamespaceBaseline\` does, with the audit and warn labels).`,
    "A namespace for the platform's privileged agents: list it in this policy's `exemptNamespaces` in the pack config.",
  ],
  frameworks: [cisKubernetes("5.2.1")],
  types: ["kubernetes:core/v1:Namespace", NAMESPACE_PATCH],
  configSchema: {
    properties: {
      minimumLevel: {
        type: "string",
        enum: ["baseline", "restricted"],
        default: "restricted",
        description: "The lowest Pod Security level a namespace may enforce.",
      },
      exemptNamespaces: {
        type: "array",
        items: { type: "string" },
        default: ["kube-system", "kube-public", "kube-node-lease"],
        description: "Namespaces not checked (the cluster's own).",
      },
    },
  },
  check(ns, ctx): Finding[] {
    const metadata = asRecord(ns.props.metadata);
    const name = asString(metadata?.name);
    if (name !== undefined && (ctx.config.exemptNamespaces ?? []).includes(name)) return [];
    const label = name !== undefined ? `namespace "${name}"` : `namespace ${ns.name}`;
    const value = asRecord(metadata?.labels)?.[PSA_ENFORCE_LABEL];
    const minimum: PsaLevel = ctx.config.minimumLevel === "baseline" ? "baseline" : "restricted";
    if (value === undefined || value === null) {
      if (ns.type === NAMESPACE_PATCH) return [];
      return [
        {
          message: `${label} has no ${PSA_ENFORCE_LABEL} label, so the cluster default (privileged unless configured) admits any pod; label it ${PSA_ENFORCE_LABEL}: ${minimum}`,
        },
      ];
    }
    const level = PSA_LEVELS.indexOf(value as PsaLevel);
    if (level >= PSA_LEVELS.indexOf(minimum)) return [];
    return [
      {
        message: `${label} sets ${PSA_ENFORCE_LABEL}: ${JSON.stringify(value)}, below ${minimum}; set it to ${minimum}`,
      },
    ];
  },
});
