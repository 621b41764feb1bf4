/**
 * Measuring helpers for the benchmarks: whole-process timing, interleaved
 * pairs, medians, and peak memory of a process tree (Linux /proc).
 */
import { spawnSync, SpawnSyncOptions } from "child_process";
import * as fs from "fs";
import * as os from "os";

/** The median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Runs a command to completion and returns its wall time in milliseconds and exit status,
 * and on Linux the CPU time (user + system, in milliseconds) of its whole process tree:
 * every descendant its parent waited for, as `time` counts it. Undefined elsewhere.
 */
export function timeCommand(
  cmd: string,
  args: readonly string[],
  opts: SpawnSyncOptions = {},
): { ms: number; status: number | null; cpuMs?: number } {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: "ignore", ...opts });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  if (r.error) throw r.error;
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { ms, status: r.status, cpuMs };
}

/**
 * This machine's speed, as one figure: the CPU time (ms) a new Node process
 * takes to load `@pulumi/pulumi` from `cwd`, the median of `runs`. The test
 * suite is mostly such work (module loading, compiling JavaScript, the
 * TypeScript compiler), so its CPU moves with this figure when a shared VM
 * slows down or speeds up (1.3 s and 0.7 s within one hour: bench/RESULTS.md,
 * ninth round). Undefined where the CPU time cannot be read.
 */
export function referenceLoadMs(cwd: string, runs = 5): number | undefined {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = timeCommand(process.execPath, ["-e", 'require("@pulumi/pulumi")'], { cwd });
    if (r.cpuMs === undefined || r.status !== 0) return undefined;
    samples.push(r.cpuMs);
  }
  return median(samples);
}

/**
 * A run's CPU in units of {@link referenceLoadMs} (measured before and after
 * the run, their mean): a cost of the tree that a slower or faster hour of the
 * machine moves much less than it moves seconds.
 */
export function inReferenceLoads(cpuMs: number, before: number, after: number): number {
  return cpuMs / ((before + after) / 2);
}

let clockTicks: number | undefined;

/**
 * The user + system CPU time of this process's waited-for children, in milliseconds
 * (/proc/self/stat's cutime and cstime); undefined where /proc is not there.
 */
export function childrenCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name (which may hold spaces): state is field 3; cutime, cstime 16, 17.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    clockTicks ??= Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}

/**
 * Times two commands `runs` times each, interleaved (A, B, A, B, ...) after one
 * warm-up each, so both see the same machine state. Returns every sample.
 */
export function interleave(a: () => number, b: () => number, runs: number): { a: number[]; b: number[] } {
  a();
  b();
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.a.push(a());
    out.b.push(b());
  }
  return out;
}

/** Peak resident memory (VmHWM) of a process, in bytes; 0 when it cannot be read. */
export function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The pids of a process's direct children (Linux). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** A line describing the machine, for RESULTS.md. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Formats a ratio for the last line of a benchmark. */
export function ratio(x: number): string {
  return `${x.toFixed(2)}×`;
}
