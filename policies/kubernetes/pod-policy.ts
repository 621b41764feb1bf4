/**
 * The one way the Kubernetes pod policies are built: a policy names the Pod
 * Security controls it enforces, and this maps the shared checker
 * (`components/kubernetes/pss.ts`, the same one the components use) over every
 * workload kind that holds a pod spec. Written once, not per resource type.
 *
 * Patches: the server-side-apply `...Patch` resources hold part of an object
 * owned elsewhere. They are read too (a patch that sets `privileged: true`
 * fails), but a finding about a field the patch does not mention is dropped:
 * the object the patch applies to may set it.
 *
 * Preview unknowns: the checker never throws; it reports a value it cannot read
 * as `PSS_UNKNOWN`. A policy reports every definite violation even when other
 * values are unknown; when the only findings are unknowns, it throws an
 * `previewUnknown` error (`lib/unknown.ts`), which the pack (`lib/sdk.ts`) turns into one advisory
 * "skipped during preview" note.
 */
import {
  checkPodSpec,
  kubernetesTypeOf,
  podSpecsOf,
  PSS_UNKNOWN,
  type PssCheckOptions,
  type PssControl,
  type PssFinding,
} from "../../components/kubernetes/pss";
import { UNKNOWN, get } from "../../components/kubernetes/workloads";
import { defineResourcePolicy, type ResourcePolicyDefinition, type ResourcePolicySpec } from "../lib/define";
import { rawProps } from "../lib/sdk";
import type { Finding, ResourceUnderCheck } from "../lib/types";
import { previewUnknown } from "../lib/unknown";

/**
 * The workload kinds' own tokens: every `@pulumi/kubernetes` token whose kind
 * holds a pod spec (`podSpecsOf`), in every API version the provider ships,
 * plus the Argo Rollout custom resource. Objects made by `ConfigGroup`,
 * `ConfigFile`, `yaml/v2`, `helm.sh/v3:Chart` and `helm.sh/v4:Chart` register
 * with these same tokens, so they are covered.
 */
const WORKLOAD_OBJECT_TYPES: readonly string[] = [
  "kubernetes:core/v1:Pod",
  "kubernetes:core/v1:PodTemplate",
  "kubernetes:core/v1:ReplicationController",
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:DaemonSet",
  "kubernetes:apps/v1:ReplicaSet",
  "kubernetes:apps/v1beta1:Deployment",
  "kubernetes:apps/v1beta1:StatefulSet",
  "kubernetes:apps/v1beta2:Deployment",
  "kubernetes:apps/v1beta2:StatefulSet",
  "kubernetes:apps/v1beta2:DaemonSet",
  "kubernetes:apps/v1beta2:ReplicaSet",
  "kubernetes:extensions/v1beta1:Deployment",
  "kubernetes:extensions/v1beta1:DaemonSet",
  "kubernetes:extensions/v1beta1:ReplicaSet",
  "kubernetes:batch/v1:Job",
  "kubernetes:batch/v1:CronJob",
  "kubernetes:batch/v1beta1:CronJob",
  "kubernetes:batch/v2alpha1:CronJob",
  "kubernetes:argoproj.io/v1alpha1:Rollout",
];

/**
 * The type tokens a pod policy reads: the workload kinds' tokens and their
 * server-side-apply `...Patch` variants (`kubernetes:apps/v1:DeploymentPatch`,
 * and `CustomResourcePatch`'s `kubernetes:argoproj.io/v1alpha1:RolloutPatch`).
 * Anything else (AWS resources, ConfigMaps, `NamespacePatch`) is skipped before
 * the policy reads it. `test/policies/kubernetes/types.test.ts` pins this list
 * against the installed provider SDK.
 */
export const WORKLOAD_TYPES: readonly string[] = [
  ...WORKLOAD_OBJECT_TYPES,
  ...WORKLOAD_OBJECT_TYPES.map((t) => `${t}Patch`),
];

