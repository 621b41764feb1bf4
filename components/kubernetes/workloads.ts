/**
 * Reading Kubernetes workload objects safely, and finding the pod specs they hold.
 *
 * Pure and Pulumi-free. Every reader here accepts anything: plain objects, the
 * `@pulumi/policy` proxies (whose property access throws on an unknown preview
 * value), the engine's unknown sentinels, Pulumi `Output`s and promises. None of
 * them throws; a value that cannot be read is returned as {@link UNKNOWN}.
 */

/** A value that cannot be known now: a preview unknown, an `Output`, a promise, or a read that threw. */
export const UNKNOWN: unique symbol = Symbol("paved.unknown");
export type Unknown = typeof UNKNOWN;

/**
 * The engine's sentinels for unknown values (string, boolean, number, array, asset, archive, object).
 * Part of the Pulumi resource protocol; `@pulumi/policy` keeps them internal.
 */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** True for an engine unknown sentinel, a Pulumi `Output`, or a thenable. Never throws. */
export function isUnknownValue(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (typeof v === "string") return UNKNOWN_SENTINELS.has(v);
  if (v === null || (typeof v !== "object" && typeof v !== "function")) return false;
  try {
    const o = v as { __pulumiOutput?: unknown; then?: unknown };
    return o.__pulumiOutput === true || typeof o.then === "function";
  } catch {
    return true;
  }
}

/** Normalises one value: anything unknowable becomes {@link UNKNOWN}. */
export function known(v: unknown): unknown {
  return isUnknownValue(v) ? UNKNOWN : v;
}

/** True for a non-null, non-array object (or proxy of one). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reads `obj[key]`: `undefined` when `obj` is not an object, {@link UNKNOWN} when
 * `obj` is unknown, when the read throws, or when the value is unknown.
 */
export function get(obj: unknown, key: string | number): unknown {
  if (obj === UNKNOWN) return UNKNOWN;
  if (typeof obj !== "object" || obj === null) return undefined;
  let v: unknown;
  try {
    v = (obj as Record<string | number, unknown>)[key];
  } catch {
    return UNKNOWN;
  }
  return known(v);
}

/** Reads a dotted path (`"spec.template.spec"`) with {@link get}. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split(".")) {
    cur = get(cur, key);
    if (cur === UNKNOWN || cur === undefined) return cur;
  }
  return cur;
}

/**
 * The elements of a list, each normalised with {@link known}: `[]` when the
 * value is absent or null, {@link UNKNOWN} when the list itself cannot be read,
 * and `"invalid"` when the value is not a list.
 */
export function listOf(v: unknown): unknown[] | Unknown | "invalid" {
  if (v === UNKNOWN) return UNKNOWN;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return "invalid";
  try {
    const n = v.length;
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(get(v, i));
    return out;
  } catch {
    return UNKNOWN;
  }
}

/** The own keys of an object, or {@link UNKNOWN} when they cannot be listed. */
export function keysOf(v: unknown): string[] | Unknown {
  if (!isRecord(v)) return v === UNKNOWN ? UNKNOWN : [];
  try {
    return Object.keys(v);
  } catch {
    return UNKNOWN;
  }
}

/** One pod spec held by a workload object, with where it sits. */
export interface PodSpecRef {
  /** The pod spec as found (may be {@link UNKNOWN} or undefined). */
  readonly spec: unknown;
  /** Its path inside the object, for messages: `spec.jobTemplate.spec.template.spec`. */
  readonly path: string;
  /** The pod (template) metadata next to it, whose annotations PSS also reads. */
  readonly metadata: unknown;
}

/** The workload kinds that hold a pod spec, and where. Keyed by `group/Kind` (core group is empty). */
const POD_SPEC_PATHS: Readonly<Record<string, string>> = {
  "/Pod": "spec",
  "/PodTemplate": "template.spec",
  "/ReplicationController": "spec.template.spec",
  "apps/Deployment": "spec.template.spec",
  "apps/StatefulSet": "spec.template.spec",
  "apps/DaemonSet": "spec.template.spec",
  "apps/ReplicaSet": "spec.template.spec",
  "extensions/Deployment": "spec.template.spec",
  "extensions/DaemonSet": "spec.template.spec",
  "extensions/ReplicaSet": "spec.template.spec",
  "batch/Job": "spec.template.spec",
  "batch/CronJob": "spec.jobTemplate.spec.template.spec",
  "argoproj.io/Rollout": "spec.template.spec",
};

