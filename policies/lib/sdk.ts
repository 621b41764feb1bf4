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
import type { CheckContext, Finding, ResourceUnderCheck, StackResource } from "./types";

type SdkPolicy = policy.ResourceValidationPolicy | policy.StackValidationPolicy;

/** The object form of a violation that the SDK's reportViolation accepts at runtime. */
interface ViolationObject {
  message: string;
  urn?: string;
  enforcementLevel?: policy.EnforcementLevel;
}
type Report = (v: ViolationObject) => void;

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

/** Reports findings, applying exemptions from the shared file and the policy's config. */
function emit(
  def: PolicyDefinition,
  findings: readonly Finding[],
  fallback: { urn: string; type: string; name: string } | undefined,
  configRaw: unknown,
  report: Report,
): void {
  if (findings.length === 0) return;
  const candidates =
    def.name === LEDGER_POLICY
      ? []
      : [...sharedExemptions().exemptions, ...configExemptions(def.name, configRaw)];
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

function runGuarded(
  def: PolicyDefinition,
  urn: string | undefined,
  report: Report,
  run: () => Finding[],
): Finding[] {
  try {
    return run();
  } catch (e) {
    if (isUnknownValueError(e)) {
      report({
        message: `${def.description}\nskipped during preview: ${e.message}; it is checked again on update`,
        urn,
        enforcementLevel: "advisory",
      });
    } else {
      report({ message: `${def.description}\nthe policy could not evaluate this input: ${String(e)}`, urn });
    }
    return [];
  }
}

const defaultsCache = new WeakMap<PolicyDefinition, Record<string, unknown>>();

function context<C>(def: PolicyDefinition, config: Record<string, unknown>): CheckContext<C> {
  let defaults = defaultsCache.get(def);
  if (!defaults) {
    defaults = schemaDefaults(def);
    defaultsCache.set(def, defaults);
  }
  return { config: { ...defaults, ...config } as C, stack: currentStack() };
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

/** A resource policy as @pulumi/policy serves it. */
export function toResourcePolicy(def: ResourcePolicyDefinition<unknown>): policy.ResourceValidationPolicy {
  const types = def.types ? new Set(def.types) : undefined;
  const validateResource: policy.ResourceValidation = (args, report) => {
    if (types && !types.has(args.type)) return;
    const reporter = objectReporter(report);
    const config = args.getConfig<Record<string, unknown>>();
    const resource = underCheck(args);
    const findings = runGuarded(def, args.urn, reporter, () => def.check(resource, context(def, config)));
    emit(def, findings, { urn: args.urn, type: args.type, name: args.name }, config.exemptions, reporter);
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
        return remediate(resource, context(def, args.getConfig<Record<string, unknown>>()));
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
      const reporter = objectReporter(report);
      const config = args.getConfig<Record<string, unknown>>();
      const resources = args.resources as unknown as readonly StackResource[];
      const findings = runGuarded(def, undefined, reporter, () => def.check(resources, context(def, config)));
      emit(def, findings, undefined, config.exemptions, reporter);
    },
  };
}

/** Any definition as @pulumi/policy serves it. */
export function toSdkPolicy(def: PolicyDefinition): SdkPolicy {
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
