/**
 * paved's own Analyze and AnalyzeStack handlers: one pass over a resource (or
 * the stack) for the whole pack, with the SDK's answer.
 *
 * @pulumi/policy's handler (`makeAnalyzeRpcFun`) loops over every policy and,
 * for each, deserializes the resource, wraps it in a fresh unknown-checking
 * proxy, builds the resource options, the provider, a config getter and a
 * reporter, then awaits the policy: 35 times per resource for this pack, and
 * that work (plus its garbage) was most of the pack's time. Its AnalyzeStack
 * rebuilds the whole stack per stack policy. These handlers give the same
 * answers in one pass:
 * - per resource type and pack config, the plan is worked out once: the
 *   policies to run (a multi-type policy that does not list the type returns
 *   nothing under the SDK, and one whose `appliesTo` says no for the type
 *   returns `[]`), each with its level as the SDK computes it, and the
 *   not-applicable notes the SDK gives for single-type policies;
 * - the inputs are read once: `toJavaScript()`, copied by the SDK's own
 *   `deserializeProperties` only when a wire-encoded value (a secret, an
 *   asset) needs unwrapping, and wrapped in the SDK's unknown-checking proxy
 *   only when a preview unknown is present (without one, the proxy reads
 *   exactly what the object holds);
 * - each policy runs through `evaluateResource` / `evaluateStack` (sdk.ts),
 *   the functions the SDK path calls: the same checks, exemptions and notes;
 * - the stack context and exemptions file are read at a handler's first
 *   request and kept: the engine sets them when it starts the pack process;
 * - the response is built by the SDK's `makeAnalyzeResponse`, and errors
 *   about the request name the policy the SDK's would.
 *
 * Everything else the engine calls (GetAnalyzerInfo, Configure, Remediate)
 * stays the SDK's; `configure` is observed so these handlers read the same
 * levels and properties (`serve.ts` installs them). Every policy fixture runs
 * through both these and the SDK's handlers, which must agree
 * (test/policies/harness.ts), and test/cli/pack-dispatch.test.ts compares the
 * whole pack's answers under several pack configs.
 */
import type * as policy from "@pulumi/policy";
import type * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import type { ResourcePolicyDefinition, StackPolicyDefinition } from "./define";
import { definitionOf, evaluateResource, evaluateStack, policyConfig, runEnvironment } from "./sdk";
import type { RunEnvironment } from "./sdk";
import type { Report, ViolationObject } from "./sdk";
import type { EnforcementLevel, ResourceUnderCheck, Severity, StackResource } from "./types";

/* eslint-disable @typescript-eslint/no-require-imports -- internal modules of the pinned SDK, untyped */
const deserialize = require("@pulumi/policy/deserialize") as {
  deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown>;
};
const proxy = require("@pulumi/policy/proxy") as Record<string, unknown> & {
  unknownCheckingProxy<T>(v: T): T;
};
const protoutil = require("@pulumi/policy/protoutil") as {
  makeAnalyzeResponse(ds: Diagnostic[], notApplicable: unknown[] | undefined): analyzerpb.AnalyzeResponse;
  mapEnforcementLevel(level: EnforcementLevel): analyzerpb.EnforcementLevel;
  convertEnforcementLevel(level: number): EnforcementLevel;
  asGrpcError(e: unknown, message?: string): Error;
};
const analyzerproto = require("@pulumi/pulumi/proto/analyzer_pb") as typeof analyzerpb;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The pack's identity, as `serve` receives it. */
export interface PackIdentity {
  readonly name: string;
  readonly version: string;
  /** The pack-wide level, for a policy that sets none. */
  readonly level: EnforcementLevel;
}

/** The pack config as the SDK keeps it after `Configure`: per policy, its properties and level. */
export type PackConfig = Readonly<Record<string, Record<string, unknown>>>;

/** A diagnostic as the SDK's `makeAnalyzeResponse` takes it. */
interface Diagnostic {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  message: string;
  urn?: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  severity?: Severity;
}

type Rpc = (call: { request: unknown }, callback: (err: unknown, resp?: unknown) => void) => void;

