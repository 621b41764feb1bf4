/**
 * The pack's entry (policies/run.js) serves Analyze and AnalyzeStack with
 * paved's one-pass handlers (policies/lib/analyze.ts) instead of the SDK's
 * per-policy loops. Over the whole pack the answers must be exactly the
 * SDK's: the same diagnostics in the same order, the same not-applicable
 * list, for every resource type, under every pack config the engine can send.
 * (Its own file: a process can load one pack, and the SDK keeps the pack
 * config in one module-wide variable that both paths read.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { loadPackInProcess } from "../../cli/engine/analyzer-inprocess";
import {
  AnalyzerResourceRecord,
  fromAnalyzeResponse,
  levelEnum,
  toAnalyzeRequest,
  toAnalyzeStackRequest,
  ViolationLevel,
} from "../../cli/engine/analyzer-proto";
import { parseState } from "../../cli/engine/state";
import { generateStackExport } from "../../bench/lib/gen-state";
import { packArgs } from "../../policies/pack";
import { recordOf, unknown, urnOf } from "../policies/harness";

const generated = parseState(JSON.stringify(generateStackExport(400)), "generated")
  .resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
  .map((r): AnalyzerResourceRecord => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    inputs: r.properties,
    parent: r.parent,
    dependencies: r.dependencies,
  }));

const SIG = "4dabf18193072939515e22adb298388d";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";

/** The wire form of a secret (what the engine sends for `pulumi.secret(v)`). */
const secret = (value: unknown) => ({
  [SIG]: "1b47061264138c4ac30d75fd1eb44270",
  value,
});

const AWS_PROVIDER = {
  type: "pulumi:providers:aws",
  urn: "urn:pulumi:test::paved::pulumi:providers:aws::default",
  name: "default",
  inputs: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { owner: "team-a", "app-id": "a" } }) },
};

/** Hand-made resources the generated stack lacks: unknowns, secrets, a provider, Kubernetes, a VPC. */
const extra: AnalyzerResourceRecord[] = [
  recordOf({
    type: "aws:ebs/volume:Volume",
    name: "u1",
    props: { availabilityZone: "a", encrypted: unknown },
  }),
  recordOf({
    type: "aws:ebs/volume:Volume",
    name: "s1",
    props: { availabilityZone: "a", encrypted: secret(true) },
  }),
  recordOf({
    type: "aws:s3/bucket:Bucket",
    name: "b1",
    props: { bucket: "b", tags: { environment: "dev" } },
    provider: AWS_PROVIDER,
  }),
  recordOf({
    type: "aws:ec2/securityGroup:SecurityGroup",
    name: "sg-unknown",
    props: {
      description: "x",
      ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: unknown }],
    },
  }),
  recordOf({
    type: "aws:iam/role:Role",
    name: "r-unknown",
    props: { assumeRolePolicy: unknown, inlinePolicies: [{ name: "p", policy: '{"Statement":"*"}' }] },
  }),
  recordOf({
    type: "kubernetes:apps/v1:Deployment",
    name: "web",
    props: {
      metadata: { name: "web", namespace: "team-a", labels: { "paved.dev/app-id": "a" } },
      spec: {
        template: {
          spec: { containers: [{ name: "c", image: "nginx:latest", securityContext: { privileged: true } }] },
        },
      },
    },
  }),
  recordOf({ type: "kubernetes:core/v1:Namespace", name: "team-a", props: { metadata: { name: "team-a" } } }),
  recordOf({
    type: "kubernetes:core/v1:Service",
    name: "lb",
    props: { metadata: { name: "lb", namespace: "team-a" }, spec: { type: "LoadBalancer" } },
  }),
  recordOf({ type: "aws:ec2/vpc:Vpc", name: "core", props: { cidrBlock: "10.0.0.0/16" } }),
  recordOf({
    type: "aws:ec2/flowLog:FlowLog",
    name: "core-flow",
    props: { vpcId: unknown },
    dependencies: [urnOf("aws:ec2/vpc:Vpc", "core")],
  }),
];
const records = [...generated, ...extra];

type Rpc = (call: { request: unknown }, cb: (e: unknown, v: unknown) => void) => unknown;
const ask = (rpc: Rpc, request: unknown) =>
  new Promise<analyzerpb.AnalyzeResponse>((res, rej) =>
    rpc({ request }, (e, v) => (e ? rej(e) : res(v as analyzerpb.AnalyzeResponse))),
  );

