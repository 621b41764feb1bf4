/**
 * Graph layout for the diagrams, by @dagrejs/dagre (MIT): a layered layout
 * that orders nodes to keep edges from crossing, routes every edge around the
 * nodes, and places each edge's label as a node of its own on the edge, so
 * labels neither overlap nor drift from their arrows. Boxes (a VPC, a
 * namespace) are dagre clusters: their members are laid out inside them and
 * everything else outside. Pure and deterministic.
 */
import * as dagre from "@dagrejs/dagre";

/** A box to place. */
export interface LayoutNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** The cluster it sits in. */
  readonly parent?: string;
}

/** A box around nodes. */
export interface LayoutCluster {
  readonly id: string;
  readonly parent?: string;
  /** Room above the members for the cluster's title. @default 0 */
  readonly titleHeight?: number;
}

/** An edge with a label of the given size. */
export interface LayoutEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly labelWidth: number;
  readonly labelHeight: number;
}

export interface Box {
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  readonly points: readonly { x: number; y: number }[];
  /** The label's box. */
  readonly label: Box;
}

export interface Layout {
  readonly nodes: ReadonlyMap<string, Box>;
  readonly clusters: ReadonlyMap<string, Box>;
  readonly edges: ReadonlyMap<string, PlacedEdge>;
  readonly width: number;
  readonly height: number;
}

const CLUSTER_PAD = 12;

/** Lays the graph out top to bottom; every coordinate is at least `margin`. */
export function layoutGraph(
  input: {
    nodes: readonly LayoutNode[];
    clusters?: readonly LayoutCluster[];
    edges: readonly LayoutEdge[];
  },
  margin = 20,
): Layout {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 100, edgesep: 24, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const clusters = input.clusters ?? [];
  const parentOf = new Map<string, string | undefined>(clusters.map((c) => [c.id, c.parent]));
  /** True when a node whose parent is `p` lies inside cluster `c` (directly or through nested clusters). */
  const isInside = (p: string | undefined, c: string): boolean => {
    for (let q = p; q !== undefined; q = parentOf.get(q)) if (q === c) return true;
    return false;
  };
  for (const c of clusters) g.setNode(c.id, {});
  for (const c of clusters) if (c.parent) g.setParent(c.id, c.parent);
  for (const n of input.nodes) {
    g.setNode(n.id, { width: n.width, height: n.height });
    if (n.parent) g.setParent(n.id, n.parent);
  }
  for (const e of input.edges) {
    g.setEdge(e.from, e.to, { width: e.labelWidth, height: e.labelHeight, labelpos: "c", minlen: 1 }, e.id);
  }
  dagre.layout(g);

  const nodes = new Map<string, Box>();
  for (const n of input.nodes) {
    const v = g.node(n.id);
    nodes.set(n.id, { x: v.x - n.width / 2, y: v.y - n.height / 2, width: n.width, height: n.height });
  }
  const edges = new Map<string, { points: { x: number; y: number }[]; label: Box }>();
  for (const e of input.edges) {
    const v = g.edge({ v: e.from, w: e.to, name: e.id });
    edges.set(e.id, {
      points: (v.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })),
      label: {
        x: (v.x ?? 0) - e.labelWidth / 2,
        y: (v.y ?? 0) - e.labelHeight / 2,
        width: e.labelWidth,
        height: e.labelHeight,
      },
    });
  }
  // A cluster's box: dagre's (its border nodes keep every other node out of it), with room for the
  // title above the members, and never tighter than the members' extent.
  const boxes = new Map<string, Box>();
  for (const c of clusters) {
    const inside = [
      ...input.nodes.filter((n) => isInside(n.parent, c.id)).map((n) => nodes.get(n.id) as Box),
    ];
    if (inside.length === 0) continue;
    const v = g.node(c.id) as { x?: number; y?: number; width?: number; height?: number };
    const ix0 = Math.min(...inside.map((b) => b.x)) - CLUSTER_PAD;
    const iy0 = Math.min(...inside.map((b) => b.y)) - CLUSTER_PAD - (c.titleHeight ?? 0);
    const ix1 = Math.max(...inside.map((b) => b.x + b.width)) + CLUSTER_PAD;
    const iy1 = Math.max(...inside.map((b) => b.y + b.height)) + CLUSTER_PAD;
    const dx0 = v.width !== undefined && v.x !== undefined ? v.x - v.width / 2 : ix0;
    const dx1 = v.width !== undefined && v.x !== undefined ? v.x + v.width / 2 : ix1;
    const dy1 = v.height !== undefined && v.y !== undefined ? v.y + v.height / 2 : iy1;
    const x0 = Math.min(dx0, ix0);
    const x1 = Math.max(dx1, ix1);
    const y1 = Math.max(dy1, iy1);
    boxes.set(c.id, { x: x0, y: iy0, width: x1 - x0, height: y1 - iy0 });
  }

  // Shift everything so the drawing starts at (margin, margin).
  const all: Box[] = [...nodes.values(), ...boxes.values(), ...[...edges.values()].map((e) => e.label)];
  const points = [...edges.values()].flatMap((e) => e.points);
  const minX = Math.min(...all.map((b) => b.x), ...points.map((p) => p.x));
  const minY = Math.min(...all.map((b) => b.y), ...points.map((p) => p.y));
  const maxX = Math.max(...all.map((b) => b.x + b.width), ...points.map((p) => p.x));
  const maxY = Math.max(...all.map((b) => b.y + b.height), ...points.map((p) => p.y));
  const dx = margin - (Number.isFinite(minX) ? minX : 0);
  const dy = margin - (Number.isFinite(minY) ? minY : 0);
  const move = (b: Box): Box => ({ ...b, x: b.x + dx, y: b.y + dy });
  return {
    nodes: new Map([...nodes].map(([k, b]) => [k, move(b)])),
    clusters: new Map([...boxes].map(([k, b]) => [k, move(b)])),
    edges: new Map(
      [...edges].map(([k, e]) => [
        k,
        { points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })), label: move(e.label) },
      ]),
    ),
    width: (Number.isFinite(maxX) ? maxX + dx : 0) + margin,
    height: (Number.isFinite(maxY) ? maxY + dy : 0) + margin,
  };
}