const SENTINELS = new Set(
  [
    "unknownBooleanValue",
    "unknownNumberValue",
    "unknownStringValue",
    "unknownArrayValue",
    "unknownAssetValue",
    "unknownArchiveValue",
    "unknownObjectValue",
  ].map((k) => proxy[k] as string),
);
const SENTINEL_LENGTH =
  new Set([...SENTINELS].map((u) => u.length)).size === 1 ? [...SENTINELS][0].length : -1;
/** The key by which the wire marks assets, archives, secrets and resource references. */
const SPECIAL_SIG = (require("@pulumi/pulumi/runtime/rpc") as { specialSigKey: string }).specialSigKey; // eslint-disable-line @typescript-eslint/no-require-imports

const UNKNOWN = 1;
const SPECIAL = 2;

/** What sits anywhere in `v`: {@link UNKNOWN} for a preview sentinel, {@link SPECIAL} for a wire-encoded value. */
export function scanInputs(v: unknown): number {
  // The sentinels are UUIDs of one length: test the length before hashing.
  if (typeof v === "string")
    return (SENTINEL_LENGTH < 0 || v.length === SENTINEL_LENGTH) && SENTINELS.has(v) ? UNKNOWN : 0;
  if (v === null || typeof v !== "object") return 0;
  let found = 0;
  // Index and for-in loops: no iterator or key array per object (this walks every input).
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) found |= scanInputs(v[i]);
    return found;
  }
  const o = v as Record<string, unknown>;
  if (o[SPECIAL_SIG] !== undefined) found |= SPECIAL;
  for (const k in o) found |= scanInputs(o[k]);
  return found;
}

/**
 * Scan results per inputs object: an in-process client's Struct answers the
 * same object for a resource's Analyze and its place in AnalyzeStack.
 */
const scanned = new WeakMap<object, number>();

/**
 * A request's inputs as a check reads them, equal to what the SDK hands a
 * policy. The SDK deserializes `toJavaScript()`'s result into a deep copy that
 * turns wire-encoded values (assets, archives, secrets) into runtime objects;
 * without one, that copy equals what `toJavaScript()` returned, so the copy is
 * made only when one is present (checks only read their inputs). The SDK's
 * unknown-checking proxy is put on only when a sentinel is present: without
 * one it reads exactly what the object holds.
 */
function inputsOf(struct: { toJavaScript(): unknown } | undefined): Record<string, unknown> {
  if (!struct) return deserialize.deserializeProperties(struct, false); // throws as the SDK does
  const raw = struct.toJavaScript() as Record<string, unknown>;
  let found = scanned.get(raw);
  if (found === undefined) {
    found = scanInputs(raw);
    scanned.set(raw, found);
  }
  const props = found & SPECIAL ? deserialize.deserializeProperties(struct, false) : raw;
  return found & UNKNOWN ? proxy.unknownCheckingProxy(props) : props;
}

/** The SDK's "pulumiType" tag on a single-type validation function. */
function pulumiTypeOf(fn: unknown): string | undefined {
  return (fn as { __pulumiType?: string } | undefined)?.__pulumiType;
}

/** The resource and stack policies of a pack with their definitions, in pack order. */
function pavedPolicies(policies: readonly policy.Policy[]): {
  resource: ResourceStep[];
  stack: StackStep[];
} {
  const resource: ResourceStep[] = [];
  const stack: StackStep[] = [];
  for (const p of policies) {
    const def = definitionOf(p);
    const rp = p as policy.ResourceValidationPolicy;
    const sp = p as policy.StackValidationPolicy;
    if (def?.kind === "resource" && typeof rp.validateResource === "function") {
      resource.push({ sdk: rp, def });
    } else if (
      def?.kind === "stack" &&
      typeof sp.validateStack === "function" &&
      !pulumiTypeOf(sp.validateStack)
    ) {
      stack.push({ sdk: sp, def });
    } else {
      throw new Error(
        `policy "${p.name}" was not made by toSdkPolicy; paved's analyzer handlers serve paved policies only`,
      );
    }
  }
  return { resource, stack };
}

/** A resource policy of the pack, with its definition. */
interface ResourceStep {
  readonly sdk: policy.ResourceValidationPolicy;
  readonly def: ResourcePolicyDefinition<unknown>;
}

interface StackStep {
  readonly sdk: policy.StackValidationPolicy;
  readonly def: StackPolicyDefinition<unknown>;
}

