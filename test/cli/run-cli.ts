/**
 * Spawns the real `paved` CLI (bin/paved.js, as `npx paved` runs it) and
 * captures its exit code and output.
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

/** Runs `paved <args>` from the repository root; `input` is written to stdin. */
export function paved(
  args: readonly string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return runNode([BIN, ...args], opts);
}

/** Runs `node <args>` from the repository root, without colour; `input` is written to stdin. */
export function runNode(
  args: readonly string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...opts.env },
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
