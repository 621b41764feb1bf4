/**
 * Turns policy definitions into @pulumi/policy objects. This is where the
 * mechanics live, once for every policy:
 * - enforcement: the definition's `defaultLevel`; pack config overrides it per
 *   policy (the SDK applies the `Configure` call);
 * - config: schema defaults merged under the policy's pack config;
 * - exemptions: a finding covered by an unexpired exemption is reported as an
 *   advisory note that names the ticket; an expired one covers nothing;
 * - preview unknowns: reading an unknown input throws inside the check; the
 *   policy reports one advisory "skipped during preview" note instead;
 * - a check that throws anything else is reported at the policy's level, so a
 *   bug fails closed without crashing the preview.
 *
 * Per-finding levels use the object form of `reportViolation`, which the
 * pinned SDK's analyzer honours (`enforcementLevel` on the object); the
 * harness and protocol tests run through that code and pin the behaviour.
 */
import type * as policy from "@pulumi/policy";
import { schemaDefaults } from "./define";
import type { PolicyDefinition, ResourcePolicyDefinition, StackPolicyDefinition } from "./define";
import {
  CONFIG_EXEMPTIONS_SCHEMA,
  ExemptionSet,
  ExemptionTarget,
  LEDGER_POLICY,
  LoadedExemption,
  exemptionMatches,
  isExpired,
  recordUse,
  sharedExemptions,
  urnParts,
  validateExemptions,
} from "./exemptions";
import { formatFramework } from "./frameworks";
import { isUnknownValueError } from "./props";
import { currentStack } from "./stack";
import type { CheckContext, Finding, ResourceUnderCheck, StackContext, StackResource } from "./types";

type SdkPolicy = policy.ResourceValidationPolicy | policy.StackValidationPolicy;

/** The object form of a violation that the SDK's reportViolation accepts at runtime. */
export interface ViolationObject {
  message: string;
  urn?: string;
  enforcementLevel?: policy.EnforcementLevel;
}
/** Receives each violation of one policy, in the object form of the SDK's `reportViolation`. */
export type Report = (v: ViolationObject) => void;

function objectReporter(report: policy.ReportViolation): Report {
  return report as unknown as Report;
}

/** The raw object behind an SDK props proxy (unknowns left in place), for building remediated inputs. */
export function rawProps(props: Record<string, unknown>): Record<string, unknown> {
  const target = (props as Record<string, unknown>)["__getSpecialProxyTarget"];
  return (target && typeof target === "object" ? target : props) as Record<string, unknown>;
}

/** Per-policy cache of the exemptions in its pack config, keyed by their JSON. */
const configExemptionCache = new Map<string, ExemptionSet>();

function configExemptions(policyName: string, raw: unknown): readonly LoadedExemption[] {
  if (raw === undefined) return [];
  const key = `${policyName}\n${JSON.stringify(raw)}`;
  let set = configExemptionCache.get(key);
  if (!set) {
    set = validateExemptions(raw, `config:${policyName}`, policyName);
    configExemptionCache.set(key, set);
  }
  return set.exemptions;
}

/** What a check run reads besides the resource and its config: the stack and the shared exemptions file. */
export interface RunEnvironment {
  readonly stack: StackContext;
  /** The shared exemptions file's entries (`PAVED_EXEMPTIONS_FILE`). */
  readonly shared: readonly LoadedExemption[];
}

/**
 * The environment in force now (read per call by the SDK path, once per
 * request by paved's handlers). The exemptions file is looked up only when a
 * finding needs it: most resources have none.
 */
export function runEnvironment(): RunEnvironment {
  let shared: readonly LoadedExemption[] | undefined;
  return {
    stack: currentStack(),
    get shared() {
      return (shared ??= sharedExemptions().exemptions);
    },
  };
}

const NO_EXEMPTIONS: readonly LoadedExemption[] = Object.freeze([]);