/** One policy to run, resolved against the config in force: its level, properties and reporter. */
interface Run<D> {
  readonly def: D;
  readonly name: string;
  /** The policy's pack config without its level (the SDK's `getConfig`). */
  readonly props: Record<string, unknown>;
  readonly report: Report;
}

/** What a type's resources get under one config: the policies to run and the not-applicable notes. */
interface Plan {
  readonly runs: readonly Run<ResourcePolicyDefinition<unknown>>[];
  readonly notApplicable: readonly analyzerpb.PolicyNotApplicable[];
  /**
   * The first policy the SDK would call for this type (one that returns at
   * once included). The SDK reads the request for every policy it calls, so
   * a request it cannot read (no options, an unreadable asset) fails there,
   * under this policy's name; without one, the request is not read at all.
   */
  readonly firstCalled: string | undefined;
}

/**
 * Resolves policies against a config as the SDK does per call: the level is
 * the policy's pack config, else its own, else the pack's; disabled ones do
 * not run; `remediate` reports as mandatory (remediation ran first, so a
 * violation left is one). Reporters push to `sink.ds`, the current request's
 * diagnostics: handlers run synchronously, one request at a time.
 */
class Resolver {
  readonly sink: { ds: Diagnostic[] } = { ds: [] };
  /** What {@link cached} made under the config in force (Configure replaces the config object). */
  private memoConfig: PackConfig | undefined;
  private memo = new Map<string, unknown>();

  constructor(private readonly pack: PackIdentity) {}

  /** The SDK's level for a policy under `config`. */
  level(config: PackConfig, p: policy.Policy): EnforcementLevel {
    return (
      (config[p.name]?.enforcementLevel as EnforcementLevel | undefined) ||
      p.enforcementLevel ||
      this.pack.level
    );
  }

  /** `make(config, key)` once per config and key (`make` is one function, not a closure per call). */
  cached<T extends object>(config: PackConfig, key: string, make: (config: PackConfig, key: string) => T): T {
    if (config !== this.memoConfig) {
      this.memoConfig = config;
      this.memo = new Map();
    }
    let v = this.memo.get(key) as T | undefined;
    if (v === undefined) {
      v = make(config, key);
      this.memo.set(key, v);
    }
    return v;
  }

  /** The run of a policy at a (not disabled) level. */
  run<D>(config: PackConfig, p: policy.Policy, def: D, level: EnforcementLevel): Run<D> {
    const { enforcementLevel: _level, ...props } = config[p.name] ?? {};
    return {
      def,
      name: p.name,
      props,
      report: this.reporter(p, level === "remediate" ? "mandatory" : level),
    };
  }

  /** The SDK's `reportViolation` for a policy at a level, object form. */
  private reporter(p: policy.Policy, level: EnforcementLevel): Report {
    const { name, description, severity } = p;
    const { name: policyPackName, version: policyPackVersion } = this.pack;
    const sink = this.sink;
    return (v: ViolationObject) => {
      sink.ds.push({
        policyName: name,
        policyPackName,
        policyPackVersion,
        message: v.message || description,
        urn: v.urn,
        description,
        enforcementLevel: v.enforcementLevel || level,
        severity,
      });
    };
  }

  /** Reads the request, failing as the SDK does under the name of the policy it was reading it for. */
  read<T>(policyName: string, reading: () => T): T {
    try {
      return reading();
    } catch (e) {
      throw this.failure(e, policyName);
    }
  }

  /** A check that threw past its guard: the SDK's gRPC error for it. */
  failure(e: unknown, name: string): Error {
    return protoutil.asGrpcError(
      e,
      `Error validating resource with policy '${name}' from policy pack '${this.pack.name}@v${this.pack.version}'`,
    );
  }

  /** Starts a request: reporters push to a fresh list, its diagnostics. */
  begin(): Diagnostic[] {
    return (this.sink.ds = []);
  }
}

/** The SDK's `makeAnalyzeResponse` for a request's diagnostics and not-applicable notes. */
function sdkResponse(
  ds: readonly Diagnostic[],
  notApplicable: readonly analyzerpb.PolicyNotApplicable[],
): analyzerpb.AnalyzeResponse {
  return protoutil.makeAnalyzeResponse([...ds], notApplicable.length > 0 ? [...notApplicable] : undefined);
}

