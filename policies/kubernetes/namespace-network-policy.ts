/**
 * Every Namespace the stack creates has at least one NetworkPolicy (stack policy).
 * And every workload the stack runs in a namespace it does not create (the
 * `default` namespace included: a workload with no `metadata.namespace` lands
 * there) has a NetworkPolicy of the stack in that namespace, unless the
 * namespace is listed in `externalNamespaces` (created and covered by another
 * stack, such as the platform's NamespaceBaseline). One finding per such
 * namespace, blaming its first workload and counting the others.
 *
 * A NetworkPolicy covers a namespace when its `metadata.namespace` equals the
 * namespace's `metadata.name`, or, when that is not known at preview (the usual
 * `namespace: ns.metadata.name`), when it depends on the Namespace resource.
 * The violation blames the Namespace's URN. When a namespace cannot be matched
 * either way and nothing is definitely wrong, the policy is skipped for the preview.
 */
import { get, isUnknownValue, kubernetesTypeOf, UNKNOWN } from "../../components/kubernetes/workloads";
import { defineStackPolicy } from "../lib/define";
import { cisKubernetes } from "../lib/frameworks";
import type { Finding, StackResource } from "../lib/types";
import { previewUnknown } from "../lib/unknown";
import { WORKLOAD_TYPES } from "./pod-policy";
import { ofType } from "../lib/stack-index";

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

/** Workload objects (not `...Patch`: a patch changes an object someone else placed). */
const WORKLOAD_OBJECTS: ReadonlySet<string> = new Set(WORKLOAD_TYPES.filter((t) => !t.endsWith("Patch")));

/** A kubernetes provider in the stack with its own default namespace: unset namespaces are its, not "default". */
function providerNamespaced(resources: readonly StackResource[]): boolean {
  return ofType(resources, "pulumi:providers:kubernetes").some(
    (r) => get(r.props, "namespace") !== undefined,
  );
}

/**
 * Workloads in namespaces the stack does not create and no NetworkPolicy of the
 * stack covers: one finding per namespace. Workloads whose namespace cannot be
 * told yet are added to `undecided`.
 */
function uncoveredWorkloads(
  resources: readonly StackResource[],
  namespaces: readonly StackResource[],
  policies: readonly StackResource[],
  external: readonly string[],
  undecided: string[],
): Finding[] {
  const created = new Set<string>();
  for (const ns of namespaces) {
    const n = nameAt(ns, "name");
    if (typeof n === "string") created.add(n);
  }
  const nsUrns = new Set(namespaces.map((n) => n.urn));
  const unsetIsProvider = providerNamespaced(resources);
  const targets = new Set<string>();
  for (const np of policies) {
    const t = nameAt(np, "namespace");
    if (typeof t === "string") targets.add(t);
    else if (t === undefined && !unsetIsProvider) targets.add("default");
  }
  const byNamespace = new Map<string, StackResource[]>();
  for (const w of ofType(resources, ...WORKLOAD_OBJECTS)) {
    let ns = nameAt(w, "namespace");
    if (ns === undefined) {
      if (unsetIsProvider) continue; // the provider's namespace: not told apart here
      ns = "default";
    }
    if (ns === UNKNOWN) {
      // `namespace: ns.metadata.name`: the namespace's own check covers it.
      if ((w.dependencies ?? []).some((d) => nsUrns.has(d.urn))) continue;
      undecided.push(w.urn);
      continue;
    }
    if (created.has(ns) || targets.has(ns) || external.includes(ns)) continue;
    const list = byNamespace.get(ns) ?? [];
    list.push(w);
    byNamespace.set(ns, list);
  }
  const out: Finding[] = [];
  for (const [ns, list] of byNamespace) {
    const first = list[0];
    const kind = kubernetesTypeOf(first.type)?.kind ?? first.type;
    const more = list.length > 1 ? ` and ${list.length - 1} more workload${list.length > 2 ? "s" : ""}` : "";
    const where =
      ns === "default" ? 'the "default" namespace' : `namespace "${ns}", which this stack does not create,`;
    out.push({
      urn: first.urn,
      message: `${kind} "${first.name}"${more} run${more ? "" : "s"} in ${where} and no NetworkPolicy of the stack is in it, so its pods accept traffic from anywhere in the cluster; ${ns === "default" ? "deploy into a namespace made with NamespaceBaseline" : `add a default-deny NetworkPolicy in "${ns}", or list "${ns}" in externalNamespaces when another stack creates it with its NetworkPolicies`}`,
    });
  }
  return out;
}

export const k8sNamespaceNetworkPolicy = defineStackPolicy<{ externalNamespaces: string[] }>({
  name: "k8s-namespace-network-policy",
  description:
    "Every namespace in the stack, and every namespace its workloads run in, has at least one NetworkPolicy.",
  category: "kubernetes",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Create the namespace with Paved's `NamespaceBaseline`, which adds a default-deny NetworkPolicy and the declared flows.",
    "Or add a `networking.k8s.io/v1` NetworkPolicy in the namespace (a default deny with `podSelector: {}` first, then the allowed flows).",
    "Do not run workloads in the `default` namespace; a namespace another stack creates with its NetworkPolicies goes in `externalNamespaces`.",
  ],
  frameworks: [cisKubernetes("5.3.2")],
  configSchema: {
    properties: {
      externalNamespaces: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [],
        description:
          "Namespaces another stack creates with their NetworkPolicies (the platform's NamespaceBaseline): workloads there are not reported.",
      },
    },
  },
  check(resources, ctx): Finding[] {
    const policies = ofType(resources, NETWORK_POLICY_TYPE);
    const findings: Finding[] = [];
    const undecided: string[] = [];
    const namespaces = ofType(resources, NAMESPACE_TYPE);
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
    findings.push(
      ...uncoveredWorkloads(resources, namespaces, policies, ctx.config.externalNamespaces ?? [], undecided),
    );
    if (findings.length === 0 && undecided.length > 0) {
      throw previewUnknown(
        `the namespace of a NetworkPolicy or workload for ${undecided.join(", ")} is not known until apply`,
      );
    }
    return findings;
  },
});
