/**
 * One throughput measurement, in its own process so its memory is its own:
 * starts a pack as the engine does (a process, over gRPC, through the same
 * client `paved check` uses), sends every resource of a stack export to
 * Analyze (concurrently, as the client does) and the whole stack to
 * AnalyzeStack once, and prints one JSON line with the time and peak memory.
 *
 * Usage: node -r sucrase/register/ts bench/lib/throughput-worker.ts <packDir> <state.json> [in-process|process]
 */
import * as fs from "fs";
import { startAnalyzer } from "../../cli/engine/analyzer";
import { analyzerRecord } from "../../cli/engine/pack";
import { parseState } from "../../cli/engine/state";
import { childPids, peakRss } from "./measure";

async function main(): Promise<void> {
  const [packDir, stateFile, transport = "process"] = process.argv.slice(2);
  const snapshot = parseState(fs.readFileSync(stateFile, "utf8"), stateFile);
  const records = snapshot.resources
    .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
    .map((r) => analyzerRecord(r));
  const analyzer = await startAnalyzer({
    packDir,
    transport: transport as "process" | "in-process",
    stackConfig: { "paved:environment": "dev" },
  });
  await analyzer.info();
  const start = process.hrtime.bigint();
  const violations = [...(await analyzer.analyze(records)), ...(await analyzer.analyzeStack(records))];
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const packPeak = childPids(process.pid).reduce((m, pid) => Math.max(m, peakRss(pid)), 0);
  const selfPeak = peakRss(process.pid);
  await analyzer.close();
  process.stdout.write(
    JSON.stringify({
      resources: records.length,
      seconds,
      violations: violations.length,
      packPeak,
      selfPeak,
    }) + "\n",
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(2);
});