/** The API group of an apiVersion: `apps/v1` gives `apps`, `v1` gives the core group `""`. */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** True when objects of this kind and apiVersion hold a pod spec. */
export function isWorkloadKind(kind: unknown, apiVersion: unknown): boolean {
  if (typeof kind !== "string" || typeof apiVersion !== "string") return false;
  return `${apiGroupOf(apiVersion)}/${kind}` in POD_SPEC_PATHS;
}

/**
 * The pod specs held by a workload object: Pod, PodTemplate, ReplicationController,
 * Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob (through its
 * `jobTemplate`) and Argo `Rollout` (`argoproj.io/v1alpha1`).
 *
 * An Argo Rollout that points at a Deployment with `spec.workloadRef` and has no
 * `spec.template` holds no pod spec of its own (the Deployment is checked as itself),
 * so it yields none. Unknown kinds yield none. Never throws.
 *
 * @param kind the object's kind (`Deployment`)
 * @param apiVersion its apiVersion (`apps/v1`)
 * @param obj the object (or its Pulumi inputs: `{ metadata, spec }`)
 */
export function podSpecsOf(kind: unknown, apiVersion: unknown, obj: unknown): PodSpecRef[] {
  if (!isWorkloadKind(kind, apiVersion)) return [];
  const path = POD_SPEC_PATHS[`${apiGroupOf(apiVersion as string)}/${kind as string}`];
  if (kind === "Rollout") {
    const template = getPath(obj, "spec.template");
    if (template === undefined && getPath(obj, "spec.workloadRef") !== undefined) return [];
  }
  const parentPath = path === "spec" ? "" : path.slice(0, -".spec".length);
  const holder = parentPath === "" ? obj : getPath(obj, parentPath);
  return [{ spec: get(holder, "spec"), path, metadata: get(holder, "metadata") }];
}

/** A `@pulumi/kubernetes` resource type token, split. */
export interface KubernetesType {
  /** `apps/v1`; the core group is written `v1`. */
  readonly apiVersion: string;
  /** `Deployment`; for a `DeploymentPatch` token, `Deployment`. */
  readonly kind: string;
  /** True for the server-side-apply `...Patch` resources, which hold only part of an object. */
  readonly patch: boolean;
}

/**
 * Splits a `@pulumi/kubernetes` type token into apiVersion and kind:
 * `kubernetes:apps/v1:Deployment`, `kubernetes:core/v1:Pod`,
 * `kubernetes:argoproj.io/v1alpha1:Rollout` (a CustomResource). Objects made by
 * `ConfigGroup`, `ConfigFile` and Helm charts register with the same tokens.
 * Returns undefined for other tokens (`kubernetes:yaml:ConfigGroup`, `aws:...`).
 */
export function kubernetesTypeOf(token: string): KubernetesType | undefined {
  const m = /^kubernetes:([^:]+)\/([^:/]+):([A-Za-z0-9]+)$/.exec(token);
  if (!m) return undefined;
  const [, group, version, rawKind] = m;
  const patch = rawKind.endsWith("Patch") && rawKind.length > "Patch".length;
  const kind = patch ? rawKind.slice(0, -"Patch".length) : rawKind;
  return { apiVersion: group === "core" ? version : `${group}/${version}`, kind, patch };
}

/** How an image reference is pinned. */
export type ImagePin = "digest" | "tag" | "latest" | "untagged" | "invalid";

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * Classifies an image reference (`[registry[:port]/]path[:tag][@digest]`):
 * `digest` when it carries a valid `@sha256:...` digest, `tag` for a tag other
 * than `latest`, `latest`, `untagged` (which Kubernetes pulls as `latest`), or
 * `invalid` for an empty or malformed reference.
 */
export function imagePin(image: string): ImagePin {
  const ref = image.trim();
  if (ref === "" || /\s/.test(ref)) return "invalid";
  const at = ref.indexOf("@");
  if (at >= 0) return DIGEST.test(ref.slice(at + 1)) && at > 0 ? "digest" : "invalid";
  const lastSlash = ref.lastIndexOf("/");
  const colon = ref.indexOf(":", lastSlash + 1);
  if (colon < 0) return "untagged";
  const tag = ref.slice(colon + 1);
  if (colon === lastSlash + 1 || !TAG.test(tag)) return "invalid";
  return tag === "latest" ? "latest" : "tag";
}

/** A short rendering of a value for messages. */
export function show(v: unknown): string {
  if (v === UNKNOWN) return "(unknown)";
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}...` : v);
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : String(v);
}
