/**
 * The registry of Paved component type tokens: every `pulumi.ComponentResource`
 * class under `components/` and the token it registers. The policy pack's
 * approved-component check (and every policy that trusts a Paved parent)
 * accepts only these tokens, not any type that starts with `paved:`: a user
 * can declare a component named `paved:x:Anything`. A test
 * (test/components/core/component-types.test.ts) scans the sources and fails
 * when a class's token is missing here. Pure: no Pulumi.
 *
 * The pattern a component stamps on its resources (`paved:pattern` tag,
 * `paved.dev/pattern` label) is the last segment of its token.
 */

/** Every Paved component type token, by class name. */
export const PAVED_COMPONENT_TYPES = {
  AlarmSet: "paved:aws:AlarmSet",
  AppRegistration: "paved:aws:AppRegistration",
  Dashboard: "paved:aws:Dashboard",
  HealthScore: "paved:aws:HealthScore",
  LeastPrivilegeRole: "paved:aws:LeastPrivilegeRole",
  SanVolume: "paved:aws:SanVolume",
  SegmentedNetwork: "paved:aws:SegmentedNetwork",
  CanaryRollout: "paved:k8s:CanaryRollout",
  EncryptedStorageClass: "paved:k8s:EncryptedStorageClass",
  NamespaceBaseline: "paved:k8s:NamespaceBaseline",
  SloAlerts: "paved:k8s:SloAlerts",
  VolumeClaim: "paved:k8s:VolumeClaim",
} as const;

export type PavedComponentName = keyof typeof PAVED_COMPONENT_TYPES;
export type PavedComponentType = (typeof PAVED_COMPONENT_TYPES)[PavedComponentName];

const TOKENS: ReadonlySet<string> = new Set(Object.values(PAVED_COMPONENT_TYPES));

/** True when `type` is the token of a Paved component (exactly, not by prefix). */
export function isPavedComponentType(type: string): type is PavedComponentType {
  return TOKENS.has(type);
}

/** The pattern a component stamps (`SegmentedNetwork` for `paved:aws:SegmentedNetwork`). */
export function patternOfType(type: string): string {
  return type.slice(type.lastIndexOf(":") + 1);
}
