/**
 * Benchmark 4: the test-suite budget. Runs `npm test` (typecheck and jest; lint
 * and the release tests are CI steps of their own, `.ci/run`) as CI does, cold,
 * on this machine's cores, and prints its wall time as a ratio of the 90 s
 * budget. Below 1× is within budget.
 *
 * Cold is a fresh clone: the run is in a copy of the working tree (its tracked
 * and untracked files, less the ignored ones, so uncommitted work is measured
 * too), committed into a new git repository, with the installed node_modules
 * hard-linked in (what `npm ci` would lay down; `npm ci` itself is outside the
 * budget) less node_modules/.cache, where jest's transform cache, ESLint's cache
 * and the CLI's transpile cache live. No *.tsbuildinfo is copied (ignored files). No test
 * writes into an installed file, which the hard links would share with the working tree.
 * `--warm` runs in the working tree instead, with whatever caches it has.
 * `--ledger` also prints where the CPU went, by kind of process (jest's workers,
 * the programs' processes, the type-check, ESLint, ...): bench/lib/cpu-ledger.js
 * is required into every Node process npm test starts and samples its CPU.
 * The load average is printed before and after: on a busy machine the figure
 * means little. So the CPU time of every process `npm test` ran is printed too
 * (Linux), with what it gives spread over the cores: the best wall time this
 * machine could reach. It moves less than the wall time, but on a shared VM it
 * still moves: one tree took 252 to 312 s of CPU within 25 minutes
 * (bench/RESULTS.md, "Test-suite budget, fourth round"), so compare trees
 * interleaved, never one run against another hours apart. To compare runs
 * of different hours anyway, the machine's speed is measured before and after
 * (a new Node process loading @pulumi/pulumi, lib/measure.ts referenceLoadMs)
 * and the run's CPU is also given in those loads.
 * `npm test`'s output goes to paved-test-budget.log in the temporary
 * directory; a failing run names the failed scripts and test files.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formatLedger, readLedger, summarise } from "./lib/ledger";
import { inReferenceLoads, ratio, referenceLoadMs, timeCommand } from "./lib/measure";

const BUDGET_MS = 90_000;

/** The flags {@link main} takes (see the header). */
export const FLAGS = ["--warm", "--ledger"] as const;

/** A cold copy of the working tree at `root`, in a new temporary directory (see the header). */
export function coldCopy(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-test-budget-"));
  const files = execFileSync("git", [
    "-C",
    root,
    "ls-files",
    "-z",
    "--cached",
    "--others",
    "--exclude-standard",
  ])
    .toString()
    .split("\0")
    .filter((f) => f !== "" && fs.existsSync(path.join(root, f)));
  for (const f of files) {
    const to = path.join(dir, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(root, f), to);
    fs.chmodSync(to, fs.statSync(path.join(root, f)).mode);
  }
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  fs.rmSync(path.join(dir, "node_modules", ".cache"), { recursive: true, force: true });
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=bench", "-c", "user.email=bench@localhost", ...args], {
      stdio: "ignore",
    });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "--no-verify", "-m", "test-budget snapshot");
  return dir;
}

/** The environment that puts bench/lib/cpu-ledger.js into every Node process, writing to `dir`. */
export function ledgerEnv(dir: string): Record<string, string> {
  const hook = path.join(__dirname, "lib", "cpu-ledger.js");
  const options = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(hook)}`].filter(Boolean).join(" ");
  return { NODE_OPTIONS: options, PAVED_CPU_LEDGER: dir };
}

export function main(argv: readonly string[] = process.argv.slice(2)): number {
  const root = path.resolve(__dirname, "..");
  const warm = argv.includes("--warm");
  const ledger = argv.includes("--ledger")
    ? fs.mkdtempSync(path.join(os.tmpdir(), "paved-cpu-ledger-"))
    : undefined;
  const dir = warm ? root : coldCopy(root);
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
  const loadBefore = load();
  const speedBefore = referenceLoadMs(dir);
  try {
    const log = path.join(os.tmpdir(), "paved-test-budget.log");
    const out = fs.openSync(log, "w");
    const { ms, status, cpuMs } = timeCommand("npm", ["test"], {
      cwd: dir,
      env: { ...process.env, CI: "true", ...(ledger ? ledgerEnv(ledger) : {}) },
      stdio: ["ignore", out, out],
    });
    fs.closeSync(out);
    if (status !== 0) {
      // run-p names the scripts that failed; jest names its failing files.
      const failed = fs
        .readFileSync(log, "utf8")
        .split("\n")
        .filter((l) => /ERROR: "|\sFAIL |Tests: /.test(l));
      console.log(
        `  npm test exited ${status} (output: ${log})\n${failed.map((l) => `    ${l}`).join("\n")}`,
      );
    }
    const cores = os.cpus().length;
    console.log(
      `  ${warm ? "warm (working tree)" : "cold (fresh copy, empty caches)"}; load average ${loadBefore} before, ${load()} after`,
    );
    if (cpuMs !== undefined) {
      // The CPU of every process npm test ran, divided among the cores: no run on this machine can be
      // faster. Steadier than the wall time, but not steady on a shared VM (see the header).
      const floor = cpuMs / cores;
      console.log(
        `  CPU (user + system, every process): ${(cpuMs / 1000).toFixed(1)} s; spread over ${cores} cores at best ` +
          `${(floor / 1000).toFixed(1)} s, ${ratio(floor / BUDGET_MS)} of the budget`,
      );
    }
    const speedAfter = referenceLoadMs(dir);
    if (cpuMs !== undefined && speedBefore !== undefined && speedAfter !== undefined) {
      // The machine's speed, to compare runs of different hours (see referenceLoadMs).
      const loads = inReferenceLoads(cpuMs, speedBefore, speedAfter);
      console.log(
        `  machine speed: a new Node process loading @pulumi/pulumi took ${speedBefore.toFixed(0)} ms of CPU ` +
          `before the run, ${speedAfter.toFixed(0)} ms after (median of 5); npm test's CPU is ${loads.toFixed(0)} such loads`,
      );
    }
    if (ledger) {
      console.log("  where the CPU went (processes, CPU):");
      for (const l of formatLedger(summarise(readLedger(ledger)), cpuMs)) console.log(l);
    }
    const r = ms / BUDGET_MS;
    console.log(
      `test-suite budget: npm test took ${(ms / 1000).toFixed(1)} s on ${cores} cores: ${ratio(r)} of the 90 s budget (target < 1×)`,
    );
    return r;
  } finally {
    if (!warm) fs.rmSync(dir, { recursive: true, force: true });
    if (ledger) fs.rmSync(ledger, { recursive: true, force: true });
  }
}

if (require.main === module) main();
