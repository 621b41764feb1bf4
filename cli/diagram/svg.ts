/**
 * A standalone SVG of a topology, generated directly (no browser), laid out
 * by `layout.ts` (dagre): no two boxes overlap, edges are routed around the
 * boxes and each label sits on its own arrow.
 *
 * A network: the VPC is a box holding one box per tier (its routing, a
 * subnet per AZ with its CIDR, the NAT gateways and interface endpoints in
 * it); the internet, CIDRs and AWS services (S3, DynamoDB through their
 * gateway endpoints) are outside the VPC box. Every declared flow is an arrow
 * labelled with its protocol, ports and rule ids.
 *
 * A NamespaceBaseline: the namespace is a box holding its workloads, with the
 * default deny written under its title; peers outside the namespace (other
 * namespaces, CIDRs) are outside the box; every allowed flow is an arrow with
 * its ports and NetworkPolicy rule ids, generated ones (DNS) dashed.
 */
import { layoutGraph, type LayoutEdge, type LayoutNode } from "./layout";
import type { NamespaceView, NetworkView, Topology } from "./topology";

const PAD = 20;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';
const CHIP_W = 150;
const CHIP_H = 40;
const LINE = 14;

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A rough text width: enough for Helvetica at this size. */
function textWidth(s: string, size: number, bold = false): number {
  return Math.ceil(s.length * size * (bold ? 0.62 : 0.56));
}

function text(x: number, y: number, s: string, size: number, extra = ""): string {
  return `<text x="${x}" y="${y}" ${FONT} font-size="${size}"${extra ? ` ${extra}` : ""}>${esc(s)}</text>`;
}

/** An id safe in a layout graph. */
const gid = (...parts: string[]) => parts.join("::");

/** What an edge label says: the ports, then the rule ids. */
function labelLines(label: string, ids: readonly string[] | undefined): string[] {
  const lines = [label];
  const list = ids ?? [];
  for (let i = 0; i < list.length; i += 2) lines.push(list.slice(i, i + 2).join(", "));
  return lines;
}

function edgeLabelSize(lines: readonly string[]): { width: number; height: number } {
  return {
    width: Math.max(...lines.map((l, i) => textWidth(l, i === 0 ? 11 : 9))) + 10,
    height: 6 + lines.length * 12,
  };
}

function renderEdge(
  parts: string[],
  points: readonly { x: number; y: number }[],
  label: { x: number; y: number; width: number; height: number },
  lines: readonly string[],
  dashed: boolean,
): void {
  if (points.length < 2) return;
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  parts.push(
    `<path class="flow" d="${d}" fill="none" stroke="${dashed ? "#888" : "#333"}" stroke-width="1.5"${dashed ? ' stroke-dasharray="5 4"' : ""} marker-end="url(#arrow)"/>`,
    `<rect x="${label.x}" y="${label.y}" width="${label.width}" height="${label.height}" rx="3" fill="#ffffff" stroke="#bbb" stroke-width="0.5"/>`,
    ...lines.map((l, i) =>
      text(label.x + 5, label.y + 14 + i * 12, l, i === 0 ? 11 : 9, i === 0 ? "" : 'fill="#666"'),
    ),
  );
}

/** How an end outside the VPC is shown. */
function externalTitle(end: string): string {
  if (end === "internet") return "internet";
  const gw = /^(\S+) \(gateway endpoint\)$/.exec(end);
  if (gw) return `AWS ${gw[1] === "s3" ? "S3" : gw[1] === "dynamodb" ? "DynamoDB" : gw[1]}`;
  return end;
}

