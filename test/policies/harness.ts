/**
 * The policy test harness: runs fixtures through both Analyze paths, in
 * process, and requires them to agree:
 * - @pulumi/policy's own analyzer handlers (`makeAnalyzeRpcFun`,
 *   `makeAnalyzeStackRpcFun`, `makeRemediateRpcFun` from
 *   `@pulumi/policy/server`, the code behind the engine's gRPC calls), one
 *   policy at a time;
 * - paved's one-pass handlers (`policies/lib/analyze.ts`), which the pack
 *   serves in their place for Analyze and AnalyzeStack.
 * Requests are built exactly as the engine and `paved check` build them
 * (`cli/engine/analyzer-proto.ts`), so each test gets the SDK's
 * deserialization, unknown-value proxies and reporting. A fixture on which
 * the two paths answer differently fails its test, whatever it expects.
 *
 * A table per policy (awsguard habit): a happy-path `base` fixture that must
 * pass, then cases that change one thing each.
 *
 * @example
 * describePolicyTable(ebsVolumeEncrypted, {
 *   base: { type: "aws:ebs/volume:Volume", props: { availabilityZone: "us-east-1a", encrypted: true } },
 *   pass: [{ name: "a KMS key as well", patch: { kmsKeyId: "arn:aws:kms:..." } }],
 *   fail: [{ name: "encrypted unset", patch: { encrypted: undefined }, expect: /not encrypted/ }],
 *   unknown: [{ name: "encrypted unknown", patch: { encrypted: unknown } }],
 * });
 *
 * Never import `policies/index.ts` here: it starts a gRPC server.
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as policy from "@pulumi/policy";
import {
  AnalyzerResourceRecord,
  Violation,
  fromAnalyzeResponse,
  toAnalyzeRequest,
  toAnalyzeStackRequest,
} from "../../cli/engine/analyzer-proto";
import type { PolicyDefinition } from "../../policies/lib/define";
import { makeAnalyze, makeAnalyzeStack, type PackConfig } from "../../policies/lib/analyze";
import { restoreUses, snapshotUses, type UseSnapshot } from "../../policies/lib/exemptions";
import { toSdkPolicy } from "../../policies/lib/sdk";
import type { EnforcementLevel } from "../../policies/lib/types";

// Internal module of the pinned SDK, without type declarations.
const server = require("@pulumi/policy/server") as {
  makeAnalyzeRpcFun: MakeRpc;
  makeAnalyzeStackRpcFun: MakeRpc;
  makeRemediateRpcFun: MakeRpc;
};
type Rpc = (call: { request: unknown }, cb: (err: unknown, resp?: unknown) => void) => unknown;
type MakeRpc = (name: string, version: string, level: EnforcementLevel, policies: unknown[]) => Rpc;

/** The preview unknown sentinel: put it where a value is not known until apply. */
export const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A resource fixture. `name` defaults to `r`; the URN is derived unless given. */
export interface Fixture {
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly name?: string;
  readonly urn?: string;
  /** The parent's URN. */
  readonly parent?: string;
  /** The types of the ancestors, outermost first; they become the URN's qualified type. */
  readonly parentTypes?: readonly string[];
  readonly dependencies?: readonly string[];
  /** The provider the engine passes with the resource. */
  readonly provider?: AnalyzerResourceRecord["providerResource"];
}

/** Pack config for the policy under test, as a `--policy-pack-config` entry gives it. */
export type PolicyConfig = { enforcementLevel?: EnforcementLevel } & Record<string, unknown>;

/** Options of one run. */
export interface RunOptions {
  /** The policy's pack config (its level and properties). */
  readonly config?: PolicyConfig;
  /** `paved:*` stack config, keys without the namespace (`{ environment: "prod" }`). */
  readonly stackConfig?: Record<string, unknown>;
  /** A shared exemptions file (sets `PAVED_EXEMPTIONS_FILE` for the run). */
  readonly exemptionsFile?: string;
}

