/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the top functions by self
 * time, and self time per package / source file, so a hot spot shows at a
 * glance. Usage: `node -r sucrase/register/ts bench/lib/prof-top.ts <file.cpuprofile> [n]`.
 */
import * as fs from "fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** Groups a script URL: the npm package, or the project file. */
export function bucket(url: string): string {
  if (!url) return "(native/gc)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

/** Self time (ms) per function and per bucket. */
export function summarise(p: Profile): {
  fns: Map<string, number>;
  buckets: Map<string, number>;
  total: number;
} {
  const byId = new Map(p.nodes.map((n) => [n.id, n] as const));
  const self = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const fns = new Map<string, number>();
  const buckets = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    const b = bucket(f.url);
    const key = `${f.functionName || "(anonymous)"} ${b}:${f.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
    buckets.set(b, (buckets.get(b) ?? 0) + ms);
  }
  return { fns, buckets, total };
}

function top(m: Map<string, number>, n: number): string[] {
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`);
}

if (require.main === module) {
  const [file, n = "25"] = process.argv.slice(2);
  const { fns, buckets, total } = summarise(JSON.parse(fs.readFileSync(file, "utf8")) as Profile);
  console.log(`total sampled: ${total.toFixed(0)} ms\n\n# by package / file`);
  console.log(top(buckets, Number(n)).join("\n"));
  console.log("\n# by function (self)");
  console.log(top(fns, Number(n)).join("\n"));
}
