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
  const ours: ThroughputSample[] = [];
  const guard: ThroughputSample[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(measurePack(path.join(ROOT, "policies"), state));
    guard.push(measurePack(path.join(ROOT, "bench", "awsguard-pack"), state));
  }
  const oursRate = median(ours.map((s) => s.resources / s.seconds));
  const guardRate = median(guard.map((s) => s.resources / s.seconds));
  const peak = (xs: ThroughputSample[]) => Math.max(...xs.map((s) => s.packPeak + s.selfPeak));
  console.log(
    `policy throughput, ${count} resources, ${runs} interleaved runs each, gRPC pack process as the engine runs it`,
  );
  console.log(
    `  paved:    ${oursRate.toFixed(0)} resources/s (median), ${ours[0].violations} violations, peak ${mib(peak(ours))} (client + pack)`,
  );
  console.log(
    `  awsguard: ${guardRate.toFixed(0)} resources/s (median), ${guard[0].violations} violations, peak ${mib(peak(guard))} (client + pack)`,
  );
  const r = oursRate / guardRate;
  console.log(
    `policy throughput ratio paved/awsguard: ${ratio(r)} per resource (target >= 3×); paved peak memory ${mib(peak(ours))} (target < 1024 MiB)`,
  );
  return r;
}

if (require.main === module) main();
