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
  return {
    mark(phase: string) {
      if (!verbose) return;
      // Since the process started, so the figure includes Node's own boot and module loading.
      process.stderr.write(`paved: ${phase} at ${(process.uptime() * 1000).toFixed(0)} ms\n`);
    },
  };
}

/**
 * A one-line status on stderr for long runs, only on a TTY (CI logs and pipes
 * stay clean): each update overwrites the last; `done` clears it.
 */
export function status(stream: NodeJS.WriteStream = process.stderr): {
  update(text: string): void;
  done(): void;
} {
  const live = stream.isTTY === true;
  let shown = false;
  return {
    update(text: string) {
      if (!live) return;
      stream.write(`\r\u001b[K${text}`);
      shown = true;
    },
    done() {
      if (live && shown) stream.write("\r\u001b[K");
      shown = false;
    },
  };
}
