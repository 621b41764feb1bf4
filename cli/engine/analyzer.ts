/**
 * A policy pack client that starts and talks to a pack the way the Pulumi
 * engine does: `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .`
 * with the pack directory as working directory; the pack prints its port;
 * then GetAnalyzerInfo, Configure, Analyze per resource and AnalyzeStack once
 * over gRPC, with the stubs shipped in @pulumi/pulumi. `paved check` uses it.
 *
 * The engine address argument is required by run-policy-pack but never
 * dialled by a Node pack (it is dropped before the program loads), so we pass
 * a placeholder; the protocol test proves the pack serves without it.
 *
 * Speed: one process, one HTTP/2 channel, Analyze calls pipelined with a
 * bounded window, and each resource's protobuf Struct built once and shared
 * by Analyze, AnalyzeStack and Remediate. Over gRPC the protocol's per-call
 * cost dominates (a pack with no policies at all takes most of a real pack's
 * time). `transport: "in-process"` serves the same handlers without the wire
 * (analyzer-inprocess.ts), and builds a Struct only if it goes on one.
 * Figures: bench/RESULTS.md.
 *
 * @example
 * const pack = await startAnalyzer({ packDir: "policies", config: { all: "mandatory" } });
 * try {
 *   const violations = [...(await pack.analyze(records)), ...(await pack.analyzeStack(records))];
 * } finally {
 *   await pack.close();
 * }
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { PackConfig, reconcilePackConfig } from "./analyzer-config";
import { AnalyzerTransport, loadPackInProcess } from "./analyzer-inprocess";
import {
  AnalyzerResourceRecord,
  LazyAnalyzeRequest,
  LazyAnalyzerResource,
  RequestParts,
  buildAnalyzeRequest,
  buildAnalyzerResource,
  requestParts,
  Violation,
  ViolationLevel,
  ViolationSeverity,
  fromAnalyzeResponse,
  levelEnum,
  levelName,
  lazyStruct,
  providerOf,
  toStruct,
} from "./analyzer-proto";

/** How to start a pack. */
export interface StartAnalyzerOptions {
  /** The pack directory (holds PulumiPolicy.yaml and package.json). */
  readonly packDir: string;
  /** Pack config: policy name or `all` to a level or `{ enforcementLevel?, ...properties }`. */
  readonly config?: PackConfig;
  /** Stack config the pack process sees as `PULUMI_CONFIG` (keys `paved:environment`, ...). */
  readonly stackConfig?: Readonly<Record<string, unknown>>;
  /** A shared exemptions file for the pack (`PAVED_EXEMPTIONS_FILE`); resolved to an absolute path. */
  readonly exemptionsFile?: string;
  /** Extra environment for the pack process. */
  readonly env?: Readonly<Record<string, string>>;
  /** Analyze calls in flight at once. @default 64 */
  readonly concurrency?: number;
  /** How long to wait for the pack to print its port. @default 60000 */
  readonly startTimeoutMs?: number;
  /**
   * `process`: a pack process over gRPC, exactly as the engine runs it.
   * `in-process`: the same pack's handlers loaded into this process (no socket,
   * no second process; one pack per process; sets `PULUMI_CONFIG` and
   * `PAVED_EXEMPTIONS_FILE` in this process's environment). @default "process"
   */
  readonly transport?: "process" | "in-process";
}

/** A policy as the pack describes itself. */
export interface PolicyInfo {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: ViolationLevel;
  readonly severity: ViolationSeverity;
  readonly kind: "resource" | "stack" | "unknown";
  readonly tags: readonly string[];
  readonly remediationSteps: string;
  readonly framework?: { name: string; version: string; reference: string; specification: string };
  readonly configSchema?: { properties: Record<string, unknown>; required?: string[] };
}

/** The pack's GetAnalyzerInfo answer. */
export interface AnalyzerInfo {
  readonly name: string;
  readonly version: string;
  readonly policies: readonly PolicyInfo[];
}

/** What the pack's remediations made of one resource. */
export interface Remediation {
  readonly urn: string;
  /** The remediated inputs. */
  readonly inputs: Record<string, unknown>;
  /** The policies that changed them, in order. */
  readonly policies: readonly string[];
}

/** A running pack. */
export interface Analyzer {
  /** The pack's port on 127.0.0.1; 0 in-process. */
  readonly port: number;
  /** The pack's metadata (cached after the first call). */
  info(): Promise<AnalyzerInfo>;
  /** Sends (another) pack config, reconciled and validated as at start. */
  configure(config: PackConfig): Promise<void>;
  /** Analyzes every resource (concurrently); violations without a URN get the resource's. */
  analyze(resources: readonly AnalyzerResourceRecord[]): Promise<Violation[]>;
  /**
   * As {@link analyze}, one list per resource in input order; `progress` is
   * called with the number done after each resource.
   */
  analyzeEach(
    resources: readonly AnalyzerResourceRecord[],
    progress?: (done: number) => void,
  ): Promise<Violation[][]>;
  /** Analyzes the stack once. */
  analyzeStack(resources: readonly AnalyzerResourceRecord[]): Promise<Violation[]>;
  /**
   * Runs the remediations of policies at level `remediate` (the engine's
   * Remediate call, made before Analyze). Returns one entry per resource that a
   * policy changed: its new inputs (after every remediation, in pack order) and
   * the policies that changed it.
   */
  remediate(resources: readonly AnalyzerResourceRecord[]): Promise<Remediation[]>;
  /** Closes the channel and stops the pack process. */
  close(): Promise<void>;
}