/** Reports findings, applying exemptions from the shared file and the policy's config. */
function emit(
  def: PolicyDefinition,
  findings: readonly Finding[],
  fallback: { urn: string; type: string; name: string } | undefined,
  configRaw: unknown,
  report: Report,
  env: RunEnvironment,
): void {
  if (findings.length === 0) return;
  // Read only now: most resources have no finding, and the file is read on first use.
  const shared = env.shared;
  const candidates =
    def.name === LEDGER_POLICY || (shared.length === 0 && configRaw === undefined)
      ? NO_EXEMPTIONS
      : [...shared, ...configExemptions(def.name, configRaw)];
  let now: Date | undefined;
  for (const f of findings) {
    const urn = f.urn ?? fallback?.urn ?? "";
    const text = `${def.description}\n${f.message}`;
    let match: LoadedExemption | undefined;
    if (candidates.length > 0) {
      const parts = fallback && urn === fallback.urn ? fallback : urnParts(urn);
      const target: ExemptionTarget = { policy: def.name, urn, type: parts.type, name: parts.name };
      match = candidates.find((e) => exemptionMatches(e, target));
    }
    if (f.advisory) {
      report({ message: text, urn: urn || undefined, enforcementLevel: "advisory" });
    } else if (!match) {
      report({ message: text, urn: urn || undefined });
    } else if (isExpired(match, (now ??= new Date()))) {
      report({
        message: `${text}\n(exemption ${match.ticket} expired on ${match.expires}: renew it or fix the resource)`,
        urn: urn || undefined,
      });
    } else {
      recordUse(match, urn);
      report({
        message: `${text}\n(exempted by ${match.ticket}, owner ${match.owner}, until ${match.expires}: ${match.reason})`,
        urn: urn || undefined,
        enforcementLevel: "advisory",
      });
    }
  }
}

/** What a check that threw reports: a preview note for an unknown input, else a finding at the policy's level. */
function reportThrown(def: PolicyDefinition, urn: string | undefined, report: Report, e: unknown): void {
  if (isUnknownValueError(e)) {
    report({
      message: `${def.description}\nskipped during preview: ${e.message}; it is checked again on update`,
      urn,
      enforcementLevel: "advisory",
    });
  } else {
    report({ message: `${def.description}\nthe policy could not evaluate this input: ${String(e)}`, urn });
  }
}

const defaultsCache = new WeakMap<PolicyDefinition, Record<string, unknown>>();
/** Contexts per config object and policy: paved's Analyze handler passes the same config object for every resource. */
const contextCache = new WeakMap<object, Map<PolicyDefinition, CheckContext<unknown>>>();

/** A policy's config as its check sees it: schema defaults under the pack config's properties. */
export function policyConfig<C>(def: PolicyDefinition, config: Record<string, unknown>): C {
  let defaults = defaultsCache.get(def);
  if (!defaults) {
    defaults = schemaDefaults(def);
    defaultsCache.set(def, defaults);
  }
  return { ...defaults, ...config } as C;
}

function context<C>(
  def: PolicyDefinition,
  config: Record<string, unknown>,
  stack: StackContext,
): CheckContext<C> {
  let byDef = contextCache.get(config);
  const hit = byDef?.get(def);
  if (hit && hit.stack === stack) return hit as CheckContext<C>;
  const ctx: CheckContext<C> = { config: policyConfig<C>(def, config), stack };
  if (!byDef) contextCache.set(config, (byDef = new Map()));
  byDef.set(def, ctx);
  return ctx;
}

function metadata(def: PolicyDefinition): Omit<policy.Policy, "name" | "description"> & {
  name: string;
  description: string;
} {
  const [framework] = def.frameworks;
  return {
    name: def.name,
    description: def.description,
    enforcementLevel: def.defaultLevel,
    severity: def.severity,
    remediationSteps: def.remediation.map((s, i) => `${i + 1}. ${s}`).join("\n"),
    tags: [def.category, ...(def.securitySet ? ["security-set"] : [])],
    framework: framework
      ? {
          name: framework.name,
          version: framework.version,
          reference: framework.reference,
          // The SDK carries one framework; the specification lists every control cited.
          specification: def.frameworks.map(formatFramework).join("; "),
        }
      : undefined,
    configSchema: {
      properties: {
        ...(def.configSchema?.properties ?? {}),
        exemptions: CONFIG_EXEMPTIONS_SCHEMA,
      } as unknown as policy.PolicyConfigSchema["properties"],
      required: def.configSchema?.required ? [...def.configSchema.required] : undefined,
    },
  };
}

