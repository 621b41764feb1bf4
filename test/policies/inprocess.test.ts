/**
 * The in-process transport serves the very handlers the pack process serves:
 * for the same resources and config, both transports give the same
 * violations. (Its own file: a process serves one pack.)
 */
import * as path from "path";
import { Analyzer, startAnalyzer } from "../../cli/engine/analyzer";
import { loadPackInProcess } from "../../cli/engine/analyzer-inprocess";
import { fromAnalyzeResponse, toAnalyzeRequest, Violation } from "../../cli/engine/analyzer-proto";
import { packArgs } from "../../policies/pack";
import { recordOf, unknown, urnOf } from "./harness";

const packDir = path.join(__dirname, "../../policies");
const records = [
  recordOf({ type: "aws:ebs/volume:Volume", name: "v1", props: { availabilityZone: "a", encrypted: false } }),
  recordOf({
    type: "aws:ebs/volume:Volume",
    name: "v2",
    props: { availabilityZone: "a", encrypted: unknown },
  }),
  recordOf({
    type: "aws:ec2/securityGroup:SecurityGroup",
    name: "sg",
    props: { ingress: [{ protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }] },
  }),
  recordOf({ type: "aws:ec2/vpc:Vpc", name: "core", props: { cidrBlock: "10.0.0.0/16" } }),
  recordOf({
    type: "aws:ec2/flowLog:FlowLog",
    name: "core-flow",
    props: { vpcId: unknown },
    dependencies: [urnOf("aws:ec2/vpc:Vpc", "core")],
  }),
];
let inProcessPack: Analyzer;
const options = {
  packDir,
  config: { all: "mandatory" as const, "aws-sg-description-required": "advisory" as const },
  stackConfig: { "paved:environment": "prod" },
};

/** Every record through the SDK's own Analyze handler with the pack's policies, unpatched. */
async function viaSdkHandlers(): Promise<Violation[]> {
  const server = require("@pulumi/policy/server");
  const rpc = server.makeAnalyzeRpcFun("paved", "0.1.0", "advisory", packArgs.policies);
  const out: Violation[] = [];
  for (const r of records) {
    const resp = await new Promise((res, rej) =>
      rpc({ request: toAnalyzeRequest(r) }, (e: unknown, v: unknown) => (e ? rej(e) : res(v))),
    );
    out.push(...fromAnalyzeResponse(resp as never).map((v) => (v.urn ? v : { ...v, urn: r.urn })));
  }
  return out;
}

test("the pack's entry (paved's one-pass handlers) reports what the plain SDK handlers report", async () => {
  const saved = process.env.PULUMI_CONFIG;
  process.env.PULUMI_CONFIG = JSON.stringify(options.stackConfig);
  const expected = (await viaSdkHandlers()).map((v) => ({ ...v, policyPackVersion: "" }));
  if (saved === undefined) delete process.env.PULUMI_CONFIG;
  else process.env.PULUMI_CONFIG = saved;
  inProcessPack = await startAnalyzer({ packDir, transport: "in-process", stackConfig: options.stackConfig });
  const actual = (await inProcessPack.analyze(records)).map((v) => ({ ...v, policyPackVersion: "" }));
  expect(actual.length).toBeGreaterThan(3);
  expect(actual).toEqual(expected);
});

test("in-process and process transports report the same violations", async () => {
  // The pack is loaded once per process; configure it as the process transport is configured.
  const inProcess = inProcessPack;
  await inProcess.configure(options.config);
  const separate = await startAnalyzer({ ...options, transport: "process" });
  try {
    expect(inProcess.port).toBe(0);
    expect(await inProcess.info()).toEqual(await separate.info());
    const a = [...(await inProcess.analyze(records)), ...(await inProcess.analyzeStack(records))];
    const b = [...(await separate.analyze(records)), ...(await separate.analyzeStack(records))];
    expect(a).toEqual(b);
    // and they are real findings at the configured levels
    const levels = new Set(a.map((v) => `${v.policyName}:${v.enforcementLevel}`));
    expect(levels).toContain("aws-ebs-volume-encrypted:mandatory");
    expect(levels).toContain("aws-ebs-volume-encrypted:advisory"); // the unknown, skipped
    expect(levels).toContain("aws-sg-no-public-admin-ingress:mandatory");
    expect(levels).toContain("aws-sg-description-required:advisory");
    expect(levels).toContain("paved-required-tags:mandatory");
    expect(levels).not.toContain("aws-vpc-flow-logs-enabled:mandatory"); // covered through the dependency
  } finally {
    await inProcess.close();
    await separate.close();
  }
});

test("the same pack asked for again is the loaded one, configured afresh: no level of the last run carries over", async () => {
  const quiet = await startAnalyzer({ packDir, transport: "in-process", config: { all: "disabled" } });
  expect(await quiet.analyze(records)).toEqual([]);
  const again = await startAnalyzer({ packDir, transport: "in-process" });
  const names = new Set((await again.analyze(records)).map((v) => v.policyName));
  expect(names).toContain("aws-ebs-volume-encrypted");
  expect(names).toContain("aws-sg-no-public-admin-ingress");
});

test("the loaded pack's info is built once: asked again, the same answer", async () => {
  const t = loadPackInProcess(packDir);
  const first = await t.getAnalyzerInfo();
  expect(first.getName()).toBe("paved");
  expect(first.getPoliciesList().length).toBeGreaterThan(100);
  expect(await loadPackInProcess(packDir).getAnalyzerInfo()).toBe(first);
});

test("a second, different pack in the same process is refused, not served", async () => {
  const other = path.join(__dirname, "../fixtures/another-pack");
  await expect(startAnalyzer({ packDir: other, transport: "in-process" })).rejects.toThrow(
    /already loaded in this process .*policies\); one pack per process/,
  );
});
