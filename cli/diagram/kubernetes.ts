/**
 * The Kubernetes picture of a run: each NamespaceBaseline's workloads, the
 * flows its NetworkPolicies allow and its default deny, read from the
 * component's registered `register` output (no component internals). Pure.
 *
 * Register rows name their ends as the baseline describes them:
 * `workload api pods{app=api}` (a declared workload), `pods{app=web}` (pods of
 * the namespace), `namespace=monitoring pods{...}` or a CIDR (outside), `all
 * pods` and `any`. An ingress rule is one arrow; the egress rule the baseline
 * generates for its pod-to-pod side (`generated: egress side of ...`) is the
 * same arrow and is not drawn twice.
 */
import type { FirewallRule } from "../../components/core/register";
import { CheckResource, plain } from "../engine/resource";
import type { NamespaceFlowView, NamespaceView } from "./topology";
import { compareText } from "../../components/core/order";

const BASELINE = "paved:k8s:NamespaceBaseline";

function rulesOf(r: CheckResource): FirewallRule[] {
  const reg = plain(r.outputs?.register);
  if (!Array.isArray(reg)) return [];
  return reg.filter(
    (x): x is FirewallRule =>
      typeof x === "object" && x !== null && typeof (x as FirewallRule).from === "string" && "kind" in x,
  );
}

/** `workload api pods{app=api}` -> `{ name: "api", selector: "pods{app=api}" }`. */
function workloadOf(end: string): { name: string; selector: string } | undefined {
  const m = /^workload (\S+) (pods\{.*\})$/.exec(end.trim());
  return m ? { name: m[1], selector: m[2] } : undefined;
}

/** One namespace's view, from its register. */
export function namespaceView(
  name: string,
  namespace: string,
  rules: readonly FirewallRule[],
): NamespaceView {
  const workloads = new Map<string, string>(); // selector -> name
  for (const r of rules) {
    for (const end of [r.from, r.to]) {
      const w = workloadOf(end);
      if (w) workloads.set(w.selector, w.name);
    }
  }
  // Pods of this namespace named by selector alone: a declared workload when the selector matches one.
  const local = (end: string): string => {
    const w = workloadOf(end);
    if (w) return w.name;
    const e = end.trim();
    if (/^pods\{.*\}$/.test(e)) {
      const known = workloads.get(e);
      if (known) return known;
      workloads.set(e, e);
      return e;
    }
    return e === "all pods" ? `all pods in ${namespace}` : e;
  };
  const defaultDeny: { ingress?: string; egress?: string } = {};
  const seen = new Map<
    string,
    { from: string; to: string; label: string; ids: string[]; generated?: boolean }
  >();
  for (const r of rules) {
    if (r.kind !== "network-policy") continue;
    if (r.action === "deny") {
      defaultDeny[r.direction] = r.id;
      continue;
    }
    if (r.direction === "egress" && /^generated: egress side of /.test(r.justification)) continue;
    const from = local(r.from);
    const to = local(r.to);
    const label = r.ports === "all" || r.protocol === "all" ? "all" : `${r.protocol} ${r.ports}`;
    const generated = r.ticket === "generated";
    const key = `${from}|${to}|${generated}`;
    const prev = seen.get(key);
    if (prev) {
      if (!prev.label.split(", ").includes(label)) prev.label = `${prev.label}, ${label}`;
      prev.ids.push(r.id);
    } else {
      seen.set(key, { from, to, label, ids: [r.id], ...(generated ? { generated: true } : {}) });
    }
  }
  const flows: NamespaceFlowView[] = [...seen.values()].sort(
    (a, b) =>
      Number(Boolean(a.generated)) - Number(Boolean(b.generated)) ||
      compareText(a.from, b.from) ||
      compareText(a.to, b.to),
  );
  return {
    name,
    namespace,
    workloads: [...workloads.entries()]
      .map(([selector, n]) => ({ name: n, selector }))
      .sort((a, b) => compareText(a.name, b.name)),
    flows,
    defaultDeny,
  };
}

/** Every NamespaceBaseline of the run. */
export function buildNamespaces(resources: readonly CheckResource[]): NamespaceView[] {
  return resources
    .filter((r) => r.type === BASELINE)
    .map((r) => {
      const ns = plain(r.outputs?.namespaceName);
      return namespaceView(r.name, typeof ns === "string" && ns !== "" ? ns : r.name, rulesOf(r));
    });
}