const MAX_MESSAGE = 400 * 1024 * 1024; // the pack's own receive limit

function policyInfoOf(p: analyzerpb.PolicyInfo): PolicyInfo {
  const fw = p.getFramework();
  const schema = p.getConfigschema();
  const kindOf = (t: analyzerpb.PolicyType): PolicyInfo["kind"] =>
    t === analyzerpb.PolicyType.POLICY_TYPE_RESOURCE
      ? "resource"
      : t === analyzerpb.PolicyType.POLICY_TYPE_STACK
        ? "stack"
        : "unknown";
  const severities: Record<number, ViolationSeverity> = { 1: "low", 2: "medium", 3: "high", 4: "critical" };
  return {
    name: p.getName(),
    description: p.getDescription(),
    enforcementLevel: levelName(p.getEnforcementlevel()),
    severity: severities[p.getSeverity()],
    kind: kindOf(p.getPolicyType()),
    tags: p.getTagsList(),
    remediationSteps: p.getRemediationSteps(),
    framework: fw
      ? {
          name: fw.getName(),
          version: fw.getVersion(),
          reference: fw.getReference(),
          specification: fw.getSpecification(),
        }
      : undefined,
    configSchema: schema
      ? {
          properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
          required: schema.getRequiredList().length > 0 ? schema.getRequiredList() : undefined,
        }
      : undefined,
  };
}

