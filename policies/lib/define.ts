/**
 * The definition API every policy file uses. A policy file exports one object
 * made by {@link defineResourcePolicy} or {@link defineStackPolicy}: metadata
 * (name, severity, remediation, frameworks, default level, config schema) plus
 * a pure `check` that returns findings. It knows nothing about enforcement
 * levels, exemptions or preview unknowns: `sdk.ts` adds those when
 * `policies/pack.ts` turns the list into @pulumi/policy objects.
 *
 * @example
 * export const ebsEncrypted = defineResourcePolicy({
 *   name: "aws-ebs-volume-encrypted",
 *   description: "EBS volumes are encrypted at rest.",
 *   category: "storage", severity: "high", defaultLevel: "mandatory", securitySet: true,
 *   remediation: ["Set `encrypted: true` on the volume."],
 *   frameworks: [cisAws("2.2.1")],
 *   types: ["aws:ebs/volume:Volume"],
 *   check: (r) => (r.props.encrypted === true ? [] : [{ message: "the volume is not encrypted" }]),
 * });
 */
import { Problems } from "../../components/core/errors";
import {
  CATEGORIES,
  CheckContext,
  ENFORCEMENT_LEVELS,
  Finding,
  PolicyMetadata,
  ResourceUnderCheck,
  SEVERITIES,
  StackResource,
} from "./types";

/** What a resource policy file passes to {@link defineResourcePolicy}. */
export interface ResourcePolicySpec<C = Record<string, never>> extends Omit<PolicyMetadata, "securitySet"> {
  /** @default false */
  readonly securitySet?: boolean;
  /**
   * The resource types checked. When set, other types are skipped before the
   * check runs (and before the SDK deserializes them, for a single type).
   * @default every type
   */
  readonly types?: readonly string[];
  /**
   * A cheaper test by type and config alone, for a policy whose `types`
   * cannot say it (the set depends on config): false means `check` returns
   * `[]` for every resource of that type. paved's Analyze handler then skips
   * the check for the type; the SDK path still runs it, and the policy
   * harness runs every fixture both ways, so the two must agree.
   * @default every type in `types`
   */
  appliesTo?(type: string, config: C): boolean;
  /** Returns every finding for one resource; `[]` when it complies. Pure. */
  check(resource: ResourceUnderCheck, ctx: CheckContext<C>): Finding[];
  /**
   * Returns fixed inputs, or undefined when there is nothing to fix. Runs
   * only at level `remediate`, before `check`. Pure.
   */
  remediate?(resource: ResourceUnderCheck, ctx: CheckContext<C>): Record<string, unknown> | undefined;
}

/** What a stack policy file passes to {@link defineStackPolicy}. */
export interface StackPolicySpec<C = Record<string, never>> extends Omit<PolicyMetadata, "securitySet"> {
  /** @default false */
  readonly securitySet?: boolean;
  /** Returns every finding for the whole stack; each names the URN it blames. Pure. */
  check(resources: readonly StackResource[], ctx: CheckContext<C>): Finding[];
}

/** A defined resource policy: the spec, checked and with defaults filled in. */
export interface ResourcePolicyDefinition<C = Record<string, never>> extends ResourcePolicySpec<C> {
  readonly kind: "resource";
  readonly securitySet: boolean;
}

/** A defined stack policy. */
export interface StackPolicyDefinition<C = Record<string, never>> extends StackPolicySpec<C> {
  readonly kind: "stack";
  readonly securitySet: boolean;
}

/** Any defined policy, whatever its config type (for lists such as the pack). */
export type PolicyDefinition =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ResourcePolicyDefinition<any> | StackPolicyDefinition<any>;

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Checks the metadata every policy must carry; throws a PavedValidationError listing all problems. */
export function validateMetadata(spec: Omit<PolicyMetadata, "securitySet">): void {
  const p = new Problems("definePolicy", String(spec.name));
  p.check(
    typeof spec.name === "string" && KEBAB.test(spec.name) && spec.name !== "all",
    "name",
    "is not a kebab-case policy name",
    "use lower-case words joined by '-', prefixed by the area (aws-, k8s-, paved-)",
    "PAVED_POLICY_NAME",
  );
  p.check(
    typeof spec.description === "string" && spec.description.trim() !== "",
    "description",
    "is required",
    "say in one sentence what the policy requires",
    "PAVED_POLICY_DESCRIPTION",
  );
  p.check(
    (CATEGORIES as readonly string[]).includes(spec.category),
    "category",
    `"${String(spec.category)}" is not a category`,
    `use one of ${CATEGORIES.join(" | ")}`,
    "PAVED_POLICY_CATEGORY",
  );
  p.check(
    (SEVERITIES as readonly string[]).includes(spec.severity),
    "severity",
    `"${String(spec.severity)}" is not a severity`,
    `use one of ${SEVERITIES.join(" | ")}`,
    "PAVED_POLICY_SEVERITY",
  );
  p.check(
    (ENFORCEMENT_LEVELS as readonly string[]).includes(spec.defaultLevel),
    "defaultLevel",
    `"${String(spec.defaultLevel)}" is not an enforcement level`,
    `use one of ${ENFORCEMENT_LEVELS.join(" | ")}`,
    "PAVED_POLICY_LEVEL",
  );
  p.check(
    Array.isArray(spec.remediation) &&
      spec.remediation.length > 0 &&
      spec.remediation.every((s) => typeof s === "string" && s.trim() !== ""),
    "remediation",
    "is empty",
    "list at least one step that fixes a violation",
    "PAVED_POLICY_REMEDIATION",
  );
  p.check(
    Array.isArray(spec.frameworks),
    "frameworks",
    "is not a list",
    "pass [] when no framework control applies",
    "PAVED_POLICY_FRAMEWORKS",
  );
  const props = spec.configSchema?.properties ?? {};
  p.check(
    !("enforcementLevel" in props) && !(spec.configSchema?.required ?? []).includes("enforcementLevel"),
    "configSchema",
    "declares enforcementLevel",
    "leave it out: the pack config sets the level of every policy",
    "PAVED_POLICY_CONFIG_SCHEMA",
  );
  p.throwIfAny();
}

/** Defines a policy that checks one resource at a time. */
export function defineResourcePolicy<C = Record<string, never>>(
  spec: ResourcePolicySpec<C>,
): ResourcePolicyDefinition<C> {
  validateMetadata(spec);
  return Object.freeze({ ...spec, kind: "resource" as const, securitySet: spec.securitySet ?? false });
}

/** Defines a policy that checks the whole stack once (relationships: flow logs per VPC, alarms). */
export function defineStackPolicy<C = Record<string, never>>(
  spec: StackPolicySpec<C>,
): StackPolicyDefinition<C> {
  validateMetadata(spec);
  return Object.freeze({ ...spec, kind: "stack" as const, securitySet: spec.securitySet ?? false });
}

/** The config defaults a schema declares (`default` of each property). */
export function schemaDefaults(policy: Pick<PolicyMetadata, "configSchema">): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(policy.configSchema?.properties ?? {})) {
    if ("default" in s) out[k] = s.default;
  }
  return out;
}
