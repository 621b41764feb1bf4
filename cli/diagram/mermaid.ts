/**
 * Mermaid flowchart of a topology: one subgraph per network, one per tier
 * holding its subnets per AZ, and the declared flows as labelled edges.
 */
import type { Topology } from "./topology";

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
      out.push(`  ${from} -->|"${label(f.label)}"| ${to}`);
    }
  });
  return out.join("\n") + "\n";
}