function renderNetwork(net: NetworkView, top: number, parts: string[]): { width: number; height: number } {
  const tiers = new Map(net.tiers.map((t) => [t.name, t]));
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const vpc = gid(net.name, "vpc");
  const tierSize = (name: string) => {
    const t = tiers.get(name)!;
    const chips = Math.max(1, t.subnets.length);
    const extra = (t.endpoints ?? []).length > 0 ? LINE + 4 : 0;
    return {
      width: Math.max(24 + chips * (CHIP_W + 8), textWidth(`tier ${name}`, 14, true) + 160),
      height: 34 + CHIP_H + 10 + extra,
    };
  };
  for (const t of net.tiers)
    nodes.push({ id: gid(net.name, "tier", t.name), parent: vpc, ...tierSize(t.name) });
  if (net.tiers.length === 0) {
    const w = textWidth(`VPC ${net.name}${net.cidr ? ` (${net.cidr})` : ""}`, 15, true) + 20;
    nodes.push({ id: gid(net.name, "empty"), parent: vpc, width: w, height: 24 });
  }
  const externals = new Set<string>();
  for (const f of net.flows) for (const e of [f.from, f.to]) if (!tiers.has(e)) externals.add(e);
  for (const g of net.gatewayEndpoints ?? []) externals.add(`${g} (gateway endpoint)`);
  for (const e of externals) {
    const title = externalTitle(e);
    const sub = /\(gateway endpoint\)$/.test(e)
      ? "via gateway endpoint"
      : e === "internet"
        ? ""
        : "outside the VPC";
    nodes.push({
      id: gid(net.name, "ext", e),
      width: Math.max(textWidth(title, 13, true), textWidth(sub, 10)) + 36,
      height: 44,
    });
  }
  const labels = new Map<string, string[]>();
  const reversed = new Set<string>();
  net.flows.forEach((f, i) => {
    const id = gid(net.name, "flow", String(i));
    const lines = labelLines(f.label, f.ids);
    labels.set(id, lines);
    const end = (e: string) => gid(net.name, tiers.has(e) ? "tier" : "ext", e);
    const size = edgeLabelSize(lines);
    // Traffic to the internet or a CIDR is laid out from that end, so the outside sits above the VPC
    // whatever the direction; the arrow is drawn the right way round.
    const upward = tiers.has(f.from) && !tiers.has(f.to) && !/\(gateway endpoint\)$/.test(f.to);
    if (upward) reversed.add(id);
    const [a, b] = upward ? [f.to, f.from] : [f.from, f.to];
    edges.push({ id, from: end(a), to: end(b), labelWidth: size.width, labelHeight: size.height });
  });
  const titleText = `${net.name}${net.cidr ? ` (${net.cidr})` : ""}`;
  const gateways = [
    net.internetGateway ? "internet gateway" : "",
    net.egressOnlyGateway ? "egress-only gateway" : "",
    net.nat && net.nat !== "none" ? `NAT ${net.nat}` : "",
  ].filter(Boolean);
  const layout = layoutGraph({ nodes, clusters: [{ id: vpc, titleHeight: 34 }], edges }, PAD);
  const dy = top;
  const at = (y: number) => y + dy;

  const box = layout.clusters.get(vpc);
  if (box) {
    parts.push(
      `<rect x="${box.x}" y="${at(box.y)}" width="${box.width}" height="${box.height}" rx="8" fill="#f7f9fc" stroke="#8a99ad" stroke-dasharray="6 3"/>`,
      text(box.x + 10, at(box.y) + 20, `VPC ${titleText}`, 15, 'font-weight="bold"'),
      ...(gateways.length > 0
        ? [text(box.x + 10, at(box.y) + 34, gateways.join(" · "), 10, 'fill="#555"')]
        : []),
    );
  }
  for (const t of net.tiers) {
    const b = layout.nodes.get(gid(net.name, "tier", t.name))!;
    const routing =
      t.routing === undefined
        ? ""
        : t.routing === "none"
          ? "no route out"
          : `routes out via ${t.routing === "nat" ? "NAT" : "internet gateway"}`;
    parts.push(
      `<rect x="${b.x}" y="${at(b.y)}" width="${b.width}" height="${b.height}" rx="6" fill="#e8f1fb" stroke="#2b6cb0"/>`,
      text(b.x + 10, at(b.y) + 20, `tier ${t.name}`, 14, 'font-weight="bold"'),
      ...(routing
        ? [text(b.x + 18 + textWidth(`tier ${t.name}`, 14, true), at(b.y) + 20, routing, 10, 'fill="#555"')]
        : []),
    );
    t.subnets.forEach((s, j) => {
      const x = b.x + 12 + j * (CHIP_W + 8);
      const y = at(b.y) + 30;
      const nat = (t.natAzs ?? []).includes(j);
      parts.push(
        `<rect x="${x}" y="${y}" width="${CHIP_W}" height="${CHIP_H}" rx="4" fill="#ffffff" stroke="#7a9cc6"/>`,
        text(x + 8, y + 16, s.az, 12),
        text(x + 8, y + 32, s.cidr ?? "", 11, 'fill="#555"'),
        ...(nat
          ? [
              `<rect x="${x + CHIP_W - 42}" y="${y + 6}" width="36" height="16" rx="3" fill="#fde8c8" stroke="#d9822b"/>`,
              text(x + CHIP_W - 37, y + 18, "NAT", 10, 'font-weight="bold"'),
            ]
          : []),
      );
    });
    if ((t.endpoints ?? []).length > 0) {
      parts.push(
        text(
          b.x + 12,
          at(b.y) + 30 + CHIP_H + 16,
          `interface endpoints: ${(t.endpoints ?? []).join(", ")}`,
          10,
          'fill="#555"',
        ),
      );
    }
  }
  for (const e of externals) {
    const b = layout.nodes.get(gid(net.name, "ext", e))!;
    const gw = /\(gateway endpoint\)$/.test(e);
    const title = externalTitle(e);
    const sub = gw ? "via gateway endpoint" : e === "internet" ? "" : "outside the VPC";
    parts.push(
      `<rect x="${b.x}" y="${at(b.y)}" width="${b.width}" height="${b.height}" rx="${gw ? 6 : 22}" fill="${gw ? "#fdf3e1" : "#fff4e5"}" stroke="#d9822b"/>`,
      text(b.x + 18, at(b.y) + (sub ? 19 : 27), title, 13, 'font-weight="bold"'),
      ...(sub ? [text(b.x + 18, at(b.y) + 34, sub, 10, 'fill="#555"')] : []),
    );
  }
  for (const e of edges) {
    const placed = layout.edges.get(e.id)!;
    const points = placed.points.map((p) => ({ x: p.x, y: at(p.y) }));
    renderEdge(
      parts,
      reversed.has(e.id) ? points.reverse() : points,
      { ...placed.label, y: at(placed.label.y) },
      labels.get(e.id) ?? [],
      false,
    );
  }
  if (net.tiers.length === 0) {
    const b = layout.nodes.get(gid(net.name, "empty"))!;
    parts.push(text(b.x + 4, at(b.y) + 16, "no subnets", 11, 'fill="#555"'));
  } else if (net.flows.length === 0 && box) {
    parts.push(
      text(box.x + 10, at(box.y + box.height) - 6, "no declared flows: nothing passes", 10, 'fill="#555"'),
    );
  }
  return { width: layout.width, height: layout.height };
}