const server = require("@pulumi/policy/server") as { [k: string]: (...a: unknown[]) => Rpc };
let entry: ReturnType<typeof loadPackInProcess>;
let info: analyzerpb.AnalyzerInfo;
const saved = { config: process.env.PULUMI_CONFIG, file: process.env.PAVED_EXEMPTIONS_FILE };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-dispatch-"));

beforeAll(async () => {
  // The entry reads its environment once, at its first request: set it before.
  const exemptions = path.join(dir, "exemptions.yaml");
  fs.writeFileSync(
    exemptions,
    [
      "exemptions:",
      "  - policy: aws-ebs-volume-encrypted",
      "    type: aws:ebs/volume:Volume",
      "    owner: team-data",
      "    ticket: SEC-1",
      "    reason: scratch volume",
      "    expires: 2099-12-31",
    ].join("\n"),
  );
  process.env.PULUMI_CONFIG = JSON.stringify({ "paved:environment": "prod" });
  process.env.PAVED_EXEMPTIONS_FILE = exemptions;
  entry = loadPackInProcess(path.join(__dirname, "../../policies"));
  info = await entry.getAnalyzerInfo();
});

afterAll(() => {
  for (const [key, value] of [
    ["PULUMI_CONFIG", saved.config],
    ["PAVED_EXEMPTIONS_FILE", saved.file],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends a pack config through the entry's Configure (the SDK's, observed by paved's handlers). */
async function configure(config: Record<string, { level: ViolationLevel; props?: Record<string, unknown> }>) {
  const req = new analyzerpb.ConfigureAnalyzerRequest();
  const map = req.getPolicyconfigMap();
  for (const [name, c] of Object.entries(config)) {
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(levelEnum(c.level));
    pc.setProperties(Struct.fromJavaScript((c.props ?? {}) as Parameters<typeof Struct.fromJavaScript>[0]));
    map.set(name, pc);
  }
  await entry.configure(req);
}

/** Every record through both Analyze handlers and the stack through both AnalyzeStack handlers. */
async function expectSameAnswers(): Promise<{
  diagnostics: number;
  notApplicable: number;
  stack: number;
  messages: string[];
}> {
  const sdkAnalyze = server.makeAnalyzeRpcFun(
    info.getName(),
    info.getVersion(),
    "advisory",
    packArgs.policies,
  );
  const sdkStack = server.makeAnalyzeStackRpcFun(
    info.getName(),
    info.getVersion(),
    "advisory",
    packArgs.policies,
  );
  let diagnostics = 0;
  let notApplicable = 0;
  const messages: string[] = [];
  for (const r of records) {
    const entryResp = await entry.analyze(toAnalyzeRequest(r));
    const sdkResp = await ask(sdkAnalyze, toAnalyzeRequest(r));
    const [viaEntry, viaSdk] = [entryResp.toObject(), sdkResp.toObject()];
    expect({ urn: r.urn, ...viaEntry }).toEqual({ urn: r.urn, ...viaSdk });
    // What a client reads through the getters, too (paved's response answers them itself).
    expect(fromAnalyzeResponse(entryResp)).toEqual(fromAnalyzeResponse(sdkResp));
    diagnostics += viaSdk.diagnosticsList.length;
    notApplicable += viaSdk.notApplicableList.length;
    messages.push(...viaSdk.diagnosticsList.map((d) => d.message));
  }
  const stackEntryResp = await entry.analyzeStack(toAnalyzeStackRequest(records));
  const stackSdkResp = await ask(sdkStack, toAnalyzeStackRequest(records));
  const [stackEntry, stackSdk] = [stackEntryResp.toObject(), stackSdkResp.toObject()];
  expect(stackEntry).toEqual(stackSdk);
  expect(fromAnalyzeResponse(stackEntryResp)).toEqual(fromAnalyzeResponse(stackSdkResp));
  messages.push(...stackSdk.diagnosticsList.map((d) => d.message));
  return { diagnostics, notApplicable, stack: stackSdk.diagnosticsList.length, messages };
}

test("every resource type gets the SDK's own answer over the whole pack, at the default levels", async () => {
  expect(new Set(records.map((r) => r.type)).size).toBeGreaterThan(12);
  const seen = await expectSameAnswers();
  // The comparison covers findings, notes and not-applicable lists, not only empty answers.
  expect(seen.diagnostics).toBeGreaterThan(100);
  expect(seen.notApplicable).toBeGreaterThan(100);
  expect(seen.stack).toBeGreaterThan(10);
  // ... including a preview note and a finding waived by the shared exemptions file.
  expect(seen.messages.some((m) => m.includes("skipped during preview"))).toBe(true);
  expect(seen.messages.some((m) => m.includes("exempted by SEC-1"))).toBe(true);
});

test("the same answers under a pack config: levels, disabled and remediate policies, properties, exemptions", async () => {
  await configure({
    "aws-sg-no-public-admin-ingress": { level: "disabled" },
    "paved-required-tags": { level: "remediate", props: { additionalKeys: ["service-tier"] } },
    "aws-ebs-volume-encrypted": { level: "advisory" },
    "aws-iam-no-public-trust": { level: "disabled" },
    "paved-approved-components": {
      level: "mandatory",
      props: { protectedTypes: { "aws:s3/bucket:Bucket": "Bucket" }, approvedPrefixes: ["paved:"] },
    },
    "aws-sg-no-public-database-ingress": {
      level: "mandatory",
      props: { forbiddenSources: ["any", "public"] },
    },
    "aws-rds-not-public": {
      level: "mandatory",
      props: {
        exemptions: [
          { namePattern: "*", owner: "team-db", ticket: "DB-7", reason: "reviewed", expires: "2099-01-01" },
        ],
      },
    },
    "paved-critical-resources-alarmed": { level: "disabled" },
  });
  try {
    const seen = await expectSameAnswers();
    expect(seen.diagnostics).toBeGreaterThan(100);
    // The config's own exemption and its extra key were in play.
    expect(seen.messages.some((m) => m.includes("exempted by DB-7"))).toBe(true);
    expect(seen.messages.some((m) => m.includes("service-tier"))).toBe(true);
  } finally {
    await configure({});
  }
});

/** An error's first two lines: the policy it names and the cause (the rest is a stack trace). */
const firstLines = (e: unknown) =>
  String((e as Error).message)
    .split("\n")
    .slice(0, 2)
    .join("\n");

test.each([
  {
    call: "Analyze with a resource without options",
    sdk: "makeAnalyzeRpcFun",
    request: () => {
      const req = toAnalyzeRequest(extra[0]);
      req.clearOptions();
      return req;
    },
    viaEntry: (req: unknown) => entry.analyze(req as analyzerpb.AnalyzeRequest),
    cause: /A more recent version of the Pulumi CLI is required/,
  },
  {
    call: "AnalyzeStack with a resource without options",
    sdk: "makeAnalyzeStackRpcFun",
    request: () => {
      const req = toAnalyzeStackRequest(extra);
      req.getResourcesList()[1].clearOptions();
      return req;
    },
    viaEntry: (req: unknown) => entry.analyzeStack(req as analyzerpb.AnalyzeStackRequest),
    cause: /A more recent version of the Pulumi CLI is required/,
  },
  {
    // A volume: the first policy the SDK calls (a multi-type one that does not
    // list volumes) is not the first that checks it; the error names the former.
    call: "Analyze (an asset the SDK cannot read)",
    sdk: "makeAnalyzeRpcFun",
    request: () =>
      toAnalyzeRequest(
        recordOf({
          type: "aws:ebs/volume:Volume",
          name: "bad-asset",
          props: { encrypted: true, source: { [SIG]: ASSET_SIG } },
        }),
      ),
    viaEntry: (req: unknown) => entry.analyze(req as analyzerpb.AnalyzeRequest),
    cause: /Invalid asset encountered when unmarshaling resource property/,
  },
])("$call gets the SDK's refusal from both", async (c) => {
  const sdk = server[c.sdk](info.getName(), info.getVersion(), "advisory", packArgs.policies);
  const viaSdk = await ask(sdk, c.request()).catch(firstLines);
  const viaEntry = await c.viaEntry(c.request()).catch(firstLines);
  expect(viaSdk).toMatch(c.cause);
  expect(viaEntry).toEqual(viaSdk);
});