/** Codes whose finding is about something missing whatever the path holds: never blamed on a patch. */
const MISSING_CODES: ReadonlySet<string> = new Set(["PAVED_LIMITS_MISSING", "PAVED_REQUESTS_MISSING"]);

/** Splits a finding path (`spec.containers[0].x`, `metadata.annotations["a/b"]`) into keys. */
function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) keys.push(JSON.parse(`"${m[1]}"`) as string);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push(m[3]);
  }
  return keys;
}

/**
 * True when a patch leaves the finding's field out (unset or null): the object
 * it applies to may set it, so the patch is not blamed. A field the patch sets,
 * or one whose value is unknown, is kept.
 */
export function patchOmits(obj: unknown, finding: PssFinding): boolean {
  if (MISSING_CODES.has(finding.code)) return true;
  let cur: unknown = obj;
  for (const key of pathKeys(finding.path)) {
    cur = get(cur, key);
    if (cur === UNKNOWN) return false;
    if (cur === undefined || cur === null) return true;
  }
  return false;
}

/**
 * Turns checker findings into policy findings: definite violations as
 * `<what> (<path>); <fix>`, or a thrown `previewUnknown` error when nothing
 * but unknowns was found.
 */
export function toPolicyFindings(findings: readonly PssFinding[]): Finding[] {
  const violations = findings.filter((f) => f.code !== PSS_UNKNOWN);
  if (violations.length === 0 && findings.length > 0) {
    const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : "";
    throw previewUnknown(`${findings[0].path} is not known until apply${more}`);
  }
  return violations.map((f) => ({ message: `${f.message} (${f.path}); ${f.fix}` }));
}

/** Every finding of the selected controls for one resource; `[]` for anything that is not a workload. */
export function podFindings(
  resource: ResourceUnderCheck,
  opts: Omit<PssCheckOptions, "path" | "metadata">,
): PssFinding[] {
  const t = kubernetesTypeOf(resource.type);
  if (!t) return [];
  const out: PssFinding[] = [];
  // The raw inputs: the checker reads preview unknowns itself, without the SDK proxy's throw (and its cost).
  const obj = rawProps(resource.props);
  for (const ref of podSpecsOf(t.kind, t.apiVersion, obj)) {
    // A patch that does not touch the pod spec (replicas only) has nothing to check.
    if (t.patch && (ref.spec === undefined || ref.spec === null)) continue;
    const found = checkPodSpec(ref.spec, { ...opts, path: ref.path, metadata: ref.metadata });
    // A patch holds part of an object: what it leaves out is the object's business, not the patch's.
    out.push(...(t.patch ? found.filter((f) => !patchOmits(obj, f)) : found));
  }
  return out;
}

/** What a pod policy file declares: the usual metadata, the controls, and options from its config. */
export interface PodPolicySpec<C> extends Omit<ResourcePolicySpec<C>, "check" | "types" | "category"> {
  /** The Pod Security (or Paved) controls this policy enforces. */
  readonly controls: readonly PssControl[];
  /** Checker options derived from the policy's config. @default none */
  readonly options?: (config: C) => Pick<PssCheckOptions, "requireImageDigest">;
  /** Drops findings the config allows (e.g. requests when not required). @default keep all */
  readonly keep?: (finding: PssFinding, config: C) => boolean;
}

/** Defines a policy over every workload's pod spec for the given controls. */
export function definePodPolicy<C = Record<string, never>>(
  spec: PodPolicySpec<C>,
): ResourcePolicyDefinition<C> {
  const { controls, options, keep, ...metadata } = spec;
  return defineResourcePolicy<C>({
    ...metadata,
    category: "kubernetes",
    types: WORKLOAD_TYPES,
    check(resource, ctx) {
      const found = podFindings(resource, { controls, ...options?.(ctx.config) });
      return toPolicyFindings(keep ? found.filter((f) => keep(f, ctx.config)) : found);
    },
  });
}
