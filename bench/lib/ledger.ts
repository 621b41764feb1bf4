/**
 * Reads the CPU ledger bench/lib/cpu-ledger.js writes (one JSON file per Node
 * process) and adds it up by kind of process: where a cold `npm test` spends
 * its CPU. Pure apart from {@link readLedger}.
 */
import * as fs from "fs";
import * as path from "path";

/** One process's last sample. */
export interface LedgerEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly argv: readonly string[];
  readonly cpuMs: number;
}

/** Whether `cmd` runs the package's bin, by its own path or through node_modules/.bin (npm scripts do). */
function bin(cmd: string, pkg: string, name: string): boolean {
  return new RegExp(`[\\\\/](?:${pkg}[\\\\/]bin|\\.bin)[\\\\/]${name}(?:\\s|$)`).test(cmd);
}

/** What a process was, from its command line (the order matters: the first match wins). */
const KINDS: readonly (readonly [string, (cmd: string) => boolean])[] = [
  ["jest workers", (c) => /jest-worker[\\/]build[\\/]workers[\\/]processChild\.js/.test(c)],
  [
    "jest (main process, light-runner threads)",
    (c) => /[\\/]jest(?:-cli)?[\\/]bin[\\/]jest\.js|[\\/]\.bin[\\/]jest\b/.test(c),
  ],
  ["program processes (one per paved check)", (c) => /child\.(?:ts|js)"?\)\.serve\(\)/.test(c)],
  ["packs served over gRPC", (c) => /engine-address-unused|run-policy-pack/.test(c)],
  ["paved CLI processes", (c) => /[\\/]bin[\\/]paved\.js/.test(c)],
  ["tsc --noEmit (the type-check)", (c) => bin(c, "typescript", "tsc") && /--noEmit/.test(c)],
  ["tsc (release tests)", (c) => bin(c, "typescript", "tsc")],
  ["pack bundle build (release tests)", (c) => /[\\/]scripts[\\/]build-policy-pack\.js/.test(c)],
  ["ESLint", (c) => bin(c, "eslint", "eslint(?:\\.js)?")],
  ["prettier", (c) => bin(c, "prettier", "prettier(?:\\.cjs)?") || /require\("prettier"\)/.test(c)],
  ["run-p", (c) => /npm-run-all2?[\\/]|[\\/]\.bin[\\/]run-p\b/.test(c)],
  ["npm, npx", (c) => /[\\/]np[mx]-cli\.js|[\\/]bin[\\/]np[mx]\b/.test(c)],
];

/** The kind of process a command line is (see {@link KINDS}); anything else is "other Node processes". */
export function classify(argv: readonly string[]): string {
  const cmd = argv.join(" ");
  return KINDS.find(([, test]) => test(cmd))?.[0] ?? "other Node processes";
}

/** One line of the ledger's summary. */
export interface LedgerRow {
  readonly kind: string;
  readonly processes: number;
  readonly cpuMs: number;
}

/** CPU by kind of process, largest first. */
export function summarise(entries: readonly LedgerEntry[]): LedgerRow[] {
  const rows = new Map<string, { processes: number; cpuMs: number }>();
  for (const e of entries) {
    const kind = classify(e.argv);
    const row = rows.get(kind) ?? { processes: 0, cpuMs: 0 };
    row.processes += 1;
    row.cpuMs += e.cpuMs;
    rows.set(kind, row);
  }
  return [...rows]
    .map(([kind, r]) => ({ kind, ...r }))
    .sort((a, b) => b.cpuMs - a.cpuMs || (a.kind < b.kind ? -1 : 1));
}

/** Every entry in a ledger directory (each file is a process's last whole sample). */
export function readLedger(dir: string): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith(".json")) continue;
    try {
      out.push(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as LedgerEntry);
    } catch {
      // not a sample (cpu-ledger.js renames whole samples into place): nothing to count
    }
  }
  return out;
}

/** The summary as text lines, with the CPU no Node process accounts for (`totalMs`: every process's). */
export function formatLedger(rows: readonly LedgerRow[], totalMs: number | undefined): string[] {
  const seen = rows.reduce((s, r) => s + r.cpuMs, 0);
  const width = Math.max(...rows.map((r) => r.kind.length), 24);
  const line = (kind: string, n: string, ms: number) =>
    `    ${kind.padEnd(width)} ${n.padStart(5)} ${(ms / 1000).toFixed(1).padStart(7)} s`;
  const lines = rows.map((r) => line(r.kind, String(r.processes), r.cpuMs));
  lines.push(line("every Node process", String(rows.reduce((s, r) => s + r.processes, 0)), seen));
  if (totalMs !== undefined)
    lines.push(line("not in the ledger (non-Node, start-up, after a last sample)", "", totalMs - seen));
  return lines;
}
