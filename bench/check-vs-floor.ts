/**
 * Benchmark 1: `paved check examples/<name>` against the floor, the bare cost
 * of loading the SDKs the example uses (`node -e "require('@pulumi/pulumi');
 * require('@pulumi/aws')"`, plus @pulumi/kubernetes where used). Runs are
 * interleaved in one process, after a warm-up of each. Prints the median ratio
 * per example and overall. Target: <= 1.5x.
 */
import * as fs from "fs";
import * as path from "path";
import { interleave, median, ratio, timeCommand } from "./lib/measure";

const ROOT = path.resolve(__dirname, "..");

function floorModules(exampleDir: string): string[] {
  const src = fs.readFileSync(path.join(exampleDir, "index.ts"), "utf8");
  const mods = ["@pulumi/pulumi", "@pulumi/aws"];
  if (src.includes("@pulumi/kubernetes") || src.includes("kubernetes")) mods.push("@pulumi/kubernetes");
  return mods;
}

export function main(runs = Number(process.env.BENCH_RUNS ?? 5)): number {
  const examples = fs
    .readdirSync(path.join(ROOT, "examples"))
    .filter((d) => fs.existsSync(path.join(ROOT, "examples", d, "Pulumi.yaml")))
    .sort();
  const ratios: number[] = [];
  for (const name of examples) {
    const dir = path.join(ROOT, "examples", name);
    const mods = floorModules(dir);
    const floor = () =>
      timeCommand(process.execPath, ["-e", mods.map((m) => `require(${JSON.stringify(m)})`).join(";")], {
        cwd: ROOT,
      }).ms;
    const check = () =>
      timeCommand(process.execPath, [path.join(ROOT, "bin", "paved.js"), "check", dir], { cwd: ROOT }).ms;
    const s = interleave(check, floor, runs);
    const r = median(s.a) / median(s.b);
    ratios.push(r);
    console.log(
      `  ${name.padEnd(22)} paved check ${(median(s.a) / 1000).toFixed(2)} s, floor (${mods.join(" + ")}) ${(median(s.b) / 1000).toFixed(2)} s: ${ratio(r)}`,
    );
  }
  const r = median(ratios);
  console.log(
    `check vs floor: median ratio ${ratio(r)} over ${examples.length} examples, ${runs} interleaved runs each (target <= 1.5×)`,
  );
  return r;
}

if (require.main === module) main();
