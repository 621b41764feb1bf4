/**
 * Benchmark 3: scaling. `paved check --state` on generated exports of 1k, 10k
 * and 50k resources, each run as the user runs it (the CLI, a pack process).
 * Prints the time per resource at each size and the ratio of the largest to
 * the smallest: flat means close to 1.
 */
import * as path from "path";
import { writeState } from "./policy-throughput";
import { median, ratio, timeCommand } from "./lib/measure";

const ROOT = path.resolve(__dirname, "..");

export function main(runs = Number(process.env.BENCH_RUNS ?? 3)): number {
  const sizes = (process.env.BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);
  const perResource: number[] = [];
  for (const size of sizes) {
    const state = writeState(size);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { ms, status } = timeCommand(
        process.execPath,
        [path.join(ROOT, "bin", "paved.js"), "check", "--state", state, "--format", "json"],
        {
          cwd: ROOT,
        },
      );
      if (status === 2) throw new Error(`paved check --state ${state} exited 2`);
      samples.push(ms);
    }
    const ms = median(samples);
    perResource.push(ms / size);
    console.log(
      `  ${String(size).padStart(6)} resources: ${(ms / 1000).toFixed(2)} s median, ${((ms * 1000) / size).toFixed(0)} µs per resource`,
    );
  }
  const r = perResource[perResource.length - 1] / perResource[0];
  console.log(
    `scaling: time per resource at ${sizes[sizes.length - 1]} vs ${sizes[0]} resources: ${ratio(r)} (flat is ~1×; startup weighs on the small end)`,
  );
  return r;
}

if (require.main === module) main();