function underCheck(args: policy.ResourceValidationArgs): ResourceUnderCheck {
  return {
    type: args.type,
    urn: args.urn,
    name: args.name,
    props: args.props,
    parent: args.opts.parent || undefined,
    provider: args.provider
      ? { type: args.provider.type, urn: args.provider.urn, props: args.provider.props }
      : undefined,
  };
}

/**
 * Runs one resource policy over one resource and reports every finding: the
 * check (guarded), then exemptions. Both Analyze paths call this: the SDK's
 * per-policy loop (through `validateResource` below) and paved's own
 * one-pass handler (`analyze.ts`). `config` is the policy's pack config
 * without its enforcement level.
 */
export function evaluateResource(
  def: ResourcePolicyDefinition<unknown>,
  resource: ResourceUnderCheck,
  config: Record<string, unknown>,
  report: Report,
  env: RunEnvironment = runEnvironment(),
): void {
  let findings: Finding[];
  try {
    findings = def.check(resource, context(def, config, env.stack));
  } catch (e) {
    reportThrown(def, resource.urn, report, e);
    return;
  }
  emit(def, findings, resource, config.exemptions, report, env);
}

/** The definition behind an SDK policy that {@link toSdkPolicy} made (not enumerable: the SDK never sees it). */
export const DEFINITION = Symbol.for("paved.policyDefinition");

/** The paved definition an SDK policy was made from, if it was made by {@link toSdkPolicy}. */
export function definitionOf(p: policy.Policy): PolicyDefinition | undefined {
  return (p as unknown as { [DEFINITION]?: PolicyDefinition })[DEFINITION];
}

/** A resource policy as @pulumi/policy serves it. */
export function toResourcePolicy(def: ResourcePolicyDefinition<unknown>): policy.ResourceValidationPolicy {
  const types = def.types ? new Set(def.types) : undefined;
  const validateResource: policy.ResourceValidation = (args, report) => {
    if (types && !types.has(args.type)) return;
    evaluateResource(
      def,
      underCheck(args),
      args.getConfig<Record<string, unknown>>(),
      objectReporter(report),
    );
  };
  // A single type lets the SDK skip other resources before deserializing them.
  if (def.types?.length === 1) {
    (validateResource as unknown as { __pulumiType: string }).__pulumiType = def.types[0];
  }
  const out: policy.ResourceValidationPolicy = { ...metadata(def), validateResource };
  const remediate = def.remediate;
  if (remediate) {
    out.remediateResource = (args) => {
      if (types && !types.has(args.type)) return undefined;
      const resource = underCheck(args);
      try {
        return remediate(resource, context(def, args.getConfig<Record<string, unknown>>(), currentStack()));
      } catch (e) {
        if (isUnknownValueError(e)) return undefined; // validateResource reports it
        throw e;
      }
    };
  }
  return out;
}

/** A stack policy as @pulumi/policy serves it. */
export function toStackPolicy(def: StackPolicyDefinition<unknown>): policy.StackValidationPolicy {
  return {
    ...metadata(def),
    validateStack: (args, report) => {
      const resources = args.resources as unknown as readonly StackResource[];
      evaluateStack(def, resources, args.getConfig<Record<string, unknown>>(), objectReporter(report));
    },
  };
}

/** As {@link evaluateResource}, for a stack policy over the whole stack. */
export function evaluateStack(
  def: StackPolicyDefinition<unknown>,
  resources: readonly StackResource[],
  config: Record<string, unknown>,
  report: Report,
  env: RunEnvironment = runEnvironment(),
): void {
  let findings: Finding[];
  try {
    findings = def.check(resources, context(def, config, env.stack));
  } catch (e) {
    reportThrown(def, undefined, report, e);
    return;
  }
  emit(def, findings, undefined, config.exemptions, report, env);
}

function make(def: PolicyDefinition): SdkPolicy {
  switch (def.kind) {
    case "resource":
      return toResourcePolicy(def);
    case "stack":
      return toStackPolicy(def);
    default: {
      const never: never = def;
      throw new Error(`unknown policy kind ${String((never as { kind: unknown }).kind)}`);
    }
  }
}

/** Any definition as @pulumi/policy serves it; {@link definitionOf} finds the definition again. */
export function toSdkPolicy(def: PolicyDefinition): SdkPolicy {
  return Object.defineProperty(make(def), DEFINITION, { value: def, enumerable: false });
}
