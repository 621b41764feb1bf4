/**
 * A plain SVG of a topology, generated directly (no browser): each network is
 * a box; each tier a band holding one box per subnet (per AZ); ends outside
 * the VPC (internet, CIDRs, endpoints) are bands above it; every flow is a
 * vertical arrow in its own lane to the right, labelled with its ports.
 */
import type { NetworkView, Topology } from "./topology";

const BAND_H = 64;
const BAND_GAP = 16;
const SUBNET_W = 150;
const LANE_W = 90;
const PAD = 20;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface Band {
  readonly name: string;
  readonly routing?: string;
  readonly external: boolean;
  readonly subnets: readonly { az: string; cidr?: string }[];
}

function bandsOf(net: NetworkView): Band[] {
  const tiers = new Set(net.tiers.map((t) => t.name));
  const externals = [
    ...new Set(net.flows.flatMap((f) => [f.from, f.to]).filter((e) => !tiers.has(e))),
  ].sort();
  return [
    ...externals.map((name) => ({ name, external: true, subnets: [] })),
    ...net.tiers.map((t) => ({ name: t.name, routing: t.routing, external: false, subnets: t.subnets })),
  ];
}

function renderNetwork(net: NetworkView, top: number, parts: string[]): { width: number; height: number } {
  const bands = bandsOf(net);
  const maxSubnets = Math.max(1, ...bands.map((b) => b.subnets.length));
  const bandW = 120 + maxSubnets * (SUBNET_W + 10);
  const lanesX = PAD * 2 + bandW + 20;
  const titleH = 30;
  const y0 = top + titleH;
  const bandY = new Map<string, number>();
  bands.forEach((b, i) => {
    const y = y0 + i * (BAND_H + BAND_GAP);
    bandY.set(b.name, y);
    const fill = b.external ? "#fff4e5" : "#e8f1fb";
    const stroke = b.external ? "#d9822b" : "#2b6cb0";
    parts.push(
      `<rect x="${PAD * 2}" y="${y}" width="${bandW}" height="${BAND_H}" rx="${b.external ? 30 : 6}" fill="${fill}" stroke="${stroke}"/>`,
      `<text x="${PAD * 2 + 10}" y="${y + BAND_H / 2 + 5}" ${FONT} font-size="14" font-weight="bold">${esc(b.external ? b.name : `tier ${b.name}`)}</text>`,
      ...(b.routing
        ? [
            `<text x="${PAD * 2 + 10}" y="${y + BAND_H / 2 + 20}" ${FONT} font-size="10" fill="#555">${esc(b.routing === "none" ? "no route out" : `via ${b.routing}`)}</text>`,
          ]
        : []),
    );
    b.subnets.forEach((s, j) => {
      const x = PAD * 2 + 120 + j * (SUBNET_W + 10);
      parts.push(
        `<rect x="${x}" y="${y + 8}" width="${SUBNET_W}" height="${BAND_H - 16}" rx="4" fill="#ffffff" stroke="#7a9cc6"/>`,
        `<text x="${x + 8}" y="${y + 28}" ${FONT} font-size="12">${esc(s.az)}</text>`,
        `<text x="${x + 8}" y="${y + 44}" ${FONT} font-size="11" fill="#555">${esc(s.cidr ?? "")}</text>`,
      );
    });
  });
  net.flows.forEach((f, i) => {
    const ya = bandY.get(f.from);
    const yb = bandY.get(f.to);
    if (ya === undefined || yb === undefined) return;
    const x = lanesX + i * LANE_W;
    const y1 = ya + BAND_H / 2 + (ya < yb ? 6 : -6);
    const y2 = yb + BAND_H / 2 + (ya < yb ? -6 : 6);
    const right = PAD * 2 + bandW;
    parts.push(
      `<polyline points="${right},${y1} ${x},${y1} ${x},${y2} ${right + 2},${y2}" fill="none" stroke="#333" stroke-width="1.5" marker-end="url(#arrow)"/>`,
      `<text x="${x + 4}" y="${(y1 + y2) / 2}" ${FONT} font-size="11">${esc(f.label)}</text>`,
    );
  });
  const height = titleH + bands.length * (BAND_H + BAND_GAP) + PAD;
  const width = lanesX + net.flows.length * LANE_W + PAD;
  parts.push(
    `<rect x="${PAD}" y="${top}" width="${width - PAD * 2}" height="${height}" rx="8" fill="none" stroke="#999" stroke-dasharray="4 3"/>`,
    `<text x="${PAD + 10}" y="${top + 20}" ${FONT} font-size="15" font-weight="bold">${esc(`${net.name}${net.cidr ? ` (${net.cidr})` : ""}`)}</text>`,
  );
  return { width, height };
}

/** Renders the topology as a standalone SVG document. */
export function renderSvg(topology: Topology): string {
  const parts: string[] = [];
  let y = PAD;
  let width = 400;
  for (const net of topology.networks) {
    const size = renderNetwork(net, y, parts);
    y += size.height + PAD * 2;
    width = Math.max(width, size.width);
  }
  if (topology.networks.length === 0) {
    parts.push(`<text x="${PAD}" y="${PAD + 20}" ${FONT} font-size="14">no network in this program</text>`);
    y += 40;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">`,
    "<title>paved diagram</title>",
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