/** The URN the engine would give a resource: `urn:pulumi:test::paved::<parents$type>::<name>`. */
export function urnOf(type: string, name = "r", parentTypes: readonly string[] = []): string {
  return `urn:pulumi:test::paved::${[...parentTypes, type].join("$")}::${name}`;
}

/** The record the analyzer receives for a fixture. */
export function recordOf(f: Fixture): AnalyzerResourceRecord {
  const name = f.name ?? "r";
  return {
    type: f.type,
    name,
    urn: f.urn ?? urnOf(f.type, name, f.parentTypes),
    inputs: f.props,
    parent: f.parent,
    dependencies: f.dependencies,
    providerResource: f.provider,
  };
}

function resolve(p: PolicyDefinition | string): PolicyDefinition {
  if (typeof p !== "string") return p;
  const { policies } = require("../../policies/pack") as { policies: readonly PolicyDefinition[] };
  const found = policies.find((d) => d.name === p);
  if (!found) throw new Error(`no policy named ${p} in policies/pack.ts`);
  return found;
}

/** The SDK policy with the test's pack config applied, as the SDK's `Configure` call would. */
function configured(def: PolicyDefinition, config: PolicyConfig = {}): policy.Policy {
  const { enforcementLevel, ...props } = config;
  const sdk = toSdkPolicy(def) as policy.ResourceValidationPolicy & policy.StackValidationPolicy;
  const getConfig = <T>() => props as T;
  const out: Record<string, unknown> = { ...sdk, enforcementLevel: enforcementLevel ?? sdk.enforcementLevel };
  if (sdk.validateResource) {
    const inner = sdk.validateResource as policy.ResourceValidation;
    const wrapped: policy.ResourceValidation = (args, report) => inner({ ...args, getConfig }, report);
    Object.assign(wrapped, { __pulumiType: (inner as unknown as { __pulumiType?: string }).__pulumiType });
    out.validateResource = wrapped;
  }
  if (sdk.remediateResource) {
    const inner = sdk.remediateResource;
    out.remediateResource = (args: policy.ResourceValidationArgs) => inner({ ...args, getConfig });
  }
  if (sdk.validateStack) {
    const inner = sdk.validateStack;
    out.validateStack = (args: policy.StackValidationArgs, report: policy.ReportViolation) =>
      inner({ ...args, getConfig }, report);
  }
  return out as unknown as policy.Policy;
}

