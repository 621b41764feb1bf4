/**
 * Benchmark 5 (needs the real engine: `npm run engine:build`): `pulumi preview`
 * of examples/web-service with the policy pack against without it, interleaved
 * in one run after a warm-up of each (target: the pack adds <= 10 %), and
 * `paved check` of the same program against the real preview with the pack
 * (what a team saves by checking before the engine). Each pair's ratio is of
 * medians. The program runs transpile-only in both previews, as in the engine
 * tests: type-checking is the same cost with or without the pack.
 */
import * as fs from "fs";
import * as path from "path";
import { POLICIES, PULUMI, packConfig, workspace } from "../test/engine/harness";
import { interleave, median, ratio, timeCommand } from "./lib/measure";

const ROOT = path.resolve(__dirname, "..");

export function main(runs = Number(process.env.BENCH_RUNS ?? 5)): number {
  if (!fs.existsSync(PULUMI)) {
    console.log("engine: skipped: run `npm run engine:build` first (needs Go)");
    return NaN;
  }
  const ws = workspace(path.join(ROOT, "examples", "web-service"), "dev");
  try {
    const env = { ...process.env, ...ws.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" };
    const preview = (pack: boolean) => () => {
      const args = ["preview", "--non-interactive"];
      if (pack) args.push("--policy-pack", POLICIES, "--policy-pack-config", packConfig("prod"));
      const t = timeCommand(PULUMI, args, { cwd: ws.dir, env });
      return t.ms;
    };
    const withPack = interleave(preview(true), preview(false), runs);
    const packRatio = median(withPack.a) / median(withPack.b);
    console.log(
      `  pulumi preview web-service: with the pack ${(median(withPack.a) / 1000).toFixed(2)} s, without ${(median(withPack.b) / 1000).toFixed(2)} s: ${ratio(packRatio)} (target <= 1.10×)`,
    );
    const check = () =>
      timeCommand(process.execPath, [path.join(ROOT, "bin", "paved.js"), "check", ws.dir, "--preview"], {
        cwd: ROOT,
      }).ms;
    const vsEngine = interleave(check, preview(true), runs);
    const checkRatio = median(vsEngine.a) / median(vsEngine.b);
    console.log(
      `  paved check --preview ${(median(vsEngine.a) / 1000).toFixed(2)} s vs pulumi preview with the pack ${(median(vsEngine.b) / 1000).toFixed(2)} s: ${ratio(checkRatio)}`,
    );
    console.log(
      `engine: the pack costs ${ratio(packRatio)} of a preview; paved check takes ${ratio(checkRatio)} of it`,
    );
    return packRatio;
  } finally {
    ws.remove();
  }
}

if (require.main === module) main();
