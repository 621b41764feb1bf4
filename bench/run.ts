/**
 * Runs the benchmarks (`npm run bench`, or `npm run bench -- throughput`).
 * Flags go to the benchmark that takes them: `npm run bench -- test-budget --ledger`.
 * Each prints its ratio on its last line. Results go in bench/RESULTS.md by
 * hand, with the machine and date this prints.
 */
import { machine } from "./lib/measure";
import * as checkVsFloor from "./check-vs-floor";
import * as engine from "./engine";
import * as throughput from "./policy-throughput";
import * as scaling from "./scaling";
import * as testBudget from "./test-budget";

const BENCHES: Record<string, (flags: string[]) => number> = {
  "check-vs-floor": () => checkVsFloor.main(),
  throughput: () => throughput.main(),
  scaling: () => scaling.main(),
  "test-budget": (flags) => testBudget.main(flags),
  engine: () => engine.main(),
};
/** The flags each benchmark takes. */
const FLAGS: Record<string, readonly string[]> = { "test-budget": testBudget.FLAGS };

const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith("--"));
const flags = args.filter((a) => a.startsWith("--"));
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}`);
  process.exit(2);
}
for (const f of flags) {
  const takers = Object.keys(FLAGS).filter((b) => FLAGS[b].includes(f));
  if (takers.length === 0) {
    console.error(`unknown flag ${f}; flags: ${JSON.stringify(FLAGS)}`);
    process.exit(2);
  }
  if (wanted.length === 0 || wanted.some((w) => !takers.includes(w))) {
    console.error(`${f} is a flag of ${takers.join(", ")} only: npm run bench -- ${takers[0]} ${f}`);
    process.exit(2);
  }
}
console.log(`machine: ${machine()}; date: ${new Date().toISOString().slice(0, 10)}`);
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  console.log(`\n# ${name}`);
  BENCHES[name](flags);
}
