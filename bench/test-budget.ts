/**
 * Benchmark 4: the test-suite budget. Runs `npm test` (typecheck, lint, jest)
 * as CI does, on this machine's cores, and prints its wall time as a ratio of
 * the 90 s budget. Below 1× is within budget.
 */
import * as os from "os";
import * as path from "path";
import { ratio, timeCommand } from "./lib/measure";

const BUDGET_MS = 90_000;

export function main(): number {
  const root = path.resolve(__dirname, "..");
  const { ms, status } = timeCommand("npm", ["test"], { cwd: root, env: { ...process.env, CI: "true" } });
  if (status !== 0) console.log(`  npm test exited ${status}`);
  const r = ms / BUDGET_MS;
  console.log(
    `test-suite budget: npm test took ${(ms / 1000).toFixed(1)} s on ${os.cpus().length} cores: ${ratio(r)} of the 90 s budget (target < 1×)`,
  );
  return r;
}

if (require.main === module) main();
