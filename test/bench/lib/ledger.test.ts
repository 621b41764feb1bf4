/** The CPU ledger behind `npm run bench -- test-budget --ledger`: the hook each process loads, and the sums. */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { classify, formatLedger, readLedger, summarise } from "../../../bench/lib/ledger";
import { ledgerEnv } from "../../../bench/test-budget";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function ledgerDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "paved-ledger-test-"));
  dirs.push(d);
  return d;
}

const NM = "/repo/node_modules";
test.each([
  [[`${NM}/jest-worker/build/workers/processChild.js`], "jest workers"],
  [[`${NM}/.bin/jest`], "jest (main process, light-runner threads)"],
  [
    [
      "-e",
      'require("/repo/bin/bootstrap.js").registerLoader();require("/repo/cli/engine/child.ts").serve();',
    ],
    "program processes (one per paved check)",
  ],
  [
    ["-r", "sucrase/register/ts", "-e", 'require("/repo/cli/engine/child.ts").serve();'],
    "program processes (one per paved check)",
  ],
  [["/repo/policies/run.js", "engine-address-unused", "."], "packs served over gRPC"],
  [["/repo/bin/paved.js", "check", "."], "paved CLI processes"],
  [[`${NM}/typescript/bin/tsc`, "--noEmit", "-p", "tsconfig.json"], "tsc --noEmit (the type-check)"],
  [[`${NM}/typescript/bin/tsc`, "-p", "tsconfig.build.json"], "tsc (release tests)"],
  [[`${NM}/eslint/bin/eslint.js`, "."], "ESLint"],
  [["/repo/scripts/build-policy-pack.js", "--out", "/tmp/p"], "pack bundle build (release tests)"],
  [[`${NM}/.bin/tsc`, "--noEmit", "-p", "tsconfig.json"], "tsc --noEmit (the type-check)"],
  [[`${NM}/.bin/eslint`, "--cache", "."], "ESLint"],
  [[`${NM}/.bin/prettier`, "--check", "."], "prettier"],
  [[`${NM}/.bin/run-p`, "typecheck", "lint", "jest"], "run-p"],
  [[`${NM}/prettier/bin/prettier.cjs`, "--check", "."], "prettier"],
  [["-e", 'const prettier = require("prettier");'], "prettier"],
  [["/usr/lib/node_modules/npm/bin/npm-cli.js", "test"], "npm, npx"],
  [["/usr/bin/npx", "jest"], "npm, npx"],
  [["-e", "1"], "other Node processes"],
] as const)("classify %j: %s", (args, kind) => {
  expect(classify(["/usr/bin/node", ...args])).toBe(kind);
});

test("summarise adds CPU and processes by kind, largest first; formatLedger shows what the ledger did not see", () => {
  const e = (args: string[], cpuMs: number) => ({ pid: 1, ppid: 0, argv: ["node", ...args], cpuMs });
  const rows = summarise([
    e([`${NM}/eslint/bin/eslint.js`], 3000),
    e([`${NM}/jest-worker/build/workers/processChild.js`], 4000),
    e([`${NM}/jest-worker/build/workers/processChild.js`], 5000),
  ]);
  expect(rows).toEqual([
    { kind: "jest workers", processes: 2, cpuMs: 9000 },
    { kind: "ESLint", processes: 1, cpuMs: 3000 },
  ]);
  const text = formatLedger(rows, 15_000).join("\n");
  expect(text).toMatch(/every Node process\s+3\s+12\.0 s/);
  expect(text).toMatch(/not in the ledger.*\s3\.0 s/);
});

test("the hook records a process's command line and CPU when it exits", () => {
  const dir = ledgerDir();
  const r = spawnSync(process.execPath, ["-e", "let x = 0; for (let i = 0; i < 3e7; i++) x += i;"], {
    env: { ...process.env, ...ledgerEnv(dir) },
  });
  expect(r.status).toBe(0);
  const entries = readLedger(dir);
  expect(entries).toHaveLength(1);
  expect(entries[0].pid).toBe(r.pid);
  expect(entries[0].argv).toContain("-e");
  expect(entries[0].cpuMs).toBeGreaterThan(0);
});

test("a process killed before it exits keeps its last sample (taken every 250 ms)", async () => {
  const dir = ledgerDir();
  const child = spawn(
    process.execPath,
    ["-e", "setInterval(() => { const t = Date.now(); while (Date.now() - t < 50); }, 60);"],
    {
      env: { ...process.env, ...ledgerEnv(dir) },
    },
  );
  const exited = new Promise((r) => child.on("exit", r));
  const file = path.join(dir, `${child.pid}.json`);
  const sampled = (): number | undefined => {
    try {
      return (JSON.parse(fs.readFileSync(file, "utf8")) as { cpuMs: number }).cpuMs;
    } catch {
      return undefined;
    }
  };
  const tick = () => new Promise((r) => setTimeout(r, 20));
  // The sample written at start-up, then a periodic one with more CPU (the child is busy): waited
  // for, not timed, so a loaded machine only makes it slower.
  let first: number | undefined;
  while ((first = sampled()) === undefined) await tick();
  let later: number | undefined;
  while ((later = sampled()) === undefined || later <= first) await tick();
  child.kill("SIGKILL");
  await exited;
  const entries = readLedger(dir);
  expect(entries.map((e) => e.pid)).toEqual([child.pid]);
  // The busy time sampled before the kill is kept.
  expect(entries[0].cpuMs).toBeGreaterThanOrEqual(later);
  expect(entries[0].cpuMs).toBeGreaterThan(first);
});
