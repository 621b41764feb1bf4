/**
 * Drives the `paved` CLI and captures its exit code and output.
 *
 * `paved()` runs the CLI in this process, through the entry the bin calls
 * (cli/bin.ts `run`: the same parser, commands and report, the program still
 * in its own process); `pavedProcess()` spawns the real bin/paved.js, as `npx
 * paved` runs it, and is kept for what only a process shows (the program's own
 * output on our stderr, stdin, the exit itself). A spawn costs a Node start and
 * the CLI's and pack's module loading every call: about 0.4 s of CPU, times
 * 140 calls (bench/RESULTS.md, "Test-suite budget, cold").
 */
import { spawn } from "child_process";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
/** The CLI under test; PAVED_TEST_BIN points the tests at another build (to show a test fails before a fix). */
export const BIN = process.env.PAVED_TEST_BIN ?? path.join(ROOT, "bin", "paved.js");
export const PROGRAMS = path.join(ROOT, "test", "fixtures", "programs");
export const STATES = path.join(ROOT, "test", "fixtures", "state");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `paved <args>` as its own process from the repository root; `input` is written to stdin. */
export function pavedProcess(
  args: readonly string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return runNode([BIN, ...args], opts);
}

/** The pack this file's in-process runs have loaded (a process serves one pack). */
let inProcessPack: string | undefined;
/** In-process runs share process.stdout, process.env: one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/** The pack directory a `check` would load in-process, or undefined when it loads none. */
function inProcessPackOf(args: readonly string[]): string | undefined {
  if (args[0] !== "check") return undefined;
  const at = args.indexOf("--transport");
  if (at >= 0 && args[at + 1] === "process") return undefined;
  const flag = args.indexOf("--policy-pack");
  return path.resolve(ROOT, flag >= 0 ? (args[flag + 1] ?? "") : "policies");
}

/**
 * Runs `paved <args>` from the repository root: in this process (see the top
 * of the file), or as a process when the run needs one: stdin `input`, another
 * build under test (PAVED_TEST_BIN), or a second pack in this file.
 */
export function paved(
  args: readonly string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const pack = inProcessPackOf(args);
  const spawnIt =
    opts.input !== undefined ||
    process.env.PAVED_TEST_BIN !== undefined ||
    (pack !== undefined && inProcessPack !== undefined && pack !== inProcessPack);
  if (spawnIt) return pavedProcess(args, opts);
  if (pack !== undefined) inProcessPack ??= pack;
  const next = queue.then(() => runInProcess(args, opts.env ?? {}));
  queue = next.catch(() => undefined);
  return next;
}

/** One in-process run: environment as a spawned CLI gets it, stdout and stderr captured, all restored. */
async function runInProcess(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const { run } = await import("../../cli/bin");
  const savedEnv = { ...process.env };
  const out = { stdout: "", stderr: "" };
  const capture = (stream: NodeJS.WriteStream, key: "stdout" | "stderr") => {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      out[key] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      if (cb) process.nextTick(cb);
      return true;
    }) as typeof stream.write;
    return () => {
      stream.write = write;
    };
  };
  const restore = [capture(process.stdout, "stdout"), capture(process.stderr, "stderr")];
  try {
    for (const [k, v] of Object.entries(cliEnv(env))) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const code = await run(["node", "paved", ...args]);
    return { code, ...out };
  } finally {
    for (const r of restore) r();
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  }
}

/** The environment the CLI runs with, spawned or in-process: this one, without colour, plus `env`. */
function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...env };
}

/** Runs `node <args>` from the repository root, without colour; `input` is written to stdin. */
export function runNode(
  args: readonly string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: cliEnv(opts.env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}

/** A fixture program's directory, relative to the repository root (as a user types it). */
export function program(name: string): string {
  return path.relative(ROOT, path.join(PROGRAMS, name));
}

/** A state fixture's path, relative to the repository root. */
export function state(name: string): string {
  return path.relative(ROOT, path.join(STATES, name));
}