function renderNamespace(ns: NamespaceView, top: number, parts: string[]): { width: number; height: number } {
  const box = gid(ns.name, "ns");
  const local = new Set(ns.workloads.map((w) => w.name));
  const nodes: LayoutNode[] = ns.workloads.map((w) => ({
    id: gid(ns.name, "w", w.name),
    parent: box,
    width:
      (w.name === w.selector
        ? textWidth(w.selector, 11)
        : Math.max(textWidth(w.name, 13, true), textWidth(w.selector, 10))) + 24,
    height: 42,
  }));
  const allPods = `all pods in ${ns.namespace}`;
  const outside = new Set<string>();
  for (const f of ns.flows) for (const e of [f.from, f.to]) if (!local.has(e)) outside.add(e);
  for (const e of outside) {
    nodes.push({
      id: gid(ns.name, "x", e),
      ...(e === allPods ? { parent: box } : {}),
      width: textWidth(e, 11) + 24,
      height: 30,
    });
  }
  const end = (e: string) => gid(ns.name, local.has(e) ? "w" : "x", e);
  const edges: LayoutEdge[] = [];
  const labels = new Map<string, string[]>();
  ns.flows.forEach((f, i) => {
    const id = gid(ns.name, "flow", String(i));
    const lines = labelLines(f.generated ? `${f.label} (generated)` : f.label, f.ids);
    labels.set(id, lines);
    const size = edgeLabelSize(lines);
    edges.push({ id, from: end(f.from), to: end(f.to), labelWidth: size.width, labelHeight: size.height });
  });
  const deny = [
    ns.defaultDeny.ingress ? `ingress (${ns.defaultDeny.ingress})` : "",
    ns.defaultDeny.egress ? `egress (${ns.defaultDeny.egress})` : "",
  ].filter(Boolean);
  const denyText =
    deny.length > 0 ? `default deny: ${deny.join(", ")}; only the arrows pass` : "no default deny";
  if (nodes.every((n) => n.parent !== box)) {
    nodes.push({ id: gid(ns.name, "empty"), parent: box, width: textWidth(denyText, 10) + 20, height: 24 });
  }
  const layout = layoutGraph({ nodes, clusters: [{ id: box, titleHeight: 34 }], edges }, PAD);
  const at = (y: number) => y + top;
  const b = layout.clusters.get(box)!;
  parts.push(
    `<rect x="${b.x}" y="${at(b.y)}" width="${b.width}" height="${b.height}" rx="8" fill="#f4f9f4" stroke="#4a8a4a" stroke-dasharray="6 3"/>`,
    text(
      b.x + 10,
      at(b.y) + 20,
      `namespace ${ns.namespace} (NamespaceBaseline ${ns.name})`,
      15,
      'font-weight="bold"',
    ),
    text(b.x + 10, at(b.y) + 34, denyText, 10, `fill="${deny.length > 0 ? "#9b2c2c" : "#555"}"`),
  );
  for (const w of ns.workloads) {
    const n = layout.nodes.get(gid(ns.name, "w", w.name))!;
    parts.push(
      `<rect x="${n.x}" y="${at(n.y)}" width="${n.width}" height="${n.height}" rx="6" fill="#e3f1e3" stroke="#2f7d32"/>`,
      ...(w.name === w.selector
        ? [text(n.x + 12, at(n.y) + 25, w.selector, 11)]
        : [
            text(n.x + 12, at(n.y) + 18, w.name, 13, 'font-weight="bold"'),
            text(n.x + 12, at(n.y) + 33, w.selector, 10, 'fill="#555"'),
          ]),
    );
  }
  for (const e of outside) {
    const n = layout.nodes.get(gid(ns.name, "x", e))!;
    const inside = e === allPods;
    parts.push(
      `<rect x="${n.x}" y="${at(n.y)}" width="${n.width}" height="${n.height}" rx="${inside ? 6 : 15}" fill="${inside ? "#ffffff" : "#fff4e5"}" stroke="${inside ? "#2f7d32" : "#d9822b"}"${inside ? ' stroke-dasharray="3 2"' : ""}/>`,
      text(n.x + 12, at(n.y) + 19, e, 11),
    );
  }
  for (const e of edges) {
    const placed = layout.edges.get(e.id)!;
    const flow = ns.flows[Number(e.id.split("::").pop())];
    renderEdge(
      parts,
      placed.points.map((p) => ({ x: p.x, y: at(p.y) })),
      { ...placed.label, y: at(placed.label.y) },
      labels.get(e.id) ?? [],
      Boolean(flow?.generated),
    );
  }
  return { width: layout.width, height: layout.height };
}

/** Renders the topology as a standalone SVG document. */
export function renderSvg(topology: Topology): string {
  const parts: string[] = [];
  let y = 0;
  let width = 400;
  for (const net of topology.networks) {
    const size = renderNetwork(net, y, parts);
    y += size.height;
    width = Math.max(width, size.width);
  }
  for (const ns of topology.namespaces ?? []) {
    const size = renderNamespace(ns, y, parts);
    y += size.height;
    width = Math.max(width, size.width);
  }
  if (topology.networks.length === 0 && (topology.namespaces ?? []).length === 0) {
    parts.push(text(PAD, PAD + 20, "no network in this program", 14));
    y += 60;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(y)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(y)}">`,
    "<title>paved diagram</title>",
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
