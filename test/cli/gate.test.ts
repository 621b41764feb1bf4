/**
 * `paved check` as a gate the checked program cannot talk around: every
 * entry shape the Node language host runs, programs that hang, and programs
 * that try to reach the checker (exit codes, environment, IPC).
 */
import * as path from "path";
import { paved, pavedProcess, ROOT } from "./run-cli";
import { cleanPrograms, makeProgram, OPEN_SSH } from "./gate-support";

const PACK = ["--policy-pack", "test/cli/fixtures/pack"];
const AWS_TS = 'import * as aws from "@pulumi/aws";\n';
const AWS_CJS = 'const aws = require("@pulumi/aws");\n';
const AWS_ESM = 'import * as aws from "@pulumi/aws";\n';

afterAll(cleanPrograms);

interface Json {
  violations: { policy: string; urn: string }[];
  summary: { resources: number };
}
const policies = (stdout: string) => (JSON.parse(stdout) as Json).violations.map((v) => v.policy);

async function check(dir: string, ...extra: string[]) {
  return paved(["check", dir, ...PACK, "--format", "json", ...extra]);
}

describe("entry shapes, as the Node language host runs them", () => {
  test.each([
    [
      "export = async () => {...}",
      { "index.ts": `${AWS_TS}export = async () => { ${OPEN_SSH} return {}; };\n` },
    ],
    [
      "module.exports = function",
      { "index.js": `${AWS_CJS}module.exports = async function () { ${OPEN_SSH} };\n` },
    ],
    [
      "ESM export default async function",
      {
        "package.json": '{ "type": "module" }',
        "index.js": `${AWS_ESM}export default async function () { ${OPEN_SSH} }\n`,
      },
    ],
    [
      "ESM export default a promise",
      {
        "package.json": '{ "type": "module" }',
        "index.js": `${AWS_ESM}export default (async () => { ${OPEN_SSH} return {}; })();\n`,
      },
    ],
    [
      "ESM top-level await",
      {
        "package.json": '{ "type": "module" }',
        "index.js": `${AWS_ESM}await new Promise((r) => setTimeout(r, 10));\n${OPEN_SSH}\nexport const x = 1;\n`,
      },
    ],
    ["a plain module", { "index.ts": `${AWS_TS}${OPEN_SSH}\n` }],
    [
      'TypeScript ESM ("type": "module"): top-level await, `./acl.js` importing acl.ts',
      {
        "package.json": '{ "type": "module" }',
        "index.ts":
          `${AWS_TS}import { ingress } from "./acl.js";\nconst port: number = await Promise.resolve(22);\n` +
          'new aws.ec2.SecurityGroup("open-ssh", { ingress: ingress(port) });\n',
        "acl.ts":
          'import type * as aws from "@pulumi/aws";\n' +
          "export function ingress(port: number): aws.types.input.ec2.SecurityGroupIngress[] {\n" +
          '  return [{ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["0.0.0.0/0"] }];\n}\n',
      },
    ],
  ])("%s: its resources are checked (exit 1 on the open SSH group)", async (_shape, files) => {
    const r = await check(makeProgram(files));
    expect(r.stderr).not.toContain("paved: ");
    expect(r.code).toBe(1);
    expect(policies(r.stdout)).toContain("fixture-no-public-ssh");
  });

  test("the exported function's result becomes the stack's outputs", async () => {
    const { loadProject } = await import("../../cli/project");
    const { runProgram } = await import("../../cli/engine/run");
    const dir = makeProgram({ "index.ts": `${AWS_TS}export = async () => ({ answer: 42, name: "x" });\n` });
    const run = await runProgram(loadProject(dir));
    const stack = run.resources.find((r) => r.type === "pulumi:pulumi:Stack");
    expect(stack?.outputs).toEqual({ answer: 42, name: "x" });
  });

  test("a CommonJS `export default` function is not run (as the language host) and says so; 0 resources is a warning", async () => {
    const dir = makeProgram({ "index.ts": `${AWS_TS}export default async () => { ${OPEN_SSH} };\n` });
    const r = await check(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("registered no resources");
    const strict = await check(dir, "--require-resources");
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/registered no resources.*--require-resources/);
    expect(strict.stdout).toBe("");
  });
});