/**
 * The response the SDK's `makeAnalyzeResponse` builds, built only when
 * something needs it as protobuf (the gRPC server serializes it; `toObject`).
 * Its getters, which are all an in-process client calls, answer from the
 * diagnostics directly: setting eight fields on a message per finding only
 * for the client to read them back was a fifth of the pack's time on a large
 * stack. Read only, like every response a client receives.
 */
export class PavedAnalyzeResponse extends analyzerproto.AnalyzeResponse {
  private built: analyzerpb.AnalyzeResponse | undefined;
  private diagnostics: analyzerpb.AnalyzeDiagnostic[] | undefined;

  constructor(
    private readonly ds: readonly Diagnostic[],
    private readonly notApplicable: readonly analyzerpb.PolicyNotApplicable[],
  ) {
    super();
  }

  /** The SDK's own response for the same diagnostics. */
  sdk(): analyzerpb.AnalyzeResponse {
    return (this.built ??= sdkResponse(this.ds, this.notApplicable));
  }

  override getDiagnosticsList(): analyzerpb.AnalyzeDiagnostic[] {
    return (this.diagnostics ??= this.ds.map((d) => new PavedDiagnostic(d)));
  }
  override getNotApplicableList(): analyzerpb.PolicyNotApplicable[] {
    return [...this.notApplicable];
  }
  override serializeBinary(): Uint8Array {
    return this.sdk().serializeBinary();
  }
  override toObject(includeInstance?: boolean): analyzerpb.AnalyzeResponse.AsObject {
    return this.sdk().toObject(includeInstance);
  }
  override toArray() {
    return this.sdk().toArray();
  }
  override cloneMessage(): this {
    return this.sdk().cloneMessage() as this;
  }
}

/** One diagnostic of a {@link PavedAnalyzeResponse}: the SDK's `AnalyzeDiagnostic`, read from the fields. */
class PavedDiagnostic extends analyzerproto.AnalyzeDiagnostic {
  constructor(private readonly d: Diagnostic) {
    super();
  }

  private sdk(): analyzerpb.AnalyzeDiagnostic {
    return sdkResponse([this.d], []).getDiagnosticsList()[0];
  }

  override getPolicyname(): string {
    return this.d.policyName;
  }
  override getPolicypackname(): string {
    return this.d.policyPackName;
  }
  override getPolicypackversion(): string {
    return this.d.policyPackVersion;
  }
  override getDescription(): string {
    return this.d.description;
  }
  override getMessage(): string {
    return this.d.message;
  }
  override getEnforcementlevel(): analyzerpb.EnforcementLevel {
    return protoutil.mapEnforcementLevel(this.d.enforcementLevel);
  }
  override getUrn(): string {
    return this.d.urn || "";
  }
  override getSeverity(): analyzerpb.PolicySeverity {
    return severityEnum(this.d.severity);
  }
  override serializeBinary(): Uint8Array {
    return this.sdk().serializeBinary();
  }
  override toObject(includeInstance?: boolean): analyzerpb.AnalyzeDiagnostic.AsObject {
    return this.sdk().toObject(includeInstance);
  }
  override toArray() {
    return this.sdk().toArray();
  }
  override cloneMessage(): this {
    return this.sdk().cloneMessage() as this;
  }
}

/** The wire severity the SDK sets (unset, so unspecified, when the policy has none). */
function severityEnum(s: Severity | undefined): analyzerpb.PolicySeverity {
  const S = analyzerproto.PolicySeverity;
  switch (s) {
    case "low":
      return S.POLICY_SEVERITY_LOW;
    case "medium":
      return S.POLICY_SEVERITY_MEDIUM;
    case "high":
      return S.POLICY_SEVERITY_HIGH;
    case "critical":
      return S.POLICY_SEVERITY_CRITICAL;
    default:
      return S.POLICY_SEVERITY_UNSPECIFIED;
  }
}

/** A policy's `appliesTo` for a type under its config (true without one, or when it throws: the check then reports). */
function applies(
  def: ResourcePolicyDefinition<unknown>,
  type: string,
  props: Record<string, unknown>,
): boolean {
  if (!def.appliesTo) return true;
  try {
    return def.appliesTo(type, policyConfig(def, props)) !== false;
  } catch {
    return true;
  }
}

