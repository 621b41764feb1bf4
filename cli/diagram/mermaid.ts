/**
 * Mermaid flowchart of a topology: one subgraph per network, one per tier
 * holding its subnets per AZ, and the declared flows as labelled edges (ports
 * and rule ids); one subgraph per NamespaceBaseline with its workloads, the
 * default deny in its title, and its allowed flows (generated ones dotted).
 */
import type { NamespaceView, Topology } from "./topology";

/** A Mermaid-safe node id. */
function id(...parts: string[]): string {
  return parts.join("_").replace(/[^A-Za-z0-9_]/g, "_");
}

/** Text inside a quoted Mermaid label. */
function label(s: string): string {
  return s.replace(/"/g, "#quot;");
}

/** Renders the topology as a Mermaid `flowchart LR`. */
export function renderMermaid(topology: Topology): string {
  const out = ["flowchart LR"];
  if (topology.networks.length === 0) {
    out.push('  empty["no network in this program"]');
    return out.join("\n") + "\n";
  }
  topology.networks.forEach((net, n) => {
    const netId = id("net", String(n), net.name);
    const tierIds = new Map<string, string>();
    out.push(`  subgraph ${netId}["${label(`${net.name}${net.cidr ? ` (${net.cidr})` : ""}`)}"]`);
    out.push("    direction TB");
    for (const tier of net.tiers) {
      const tierId = id("tier", String(n), tier.name);
      tierIds.set(tier.name, tierId);
      const title = `tier ${tier.name}${tier.routing ? ` (${tier.routing === "none" ? "no route out" : `via ${tier.routing}`})` : ""}`;
      out.push(`    subgraph ${tierId}["${label(title)}"]`);
      out.push("      direction LR");
      for (const s of tier.subnets) {
        out.push(
          `      ${id("subnet", String(n), s.name)}["${label(`${s.az}${s.cidr ? `<br/>${s.cidr}` : ""}`)}"]`,
        );
      }
      out.push("    end");
    }
    out.push("  end");
    const externals = new Map<string, string>();
    const endId = (end: string): string => {
      const tierId = tierIds.get(end);
      if (tierId) return tierId;
      let ext = externals.get(end);
      if (!ext) {
        ext = id("ext", String(n), end);
        externals.set(end, ext);
        out.push(`  ${ext}(("${label(end)}"))`);
      }
      return ext;
    };
    for (const f of net.flows) {
      const from = endId(f.from);
      const to = endId(f.to);
      out.push(`  ${from} -->|"${label(edgeText(f.label, f.ids))}"| ${to}`);
    }
  });
  (topology.namespaces ?? []).forEach((ns, n) => renderNamespace(ns, n, out));
  return out.join("\n") + "\n";
}

/** An edge's text: the ports, then the rule ids. */
function edgeText(ports: string, ids: readonly string[] | undefined): string {
  return ids && ids.length > 0 ? `${ports}<br/>${ids.join(", ")}` : ports;
}

/** A NamespaceBaseline: a subgraph of its workloads, the default deny in its title, peers outside. */
function renderNamespace(ns: NamespaceView, n: number, out: string[]): void {
  const deny = [ns.defaultDeny.ingress ? "ingress" : "", ns.defaultDeny.egress ? "egress" : ""].filter(
    Boolean,
  );
  const nsId = id("ns", String(n), ns.name);
  out.push(
    `  subgraph ${nsId}["${label(`namespace ${ns.namespace}${deny.length > 0 ? ` (default deny: ${deny.join(", ")})` : ""}`)}"]`,
  );
  const ids = new Map<string, string>();
  for (const w of ns.workloads) {
    const wid = id("wl", String(n), w.name);
    ids.set(w.name, wid);
    out.push(`    ${wid}["${label(w.name === w.selector ? w.selector : `${w.name}<br/>${w.selector}`)}"]`);
  }
  const inside = `all pods in ${ns.namespace}`;
  if (ns.flows.some((f) => f.from === inside || f.to === inside)) {
    const aid = id("all", String(n), ns.name);
    ids.set(inside, aid);
    out.push(`    ${aid}["${label(inside)}"]`);
  }
  out.push("  end");
  const endId = (end: string): string => {
    let e = ids.get(end);
    if (!e) {
      e = id("peer", String(n), end);
      ids.set(end, e);
      out.push(`  ${e}(("${label(end)}"))`);
    }
    return e;
  };
  for (const f of ns.flows) {
    const arrow = f.generated ? "-.->" : "-->";
    out.push(`  ${endId(f.from)} ${arrow}|"${label(edgeText(f.label, f.ids))}"| ${endId(f.to)}`);
  }
}