async function withEnv<T>(opts: RunOptions, run: () => Promise<T>): Promise<T> {
  const saved = { config: process.env.PULUMI_CONFIG, file: process.env.PAVED_EXEMPTIONS_FILE };
  if (opts.stackConfig) {
    process.env.PULUMI_CONFIG = JSON.stringify(
      Object.fromEntries(Object.entries(opts.stackConfig).map(([k, v]) => [`paved:${k}`, v])),
    );
  } else {
    delete process.env.PULUMI_CONFIG;
  }
  if (opts.exemptionsFile) process.env.PAVED_EXEMPTIONS_FILE = opts.exemptionsFile;
  else delete process.env.PAVED_EXEMPTIONS_FILE;
  try {
    return await run();
  } finally {
    for (const [key, value] of [
      ["PULUMI_CONFIG", saved.config],
      ["PAVED_EXEMPTIONS_FILE", saved.file],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function call<T>(rpc: Rpc, request: unknown): Promise<T> {
  return new Promise((resolveP, reject) => {
    void rpc({ request }, (err, resp) => (err ? reject(err) : resolveP(resp as T)));
  });
}

const PACK = "paved";
const VERSION = "0.0.0-test";

/** The pack config paved's handlers read for the test's config: the policy's properties and level. */
function packConfig(def: PolicyDefinition, config: PolicyConfig = {}): PackConfig {
  const { enforcementLevel, ...props } = config;
  return { [def.name]: { ...props, enforcementLevel: enforcementLevel ?? def.defaultLevel } };
}

/** Both answers to one request, which must be the same response (compared as protobuf objects). */
async function agreed(
  def: PolicyDefinition,
  sdk: Rpc,
  paved: Rpc,
  request: () => unknown,
): Promise<analyzerpb.AnalyzeResponse> {
  // Both runs start from the same record of used exemptions, and must leave the same one.
  const before = snapshotUses();
  const viaSdk = await call<analyzerpb.AnalyzeResponse>(sdk, request());
  const afterSdk = snapshotUses();
  restoreUses(before);
  const viaPaved = await call<analyzerpb.AnalyzeResponse>(paved, request());
  const afterPaved = snapshotUses();
  const [a, b] = [viaSdk.toObject(), viaPaved.toObject()];
  const uses = (u: UseSnapshot) => JSON.stringify([...u].map(([id, x]) => [id, x.count, x.urns]));
  if (JSON.stringify(a) !== JSON.stringify(b) || uses(afterSdk) !== uses(afterPaved)) {
    throw new Error(
      `${def.name}: paved's handler and the SDK's disagree\nSDK:   ${JSON.stringify(a)} ${uses(afterSdk)}\npaved: ${JSON.stringify(b)} ${uses(afterPaved)}`,
    );
  }
  return viaSdk;
}

/** Runs one resource through Analyze (both handlers, which must agree); returns the policy's violations. */
export async function runPolicy(
  p: PolicyDefinition | string,
  fixture: Fixture,
  opts: RunOptions = {},
): Promise<Violation[]> {
  const def = resolve(p);
  return withEnv(opts, async () => {
    const sdk = server.makeAnalyzeRpcFun(PACK, VERSION, "advisory", [configured(def, opts.config)]);
    const config = packConfig(def, opts.config);
    const paved = makeAnalyze(
      { name: PACK, version: VERSION, level: "advisory" },
      [toSdkPolicy(def)],
      () => config,
    );
    return fromAnalyzeResponse(await agreed(def, sdk, paved, () => toAnalyzeRequest(recordOf(fixture))));
  });
}

/** Runs a stack through AnalyzeStack (both handlers, which must agree); returns the policy's violations. */
export async function runStackPolicy(
  p: PolicyDefinition | string,
  fixtures: readonly Fixture[],
  opts: RunOptions = {},
): Promise<Violation[]> {
  const def = resolve(p);
  return withEnv(opts, async () => {
    const sdk = server.makeAnalyzeStackRpcFun(PACK, VERSION, "advisory", [configured(def, opts.config)]);
    const config = packConfig(def, opts.config);
    const paved = makeAnalyzeStack(
      { name: PACK, version: VERSION, level: "advisory" },
      [toSdkPolicy(def)],
      () => config,
    );
    return fromAnalyzeResponse(
      await agreed(def, sdk, paved, () => toAnalyzeStackRequest(fixtures.map(recordOf))),
    );
  });
}

/** Runs the SDK's Remediate handler; returns the remediated inputs, or undefined when none. */
export async function runRemediation(
  p: PolicyDefinition | string,
  fixture: Fixture,
  opts: RunOptions = {},
): Promise<Record<string, unknown> | undefined> {
  const def = resolve(p);
  return withEnv(opts, async () => {
    const rpc = server.makeRemediateRpcFun(PACK, VERSION, "advisory", [
      configured(def, { enforcementLevel: "remediate", ...opts.config }),
    ]);
    // The engine sends Remediate the same request as Analyze.
    const resp = await call<analyzerpb.RemediateResponse>(rpc, toAnalyzeRequest(recordOf(fixture)));
    const [first] = resp.getRemediationsList();
    return first?.getProperties()?.toJavaScript() as Record<string, unknown> | undefined;
  });
}

/** Either a runner's result for a resource or for a stack. */
async function runAny(
  def: PolicyDefinition,
  fixture: Fixture | readonly Fixture[],
  opts: RunOptions,
): Promise<Violation[]> {
  return def.kind === "stack"
    ? runStackPolicy(def, Array.isArray(fixture) ? fixture : [fixture as Fixture], opts)
    : runPolicy(def, fixture as Fixture, opts);
}

/** A change to the base props: a shallow patch (`undefined` removes a key) or a function. */
export type Patch = Record<string, unknown> | ((props: Record<string, unknown>) => Record<string, unknown>);

/** Applies a patch to a fixture's props. */
export function patched(base: Fixture, patch: Patch | undefined): Fixture {
  if (!patch) return base;
  const props =
    typeof patch === "function" ? patch(structuredClone(base.props)) : { ...base.props, ...patch };
  for (const [k, v] of Object.entries(props)) if (v === undefined) delete props[k];
  return { ...base, props };
}

/** One row of a table. For a stack policy, `stack` replaces the base stack. */
export interface TableCase {
  readonly name: string;
  /** Changes the base fixture's props (resource policies). */
  readonly patch?: Patch;
  /** Replaces the base fixture entirely (another type, another shape). */
  readonly fixture?: Fixture;
  /** Changes the base stack (stack policies). */
  readonly stack?: (base: Fixture[]) => Fixture[];
  readonly options?: RunOptions;
}

/** A failing row: what the message must say, and optionally the URN it must blame. */
export interface FailCase extends TableCase {
  readonly expect: RegExp;
  readonly urn?: string;
  /** How many violations. @default at least one */
  readonly count?: number;
}

/** A policy's table. */
export interface PolicyTable {
  /** The happy path: a resource (or a stack) that passes. */
  readonly base: Fixture | readonly Fixture[];
  readonly pass: readonly TableCase[];
  readonly fail: readonly FailCase[];
  /** At least one case with a preview unknown: it never crashes, and reports advisory at most. */
  readonly unknown: readonly TableCase[];
  /** Options for every row (a row's own options win). */
  readonly options?: RunOptions;
}

function fixtureFor(table: PolicyTable, c: TableCase): Fixture | Fixture[] {
  if (c.fixture) return c.fixture;
  if (Array.isArray(table.base)) {
    const base = structuredClone(table.base) as Fixture[];
    return c.stack ? c.stack(base) : base;
  }
  return patched(table.base as Fixture, c.patch);
}

/**
 * Declares the table's tests: the base passes, every pass row gives no
 * violation, every fail row gives violations at the policy's level matching
 * `expect`, and every unknown row gives only advisory notes.
 */
export function describePolicyTable(p: PolicyDefinition, table: PolicyTable): void {
  if (table.unknown.length === 0) throw new Error(`${p.name}: a table needs at least one unknown-value case`);
  if (table.fail.length === 0) throw new Error(`${p.name}: a table needs at least one failing case`);
  const opts = (c: TableCase): RunOptions => ({ ...table.options, ...c.options });
  const level = (c: TableCase) => opts(c).config?.enforcementLevel ?? p.defaultLevel;
  describe(`${p.name} (table)`, () => {
    test("the base fixture passes", async () => {
      expect(await runAny(p, table.base as Fixture, table.options ?? {})).toEqual([]);
    });
    test.each(table.pass.map((c) => [c.name, c] as const))("passes: %s", async (_, c) => {
      expect(await runAny(p, fixtureFor(table, c), opts(c))).toEqual([]);
    });
    test.each(table.fail.map((c) => [c.name, c] as const))("fails: %s", async (_, c) => {
      const vs = await runAny(p, fixtureFor(table, c), opts(c));
      if (c.count !== undefined) expect(vs).toHaveLength(c.count);
      else expect(vs.length).toBeGreaterThan(0);
      const expected = level(c) === "remediate" ? "mandatory" : level(c);
      for (const v of vs) {
        expect(v.policyName).toBe(p.name);
        expect(v.enforcementLevel).toBe(expected);
        expect(v.message).toMatch(c.expect);
        if (c.urn !== undefined) expect(v.urn).toBe(c.urn);
      }
    });
    test.each(table.unknown.map((c) => [c.name, c] as const))(
      "preview unknown, advisory at most: %s",
      async (_, c) => {
        const vs = await runAny(p, fixtureFor(table, c), opts(c));
        for (const v of vs) expect(v.enforcementLevel).toBe("advisory");
      },
    );
  });
}