/** An RPC handler from a synchronous request-to-response function (errors go to the callback). */
function rpc<Req, Resp>(handle: (req: Req) => Resp): Rpc {
  return (call, callback) => {
    let resp: Resp;
    try {
      resp = handle(call.request as Req);
    } catch (e) {
      callback(e);
      return;
    }
    callback(undefined, resp);
  };
}

/**
 * The Analyze handler for a pack's policies, answering as the SDK's would.
 * `config` returns the pack config in force (it changes with `Configure`).
 */
export function makeAnalyze(
  pack: PackIdentity,
  policies: readonly policy.Policy[],
  config: () => PackConfig,
): Rpc {
  const steps = pavedPolicies(policies).resource;
  const resolver = new Resolver(pack);
  const makePlan = (cfg: PackConfig, type: string): Plan => {
    const runs: Run<ResourcePolicyDefinition<unknown>>[] = [];
    const notApplicable: analyzerpb.PolicyNotApplicable[] = [];
    let firstCalled: string | undefined;
    for (const s of steps) {
      const level = resolver.level(cfg, s.sdk);
      if (level === "disabled") continue;
      const only = pulumiTypeOf(s.sdk.validateResource);
      if (only !== undefined && only !== type) {
        const na = new analyzerproto.PolicyNotApplicable();
        na.setPolicyName(s.sdk.name);
        na.setReason(`Policy only applies to resources of type '${only}'`);
        notApplicable.push(na);
        continue;
      }
      firstCalled ??= s.sdk.name;
      // A multi-type policy returns nothing for a type it does not list.
      if (s.def.types && !s.def.types.includes(type)) continue;
      const run = resolver.run(cfg, s.sdk, s.def, level);
      if (applies(s.def, type, run.props)) runs.push(run);
    }
    return { runs, notApplicable, firstCalled };
  };

  let env: RunEnvironment | undefined;
  return rpc((req: analyzerpb.AnalyzeRequest) => {
    const plan = resolver.cached(config(), req.getType(), makePlan);
    const ds = resolver.begin();
    if (plan.firstCalled !== undefined) {
      const resource = resolver.read(plan.firstCalled, () => underCheck(req));
      env ??= runEnvironment();
      for (const run of plan.runs) {
        try {
          evaluateResource(run.def, resource, run.props, run.report, env);
        } catch (e) {
          throw resolver.failure(e, run.name);
        }
      }
    }
    return new PavedAnalyzeResponse(ds, plan.notApplicable);
  });
}

/**
 * The AnalyzeStack handler, answering as the SDK's would. The SDK rebuilds
 * every resource (deserialized, proxied, parent and dependencies linked) for
 * each stack policy; here the stack is built once and every policy reads it.
 */
export function makeAnalyzeStack(
  pack: PackIdentity,
  policies: readonly policy.Policy[],
  config: () => PackConfig,
): Rpc {
  const steps = pavedPolicies(policies).stack;
  const resolver = new Resolver(pack);
  const makeRuns = (cfg: PackConfig): Run<StackPolicyDefinition<unknown>>[] =>
    steps.flatMap((s) => {
      const level = resolver.level(cfg, s.sdk);
      return level === "disabled" ? [] : [resolver.run(cfg, s.sdk, s.def, level)];
    });
  let env: RunEnvironment | undefined;
  return rpc((req: analyzerpb.AnalyzeStackRequest) => {
    const runs = resolver.cached(config(), "stack", makeRuns);
    const ds = resolver.begin();
    if (runs.length > 0) {
      // The SDK reads the stack for each policy it runs: an unreadable one fails on the first.
      const resources = resolver.read(runs[0].name, () => stackOf(req.getResourcesList()));
      env ??= runEnvironment();
      for (const run of runs) {
        try {
          evaluateStack(run.def, resources, run.props, run.report, env);
        } catch (e) {
          throw resolver.failure(e, run.name);
        }
      }
    }
    return new PavedAnalyzeResponse(ds, []);
  });
}

/** The options the SDK requires on every resource; without them it asks, in these words, for a newer engine. */
function requireOptions(r: { getOptions(): analyzerpb.AnalyzerResourceOptions | undefined }) {
  const opts = r.getOptions();
  if (!opts) {
    throw new Error(
      "A more recent version of the Pulumi CLI is required. " +
        "To upgrade, see https://www.pulumi.com/docs/get-started/install/",
    );
  }
  return opts;
}

