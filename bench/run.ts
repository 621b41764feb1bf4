/**
 * Runs the benchmarks (`npm run bench`, or `npm run bench -- throughput`).
 * Each prints its ratio on its last line. Results go in bench/RESULTS.md by
 * hand, with the machine and date this prints.
 */
import { machine } from "./lib/measure";
import * as checkVsFloor from "./check-vs-floor";
import * as engine from "./engine";
import * as throughput from "./policy-throughput";
import * as scaling from "./scaling";
import * as testBudget from "./test-budget";

const BENCHES: Record<string, () => number> = {
  "check-vs-floor": () => checkVsFloor.main(),
  throughput: () => throughput.main(),
  scaling: () => scaling.main(),
  "test-budget": () => testBudget.main(),
  engine: () => engine.main(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}`);
  process.exit(2);
}
console.log(`machine: ${machine()}; date: ${new Date().toISOString().slice(0, 10)}`);
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  console.log(`\n# ${name}`);
  BENCHES[name]();
}
