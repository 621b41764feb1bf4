/**
 * The SVG of `paved diagram`, checked as a picture: on a busy network (six
 * tiers, thirteen flows) and a NamespaceBaseline, no two boxes overlap, no
 * label overlaps a box or another label, every label sits on its own arrow,
 * the internet and AWS services are outside the VPC box, and resvg renders
 * the document to a PNG.
 */
import { Resvg } from "@resvg/resvg-js";
import { paved, program } from "./run-cli";

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  text?: string;
}

/** Every `<rect>` of the document with the first text drawn inside it. */
function rects(svg: string): Rect[] {
  const texts = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    s: m[3],
  }));
  return [
    ...svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)"([^>]*)>/g),
  ].map((m) => {
    const r = { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) };
    const t = texts.find((t) => t.x >= r.x && t.x <= r.x + r.w && t.y >= r.y && t.y <= r.y + r.h);
    return { ...r, text: t?.s };
  });
}

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/** Edge labels: white boxes with a thin grey stroke. */
const isLabel = (svg: string, r: Rect) =>
  svg.includes(
    `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="3" fill="#ffffff" stroke="#bbb"`,
  );

function paths(svg: string): { x: number; y: number }[][] {
  return [...svg.matchAll(/<path class="flow" d="([^"]+)"/g)].map((m) =>
    [...m[1].matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((p) => ({ x: Number(p[1]), y: Number(p[2]) })),
  );
}

/** Distance from a point to a polyline. */
function distance(p: { x: number; y: number }, line: { x: number; y: number }[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1], line[i]];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
  }
  return best;
}

function checkPicture(svg: string): void {
  const all = rects(svg).slice(1); // the white background
  const labels = all.filter((r) => isLabel(svg, r));
  const boxes = all.filter((r) => !isLabel(svg, r));
  // Labels overlap no box they are not drawn in (cluster boxes hold them) and no other label.
  for (const l of labels) {
    for (const b of boxes)
      if (!inside(l, b))
        expect({ label: l.text, box: b.text, overlap: overlap(l, b) }).toMatchObject({ overlap: false });
    for (const m of labels) if (m !== l) expect(overlap(l, m)).toBe(false);
  }
  // Boxes either nest or are apart.
  for (const a of boxes)
    for (const b of boxes) if (a !== b && !inside(a, b) && !inside(b, a)) expect(overlap(a, b)).toBe(false);
  // Every label sits on its own arrow: its centre is on the path drawn just before it.
  const lines = paths(svg);
  expect(lines).toHaveLength(labels.length);
  labels.forEach((l, i) => {
    expect(distance({ x: l.x + l.w / 2, y: l.y + l.h / 2 }, lines[i])).toBeLessThan(2);
  });
  // resvg renders it.
  const png = new Resvg(svg, { background: "white" }).render();
  expect(png.width).toBeGreaterThan(300);
  expect(png.asPng().subarray(1, 4).toString()).toBe("PNG");
}

describe("paved diagram --format svg, as a picture", () => {
  test("a busy network: 6 tiers, 13 flows, NAT per AZ, endpoints", async () => {
    const r = await paved(["diagram", program("network-busy"), "--format", "svg"]);
    expect(r.code).toBe(0);
    const svg = r.stdout;
    checkPicture(svg);
    const all = rects(svg);
    const vpc = all.find((b) => b.text?.startsWith("VPC busy"))!;
    for (const outside of ["internet", "AWS S3", "AWS DynamoDB", "10.0.0.0/8"]) {
      const node = all.find((b) => b.text === outside);
      expect(node).toBeDefined();
      expect(overlap(node!, vpc)).toBe(false);
    }
    expect(svg.match(/>NAT<\/text>/g)).toHaveLength(3);
    expect(svg).toContain(">interface endpoints: ssm, logs</text>");
    expect(svg).toContain(">internet gateway · NAT perAz</text>");
    expect(svg).toMatch(/>flow-[0-9a-f]{10}(, flow-[0-9a-f]{10})?<\/text>/);
    expect(paths(svg)).toHaveLength(13);
  });

  test("a NamespaceBaseline: workloads in the namespace box, the default deny, peers outside", async () => {
    const r = await paved(["diagram", "examples/team-namespace", "--format", "svg"]);
    expect(r.code).toBe(0);
    const svg = r.stdout;
    checkPicture(svg);
    expect(svg).toContain(">namespace orders (NamespaceBaseline orders)</text>");
    expect(svg).toContain(
      ">default deny: ingress (default-deny-ingress), egress (default-deny-egress); only the arrows pass</text>",
    );
    const all = rects(svg);
    const ns = all.find((b) => b.text?.startsWith("namespace orders"))!;
    expect(
      inside(
        all.find((b) => b.text === "api")!,
        ns,
      ),
    ).toBe(true);
    const peer = all.find((b) => b.text?.startsWith("namespace=monitoring"))!;
    expect(overlap(peer, ns)).toBe(false);
    expect(svg).toContain(">in-api-7fb6c2d5</text>");
    expect(svg).toContain(">udp 53, tcp 53 (generated)</text>");
  });
});