/** The resource as a check sees it, from the request (the SDK's args, built once). */
function underCheck(req: analyzerpb.AnalyzeRequest): ResourceUnderCheck {
  const opts = requireOptions(req);
  const prov = req.getProvider();
  return {
    type: req.getType(),
    urn: req.getUrn(),
    name: req.getName(),
    props: inputsOf(req.getProperties()),
    parent: opts.getParent() || undefined,
    provider: prov
      ? { type: prov.getType(), urn: prov.getUrn(), props: inputsOf(prov.getProperties()) }
      : undefined,
  };
}

const NO_DEPENDENCIES: readonly StackResource[] = Object.freeze([]);

/** The stack as a stack check sees it: parents and dependencies linked to the resources in it. */
function stackOf(list: readonly analyzerpb.AnalyzerResource[]): StackResource[] {
  type Mutable = { -readonly [K in keyof StackResource]: StackResource[K] };
  const built: Mutable[] = new Array(list.length);
  const byUrn = new Map<string, Mutable>();
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    requireOptions(r);
    const res: Mutable = {
      type: r.getType(),
      urn: r.getUrn(),
      name: r.getName(),
      props: inputsOf(r.getProperties()),
      parent: undefined,
      dependencies: NO_DEPENDENCIES,
    };
    built[i] = res;
    byUrn.set(res.urn, res);
  }
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    const parent = r.getParent();
    if (parent) built[i].parent = byUrn.get(parent);
    const urns = r.getDependenciesList();
    if (urns.length === 0) continue;
    const deps: StackResource[] = [];
    for (const d of urns) {
      const found = byUrn.get(d);
      if (found) deps.push(found);
    }
    built[i].dependencies = deps;
  }
  return built;
}

/** The pack config a `ConfigureAnalyzerRequest` sets, parsed as the SDK's `configure` parses it. */
export function configFromRequest(req: analyzerpb.ConfigureAnalyzerRequest): PackConfig {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of req.getPolicyconfigMap().entries()) {
    const props = (v.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>;
    props.enforcementLevel = protoutil.convertEnforcementLevel(v.getEnforcementlevel());
    out[k] = props;
  }
  return out;
}

/**
 * Replaces the SDK's Analyze and AnalyzeStack in a service table with
 * {@link makeAnalyze} and {@link makeAnalyzeStack}, and observes `configure`
 * so they read the config the SDK keeps.
 */
export function withPavedAnalyze(
  pack: PackIdentity,
  policies: readonly policy.Policy[],
  impl: Record<string, Rpc>,
): Record<string, Rpc> {
  let current: PackConfig = {};
  const sdkConfigure = impl.configure;
  const configure: Rpc = (call, callback) => {
    sdkConfigure(call, (err, resp) => {
      if (!err) current = configFromRequest(call.request as analyzerpb.ConfigureAnalyzerRequest);
      callback(err, resp);
    });
  };
  const config = () => current;
  // The stack's config reaches a Node pack two ways: as PULUMI_CONFIG in its environment when
  // the engine starts it through the `pulumi-analyzer-policy-nodejs` shim, and only in the
  // ConfigureStack request when it starts it through the language host (every CLI with a Node
  // language host, found by the real-engine tests). @pulumi/policy 1.21 reads only the tags of
  // that request, so without this the pack saw no `paved:*` config: no environment (prod-only
  // policies never fired) and nothing for remediation to fill in.
  const sdkConfigureStack = impl.configureStack;
  const configureStack: Rpc = (call, callback) => {
    const req = call.request as analyzerpb.AnalyzerStackConfigureRequest;
    const entries = req.getConfigMap().toObject();
    if (entries.length > 0) process.env.PULUMI_CONFIG = JSON.stringify(Object.fromEntries(entries));
    if (sdkConfigureStack) sdkConfigureStack(call, callback);
    else callback(null, new analyzerproto.AnalyzerStackConfigureResponse());
  };
  return {
    ...impl,
    configure,
    configureStack,
    analyze: makeAnalyze(pack, policies, config),
    analyzeStack: makeAnalyzeStack(pack, policies, config),
  };
}
