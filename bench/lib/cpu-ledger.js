/**
 * A CPU ledger for `npm run bench -- test-budget --ledger`: required into every
 * Node process `npm test` starts (NODE_OPTIONS=--require), it writes the
 * process's command line and CPU time (user + system) to
 * $PAVED_CPU_LEDGER/<pid>.json every 250 ms and when it exits, so a process that
 * is killed (a program's process after its result, a pack over gRPC, a timed
 * out program) still leaves its CPU up to its last sample. The bench then adds
 * them up by kind (bench/lib/ledger.ts). Plain JavaScript with Node's builtins
 * only, so it loads before anything else and loads nothing a test looks for.
 * The timer is unref'd: it never keeps a process alive.
 */
"use strict";
const dir = process.env.PAVED_CPU_LEDGER;
if (dir) {
  const fs = require("fs");
  const path = require("path");
  const file = path.join(dir, `${process.pid}.json`);
  const tmp = `${file}.tmp`;
  const argv = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  const write = () => {
    const { user, system } = process.cpuUsage();
    try {
      // Written aside and renamed, so a kill mid-write leaves the last whole sample.
      fs.writeFileSync(
        tmp,
        JSON.stringify({ pid: process.pid, ppid: process.ppid, argv, cpuMs: (user + system) / 1000 }),
      );
      fs.renameSync(tmp, file);
    } catch {
      // a ledger that cannot be written only loses this sample
    }
  };
  write();
  setInterval(write, 250).unref();
  process.on("exit", write);
}
