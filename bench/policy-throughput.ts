/**
 * Benchmark 2: policy throughput against @pulumi/awsguard. A generated stack
 * export of 10,000 AWS resources (security groups, rules, volumes, instances,
 * roles, policies, buckets, RDS) is evaluated by our pack and by awsguard
 * (served from bench/awsguard-pack), through the same analyzer client and the
 * same transport, runs interleaved. Prints resources per second for each,
 * peak memory, and the ratio. Target: ours >= 3x awsguard's per resource;
 * peak memory < 1 GiB.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateStackExport } from "./lib/gen-state";
import { median, ratio } from "./lib/measure";

const ROOT = path.resolve(__dirname, "..");

export interface ThroughputSample {
  resources: number;
  seconds: number;
  violations: number;
  packPeak: number;
  selfPeak: number;
}

/** Runs one measurement in a fresh process. */
export function measurePack(packDir: string, stateFile: string, transport = "process"): ThroughputSample {
  const r = spawnSync(
    process.execPath,
    [
      "-r",
      "sucrase/register/ts",
      path.join(__dirname, "lib", "throughput-worker.ts"),
      packDir,
      stateFile,
      transport,
    ],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`throughput worker failed for ${packDir}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as ThroughputSample;
}

/** Writes a generated export of `count` resources to a temp file. */
export function writeState(count: number): string {
  const file = path.join(os.tmpdir(), `paved-bench-${count}.json`);
  fs.writeFileSync(file, JSON.stringify(generateStackExport(count)));
  return file;
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

export function main(runs = Number(process.env.BENCH_RUNS ?? 3)): number {
  const count = Number(process.env.BENCH_RESOURCES ?? 10_000);
  const state = writeState(count);
  const packs = {
    paved: path.join(ROOT, "policies"),
    awsguard: path.join(ROOT, "bench", "awsguard-pack"),
    empty: path.join(ROOT, "bench", "empty-pack"),
  };
  console.log(
    `policy throughput, ${count} generated AWS resources, ${runs} interleaved runs per pack and transport`,
  );
  const rates: Record<string, Record<string, number>> = {};
  let pavedPeak = 0;
  for (const transport of ["in-process", "process"] as const) {
    const samples: Record<string, ThroughputSample[]> = { paved: [], awsguard: [], empty: [] };
    for (let i = 0; i < runs; i++) {
      for (const [name, dir] of Object.entries(packs)) samples[name].push(measurePack(dir, state, transport));
    }
    const secs = (name: string) => median(samples[name].map((s) => s.seconds));
    rates[transport] = { paved: count / secs("paved"), awsguard: count / secs("awsguard") };
    const peak = Math.max(...samples.paved.map((s) => s.packPeak + s.selfPeak));
    pavedPeak = Math.max(pavedPeak, peak);
    const label =
      transport === "in-process"
        ? "each pack's handler table loaded in-process (paved check's path)"
        : "pack process over gRPC (the engine's path)";
    console.log(`  ${label}:`);
    for (const name of ["paved", "awsguard", "empty"]) {
      const s = samples[name];
      console.log(
        `    ${name.padEnd(9)} ${(count / secs(name)).toFixed(0).padStart(6)} resources/s, ${String(s[0].violations).padStart(5)} violations, peak ${mib(Math.max(...s.map((x) => x.packPeak + x.selfPeak)))}`,
      );
    }
    const net = (secs("awsguard") - secs("empty")) / Math.max(1e-9, secs("paved") - secs("empty"));
    console.log(
      `    paved/awsguard ${ratio(secs("awsguard") / secs("paved"))}; with the empty pack's time (the path itself) taken off both: ${ratio(net)}`,
    );
  }
  const r = rates["in-process"].paved / rates["in-process"].awsguard;
  console.log(
    `policy throughput ratio paved/awsguard: ${ratio(r)} per resource, packs loaded in-process (target >= 3×), ${ratio(rates.process.paved / rates.process.awsguard)} over gRPC; paved peak memory ${mib(pavedPeak)} (target < 1024 MiB)`,
  );
  return r;
}

if (require.main === module) main();
