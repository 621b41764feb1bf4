/** Small I/O helpers shared by the commands. */
import * as fs from "fs";
import { UsageError } from "../errors";

/** Writes a command's output to a file, or to stdout. */
export function writeOutput(text: string, file?: string): void {
  if (!file) {
    process.stdout.write(text);
    return;
  }
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Phase timings on stderr with --verbose. */
export function timer(verbose: boolean): { mark(phase: string): void } {
  const start = process.hrtime.bigint();
  return {
    mark(phase: string) {
      if (!verbose) return;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      process.stderr.write(`paved: ${phase} at ${ms.toFixed(0)} ms\n`);
    },
  };
}
