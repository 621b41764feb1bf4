/**
 * Every Namespace the stack creates has at least one NetworkPolicy (stack policy).
 *
 * A NetworkPolicy covers a namespace when its `metadata.namespace` equals the
 * namespace's `metadata.name`, or, when that is not known at preview (the usual
 * `namespace: ns.metadata.name`), when it depends on the Namespace resource.
 * The violation blames the Namespace's URN. When a namespace cannot be matched
 * either way and nothing is definitely wrong, the policy is skipped for the preview.
 */
import { get, isUnknownValue, UNKNOWN } from "../../components/kubernetes/workloads";
import { defineStackPolicy } from "../lib/define";
import { cisKubernetes } from "../lib/frameworks";
import type { Finding, StackResource } from "../lib/types";
import { previewUnknown } from "../lib/unknown";

export const NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";
export const NETWORK_POLICY_TYPE = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

/** A string, UNKNOWN, or undefined when absent or not a string. */
function nameAt(r: StackResource, field: "name" | "namespace"): string | typeof UNKNOWN | undefined {
  const v = get(get(r.props, "metadata"), field);
  if (v === UNKNOWN || isUnknownValue(v)) return UNKNOWN;
  return typeof v === "string" && v !== "" ? v : undefined;
}

function dependsOn(r: StackResource, urn: string): boolean {
  return (r.dependencies ?? []).some((d) => d.urn === urn);
}

export const k8sNamespaceNetworkPolicy = defineStackPolicy({
  name: "k8s-namespace-network-policy",
  description: "Every namespace in the stack has at least one NetworkPolicy.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Create the namespace with Paved's `NamespaceBaseline`, which adds a default-deny NetworkPolicy and the declared flows.",
    "Or add a `networking.k8s.io/v1` NetworkPolicy in the namespace (a default deny with `podSelector: {}` first, then the allowed flows).",
  ],
  frameworks: [cisKubernetes("5.3.2")],
  check(resources): Finding[] {
    const policies = resources.filter((r) => r.type === NETWORK_POLICY_TYPE);
    const findings: Finding[] = [];
    const undecided: string[] = [];
    const namespaces = resources.filter((r) => r.type === NAMESPACE_TYPE);
    const nsUrns = new Set(namespaces.map((n) => n.urn));
    for (const ns of namespaces) {
      const name = nameAt(ns, "name");
      let unresolved = false;
      const covered = policies.some((np) => {
        const target = nameAt(np, "namespace");
        if (dependsOn(np, ns.urn)) return true;
        if (typeof name === "string" && target === name) return true;
        // An unknown namespace on a policy that depends on another Namespace is taken to be that one.
        const attributed = target === UNKNOWN && (np.dependencies ?? []).some((d) => nsUrns.has(d.urn));
        if ((target === UNKNOWN && !attributed) || (name === UNKNOWN && target !== undefined))
          unresolved = true;
        return false;
      });
      if (covered) continue;
      if (unresolved) {
        undecided.push(ns.urn);
        continue;
      }
      const label = typeof name === "string" ? `namespace "${name}"` : `namespace ${ns.name}`;
      findings.push({
        urn: ns.urn,
        message: `${label} has no NetworkPolicy, so every pod in it accepts traffic from anywhere in the cluster; add a default-deny NetworkPolicy`,
      });
    }
    if (findings.length === 0 && undecided.length > 0) {
      throw previewUnknown(
        `the namespace of a NetworkPolicy for ${undecided.join(", ")} is not known until apply`,
      );
    }
    return findings;
  },
});