function unary<Req, Res>(
  fn: (
    req: Req,
    md: grpc.Metadata,
    opts: Partial<grpc.CallOptions>,
    cb: (e: grpc.ServiceError | null, r: Res) => void,
  ) => unknown,
  req: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    fn(req, new grpc.Metadata(), {}, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/** Waits for the first stdout line (the port); rejects on exit, error or timeout. */
function readPort(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    const fail = (why: string) => {
      cleanup();
      reject(new Error(`policy pack did not start: ${why}\n${stderr().trim()}`));
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const nl = out.indexOf("\n");
      if (nl >= 0) {
        const port = Number(out.slice(0, nl).trim());
        cleanup();
        if (Number.isInteger(port) && port > 0) resolve(port);
        else reject(new Error(`policy pack printed "${out.slice(0, nl)}" instead of a port\n${stderr()}`));
      }
    };
    const onExit = (code: number | null) => fail(`it exited with code ${String(code)}`);
    const onError = (e: Error) => fail(e.message);
    const timer = setTimeout(() => fail(`no port after ${timeoutMs} ms`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
    };
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

/** Starts a pack process and connects a gRPC client to it. */
async function processTransport(opts: StartAnalyzerOptions): Promise<AnalyzerTransport & { port: number }> {
  const packDir = path.resolve(opts.packDir);
  const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  if (opts.stackConfig) env.PULUMI_CONFIG = JSON.stringify(opts.stackConfig);
  if (opts.exemptionsFile) env.PAVED_EXEMPTIONS_FILE = path.resolve(opts.exemptionsFile);
  const child = spawn(process.execPath, [runner, "engine-address-unused", "."], {
    cwd: packDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += c.toString("utf8");
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let port: number;
  try {
    port = await readPort(child, opts.startTimeoutMs ?? 60_000, () => stderr);
  } catch (e) {
    child.kill();
    throw e;
  }
  const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    "grpc.max_send_message_length": MAX_MESSAGE,
    "grpc.max_receive_message_length": MAX_MESSAGE,
  });
  return {
    port,
    getAnalyzerInfo: () => unary(client.getAnalyzerInfo.bind(client), new Empty()),
    configure: (req) => unary(client.configure.bind(client), req),
    analyze: (req) => unary(client.analyze.bind(client), req),
    analyzeStack: (req) => unary(client.analyzeStack.bind(client), req),
    remediate: (req) => unary(client.remediate.bind(client), req),
    close: async () => {
      client.close();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
        await exited;
      }
    },
  };
}

/** Loads the pack into this process (see analyzer-inprocess.ts). */
function inProcessTransport(opts: StartAnalyzerOptions): AnalyzerTransport & { port: number } {
  if (opts.env) Object.assign(process.env, opts.env);
  if (opts.stackConfig) process.env.PULUMI_CONFIG = JSON.stringify(opts.stackConfig);
  if (opts.exemptionsFile) process.env.PAVED_EXEMPTIONS_FILE = path.resolve(opts.exemptionsFile);
  return { port: 0, ...loadPackInProcess(opts.packDir) };
}

/** Sends the reconciled pack config (the engine's `Configure`). */
async function configure(
  t: AnalyzerTransport,
  policies: readonly PolicyInfo[],
  config: PackConfig,
): Promise<void> {
  const resolved = reconcilePackConfig(policies, config);
  const req = new analyzerpb.ConfigureAnalyzerRequest();
  const map = req.getPolicyconfigMap();
  for (const [name, c] of resolved) {
    const own = policies.find((p) => p.name === name);
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(levelEnum(c.enforcementLevel ?? own?.enforcementLevel ?? "advisory"));
    pc.setProperties(Struct.fromJavaScript(c.properties as Parameters<typeof Struct.fromJavaScript>[0]));
    map.set(name, pc);
  }
  await t.configure(req);
}

/** Starts the pack in `packDir`, configures it, and returns a client. */
export async function startAnalyzer(opts: StartAnalyzerOptions): Promise<Analyzer> {
  const transport = opts.transport ?? "process";
  const t = transport === "in-process" ? inProcessTransport(opts) : await processTransport(opts);
  let infoCache: Promise<AnalyzerInfo> | undefined;
  const info = () =>
    (infoCache ??= t.getAnalyzerInfo().then((i) => ({
      name: i.getName(),
      version: i.getVersion(),
      policies: i.getPoliciesList().map(policyInfoOf),
    })));
  try {
    // A pack loaded in this process may have served a run before (loadPackInProcess): it is
    // configured every time, an empty config included, so no level of that run carries over.
    if (transport === "in-process" || (opts.config && Object.keys(opts.config).length > 0))
      await configure(t, (await info()).policies, opts.config ?? {});
  } catch (e) {
    await t.close();
    throw e;
  }

  const concurrency = Math.max(1, opts.concurrency ?? 64);
  const inProcess = transport === "in-process";
  const asStruct = inProcess ? lazyStruct : toStruct;
  // The engine sends each resource's provider (its inputs carry AWS `defaultTags`
  // and the region). Converted once per provider URN: many resources share one.
  const providers = new Map<string, analyzerpb.AnalyzerProviderResource>();
  const providerFor = (r: AnalyzerResourceRecord) => {
    const p = r.providerResource;
    if (!p) return undefined;
    let out = providers.get(p.urn);
    if (!out) {
      out = providerOf(p, asStruct);
      providers.set(p.urn, out);
    }
    return out;
  };
  // A resource's properties, options and provider messages, made once and
  // shared by its Analyze and its place in AnalyzeStack (receivers only read
  // them). A Map, not a WeakMap: every record lives as long as this client,
  // and a WeakMap's entries cost every young-generation GC. In-process nothing
  // goes on a wire: the requests are lazy (their getters read the record and
  // these parts), and so is the Struct (the SDK only converts it back to
  // JavaScript, which a LazyStruct answers from the inputs).
  const parts = new Map<AnalyzerResourceRecord, RequestParts>();
  const partsOf = (r: AnalyzerResourceRecord): RequestParts => {
    let p = parts.get(r);
    if (!p) {
      p = requestParts(r, asStruct, providerFor);
      parts.set(r, p);
    }
    return p;
  };
  const requestOf = (r: AnalyzerResourceRecord): analyzerpb.AnalyzeRequest =>
    inProcess ? new LazyAnalyzeRequest(r, partsOf(r)) : buildAnalyzeRequest(r, partsOf(r));
  const stackResourceOf = (r: AnalyzerResourceRecord): analyzerpb.AnalyzerResource =>
    inProcess ? new LazyAnalyzerResource(r, partsOf(r)) : buildAnalyzerResource(r, partsOf(r));
  const analyzeEach = async (
    resources: readonly AnalyzerResourceRecord[],
    progress?: (done: number) => void,
  ): Promise<Violation[][]> => {
    const results: Violation[][] = new Array(resources.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < resources.length) {
        const i = next++;
        const r = resources[i];
        const resp = await t.analyze(requestOf(r));
        results[i] = fromAnalyzeResponse(resp).map((v) => (v.urn ? v : { ...v, urn: r.urn }));
        progress?.(++done);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, resources.length) }, worker));
    return results;
  };

  return {
    port: t.port,
    info,
    configure: async (config) => configure(t, (await info()).policies, config),
    analyzeEach,
    async analyze(resources) {
      return (await analyzeEach(resources)).flat();
    },
    async analyzeStack(resources) {
      const req = new analyzerpb.AnalyzeStackRequest();
      req.setResourcesList(resources.map(stackResourceOf));
      return fromAnalyzeResponse(await t.analyzeStack(req));
    },
    async remediate(resources) {
      const out: Remediation[] = [];
      for (const r of resources) {
        const changes = (await t.remediate(requestOf(r)))
          .getRemediationsList()
          .filter((x) => x.getProperties());
        const last = changes[changes.length - 1];
        if (!last) continue;
        out.push({
          urn: r.urn,
          inputs: (last.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
          policies: changes.map((x) => x.getPolicyname()),
        });
      }
      return out;
    },
    close: () => t.close(),
  };
}