describe("programs that never finish", () => {
  test.each([["in-process"], ["process"]])(
    "a promise nothing resolves (transport %s): exit 2 at once, naming the phase",
    async (transport) => {
      const dir = makeProgram({
        "index.ts": `export = async () => { await new Promise(() => undefined); };\n`,
      });
      const r = await check(dir, "--transport", transport);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain("never finished (running)");
    },
  );

  test.each([["in-process"], ["process"]])(
    "a busy loop is killed at --timeout (transport %s): exit 2, naming the phase",
    async (transport) => {
      const dir = makeProgram({ "index.ts": `${AWS_TS}${OPEN_SSH}\nfor (;;) { /* spin */ }\n` });
      const start = Date.now();
      const r = await check(dir, "--timeout", "3", "--transport", transport);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/timed out after 3 s loading the program gate/);
      expect(Date.now() - start).toBeLessThan(20_000);
    },
    30_000,
  );

  test("an interval that keeps the program alive while it awaits forever: the timeout, phase running", async () => {
    const dir = makeProgram({
      "index.ts": `export = async () => { setInterval(() => undefined, 1000); await new Promise(() => undefined); };\n`,
    });
    // Long enough for the SDK to load on a busy machine, so the hang is in the running phase.
    const r = await check(dir, "--timeout", "10");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/timed out after 10 s running the program gate/);
  }, 40_000);

  test("a run its caller stops rejects at once with the caller's reason (an Error as is, else named)", async () => {
    const { loadProject } = await import("../../cli/project");
    const { runProgram } = await import("../../cli/engine/run");
    const project = loadProject(path.join(ROOT, "test", "fixtures", "programs", "never-finishes"));
    const reason = new Error("the policy pack failed");
    const stop = new AbortController();
    const run = runProgram(project, { signal: stop.signal, timeoutMs: 30_000 });
    stop.abort(reason);
    await expect(run).rejects.toBe(reason);
    // Stopped before it starts: a reason that is not an Error is named in a ProgramError.
    await expect(
      runProgram(project, { signal: AbortSignal.abort("no pack"), timeoutMs: 30_000 }),
    ).rejects.toThrow(/^the program was stopped: no pack$/);
  });
});

describe("the program cannot reach the checker", () => {
  test("process.exit(0) in the program is exit 2, never a pass", async () => {
    const dir = makeProgram({ "index.ts": `${AWS_TS}${OPEN_SSH}\nprocess.exit(0);\n` });
    // Its own process: what the exiting program prints (the SDK's report of its pending promises)
    // reaches the CLI's stderr, as it does for a user, and must not be mistaken for the verdict.
    const r = await pavedProcess(["check", dir, ...PACK, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n").pop()).toMatch(
      /^paved: the program gate exited \(code \d\).*process\.exit/,
    );
    expect(r.stdout).toBe("");
  });

  test("process.exitCode = 0 on exit does not turn a FAIL into a pass", async () => {
    const dir = makeProgram({
      "index.ts": `${AWS_TS}${OPEN_SSH}\nprocess.on("exit", () => { process.exitCode = 0; });\n`,
    });
    const r = await check(dir);
    expect(r.code).toBe(1);
  });

  test("setting PAVED_EXEMPTIONS_FILE in the program exempts nothing", async () => {
    const exemptions = path.join(ROOT, "test", "cli", "fixtures", "exemptions.yaml");
    const dir = makeProgram({
      "index.ts":
        `${AWS_TS}process.env.PAVED_EXEMPTIONS_FILE = ${JSON.stringify(exemptions)};\n` +
        'new aws.ebs.Volume("plain-volume", { availabilityZone: "eu-west-1a", size: 10, encrypted: false });\n',
    });
    const r = await paved(["check", dir, "--format", "json"]);
    const report = JSON.parse(r.stdout) as { exemptions: unknown[]; violations: { policy: string }[] };
    expect(report.exemptions).toEqual([]);
    expect(report.violations.map((v) => v.policy)).toContain("aws-ebs-volume-encrypted");
  });

  test("a forged result sent over the IPC channel is ignored", async () => {
    const dir = makeProgram({
      "index.ts":
        `${AWS_TS}${OPEN_SSH}\n` +
        'process.send?.({ kind: "result", records: [], warnings: [] });\n' +
        'process.send?.({ nonce: "guess", kind: "result", records: [], warnings: [] });\n',
    });
    const r = await check(dir);
    expect(r.code).toBe(1);
  });

  test("what the program prints goes to stderr; stdout is the report alone", async () => {
    const dir = makeProgram({
      "index.ts": `${AWS_TS}console.log("hello"); process.stdout.write("raw\\n"); ${OPEN_SSH}\n`,
    });
    // Its own process: the program's output reaches the CLI's stderr file descriptor.
    const r = await pavedProcess(["check", dir, ...PACK, "--format", "json"]);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toContain("hello");
    expect(r.stderr).toContain("raw");
  });
});
