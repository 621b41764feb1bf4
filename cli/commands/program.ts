/**
 * Runs a program for the commands that only read its records (diagram, register).
 * As `paved check` does, the program keeps stack traces only with --verbose, the
 * only time the CLI shows them (the SDK then stops formatting a stack for every promise).
 */
import type { CheckResource } from "../engine/resource";

export async function runForRecords(
  dir: string,
  stack: string | undefined,
  verbose: boolean,
): Promise<CheckResource[]> {
  const { loadProject } = await import("../project");
  const project = loadProject(dir, stack);
  const { runProgram } = await import("../engine/run");
  const run = await runProgram(project, { stackTraces: verbose });
  if (verbose) for (const w of run.warnings) process.stderr.write(`paved: warning: ${w}\n`);
  return run.resources;
}
