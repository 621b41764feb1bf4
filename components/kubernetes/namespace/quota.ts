/**
 * ResourceQuota and LimitRange planning for NamespaceBaseline. Pure.
 *
 * Sizes (per namespace):
 *
 * | size   | requests.cpu | limits.cpu | requests.memory | limits.memory | pods | PVCs | requests.storage | container default limit | default request | container max |
 * | ------ | ------------ | ---------- | --------------- | ------------- | ---- | ---- | ---------------- | ----------------------- | --------------- | ------------- |
 * | small  | 2            | 4          | 4Gi             | 8Gi           | 20   | 5    | 50Gi             | 500m / 512Mi            | 100m / 128Mi    | 1 / 2Gi       |
 * | medium | 8            | 16         | 16Gi            | 32Gi          | 50   | 10   | 200Gi            | 500m / 512Mi            | 100m / 128Mi    | 2 / 4Gi       |
 * | large  | 32           | 64         | 64Gi            | 128Gi         | 150  | 30   | 1Ti              | 1 / 1Gi                 | 250m / 256Mi    | 4 / 16Gi      |
 *
 * Every size also sets `services.loadbalancers` and `services.nodeports` to 0:
 * exposure goes through the shared ingress, not per-team load balancers.
 */
import type { ValidationProblem } from "../../core/errors";
import { parseQuantity } from "../quantity";
import { stripUndefined } from "../merge";

/** The namespace size that picks the quota and limit defaults. */
export type NamespaceSize = "small" | "medium" | "large";
export const NAMESPACE_SIZES: readonly NamespaceSize[] = ["small", "medium", "large"];

/** The namespace's ResourceQuota, in Kubernetes quantities. */
export interface QuotaSpec {
  readonly requestsCpu: string;
  readonly limitsCpu: string;
  readonly requestsMemory: string;
  readonly limitsMemory: string;
  readonly pods: number;
  readonly persistentVolumeClaims: number;
  readonly requestsStorage: string;
  readonly servicesLoadBalancers: number;
  readonly servicesNodePorts: number;
}

/** The namespace's LimitRange for containers, in Kubernetes quantities. */
export interface LimitSpec {
  /** The limit a container gets when it sets none. */
  readonly defaultCpu: string;
  readonly defaultMemory: string;
  /** The request a container gets when it sets none. */
  readonly defaultRequestCpu: string;
  readonly defaultRequestMemory: string;
  /** The largest limit one container may set. */
  readonly maxCpu: string;
  readonly maxMemory: string;
}

const QUOTAS: Readonly<Record<NamespaceSize, QuotaSpec>> = {
  small: {
    requestsCpu: "2",
    limitsCpu: "4",
    requestsMemory: "4Gi",
    limitsMemory: "8Gi",
    pods: 20,
    persistentVolumeClaims: 5,
    requestsStorage: "50Gi",
    servicesLoadBalancers: 0,
    servicesNodePorts: 0,
  },
  medium: {
    requestsCpu: "8",
    limitsCpu: "16",
    requestsMemory: "16Gi",
    limitsMemory: "32Gi",
    pods: 50,
    persistentVolumeClaims: 10,
    requestsStorage: "200Gi",
    servicesLoadBalancers: 0,
    servicesNodePorts: 0,
  },
  large: {
    requestsCpu: "32",
    limitsCpu: "64",
    requestsMemory: "64Gi",
    limitsMemory: "128Gi",
    pods: 150,
    persistentVolumeClaims: 30,
    requestsStorage: "1Ti",
    servicesLoadBalancers: 0,
    servicesNodePorts: 0,
  },
};

const LIMITS: Readonly<Record<NamespaceSize, LimitSpec>> = {
  small: {
    defaultCpu: "500m",
    defaultMemory: "512Mi",
    defaultRequestCpu: "100m",
    defaultRequestMemory: "128Mi",
    maxCpu: "1",
    maxMemory: "2Gi",
  },
  medium: {
    defaultCpu: "500m",
    defaultMemory: "512Mi",
    defaultRequestCpu: "100m",
    defaultRequestMemory: "128Mi",
    maxCpu: "2",
    maxMemory: "4Gi",
  },
  large: {
    defaultCpu: "1",
    defaultMemory: "1Gi",
    defaultRequestCpu: "250m",
    defaultRequestMemory: "256Mi",
    maxCpu: "4",
    maxMemory: "16Gi",
  },
};

/** The defaults of a size. */
export function sizeDefaults(size: NamespaceSize): { quota: QuotaSpec; limits: LimitSpec } {
  switch (size) {
    case "small":
    case "medium":
    case "large":
      return { quota: QUOTAS[size], limits: LIMITS[size] };
    default: {
      const never: never = size;
      throw new Error(`unknown size ${String(never)}`);
    }
  }
}

/** The ResourceQuota `spec.hard` map. */
export function quotaHard(q: QuotaSpec): Record<string, string> {
  return {
    "requests.cpu": q.requestsCpu,
    "limits.cpu": q.limitsCpu,
    "requests.memory": q.requestsMemory,
    "limits.memory": q.limitsMemory,
    pods: String(q.pods),
    persistentvolumeclaims: String(q.persistentVolumeClaims),
    "requests.storage": q.requestsStorage,
    "services.loadbalancers": String(q.servicesLoadBalancers),
    "services.nodeports": String(q.servicesNodePorts),
  };
}

/** One LimitRange item, as the Kubernetes API writes it. */
export interface LimitRangeItemSpec {
  type: "Container";
  default: Record<string, string>;
  defaultRequest: Record<string, string>;
  max: Record<string, string>;
}

/** The LimitRange `spec.limits` list (one Container entry). */
export function limitRangeItems(l: LimitSpec): LimitRangeItemSpec[] {
  return [
    {
      type: "Container",
      default: { cpu: l.defaultCpu, memory: l.defaultMemory },
      defaultRequest: { cpu: l.defaultRequestCpu, memory: l.defaultRequestMemory },
      max: { cpu: l.maxCpu, memory: l.maxMemory },
    },
  ];
}

/**
 * Resolves the size defaults with overrides and checks that they fit together:
 * every quantity parses, requests never exceed limits, a container's default
 * request ≤ default limit ≤ max, and the namespace quota holds at least one
 * container at its max.
 */
export function planQuota(
  size: NamespaceSize,
  quotaOverrides: Partial<QuotaSpec> = {},
  limitOverrides: Partial<LimitSpec> = {},
): { quota: QuotaSpec; limits: LimitSpec; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  if (!NAMESPACE_SIZES.includes(size)) {
    problems.push({
      arg: "size",
      problem: `"${String(size)}" is not a size`,
      fix: `use one of ${NAMESPACE_SIZES.join(" | ")}`,
      code: "PAVED_K8S_SIZE",
    });
    return { quota: QUOTAS.small, limits: LIMITS.small, problems };
  }
  const defaults = sizeDefaults(size);
  // Overrides from a JavaScript caller or a config file: an object with known fields only.
  const overrides = (group: "quota" | "limits", given: unknown, known: object): Record<string, unknown> => {
    if (given === undefined) return {};
    if (typeof given !== "object" || given === null || Array.isArray(given)) {
      problems.push({
        arg: group,
        problem: `${JSON.stringify(given)} is not a set of overrides`,
        fix: `give an object with any of ${Object.keys(known).join(", ")}`,
        code: "PAVED_K8S_QUANTITY",
      });
      return {};
    }
    for (const k of Object.keys(given).filter((key) => !(key in known))) {
      problems.push({
        arg: `${group}.${k}`,
        problem: "is not a field",
        fix: `use any of ${Object.keys(known).join(", ")}`,
        code: "PAVED_K8S_QUANTITY",
      });
    }
    return stripUndefined(given as Record<string, unknown>);
  };
  const quota = { ...defaults.quota, ...overrides("quota", quotaOverrides, defaults.quota) } as QuotaSpec;
  const limits = { ...defaults.limits, ...overrides("limits", limitOverrides, defaults.limits) } as LimitSpec;

  const values: Record<string, number> = {};
  const read = (group: "quota" | "limits", key: string, v: string | number, integer: boolean) => {
    const n = parseQuantity(v);
    if (n === undefined || n < 0 || (integer && !Number.isInteger(n))) {
      problems.push({
        arg: `${group}.${key}`,
        problem: `${JSON.stringify(v)} is not a valid ${integer ? "count" : "quantity"}`,
        fix: integer
          ? "use a whole number, 0 or more"
          : 'use a Kubernetes quantity such as "500m", "2", "512Mi"',
        code: "PAVED_K8S_QUANTITY",
      });
      return;
    }
    values[`${group}.${key}`] = n;
  };
  for (const [k, v] of Object.entries(quota)) read("quota", k, v as string | number, typeof v === "number");
  for (const [k, v] of Object.entries(limits)) read("limits", k, v as string, false);

  const atMost = (small: string, large: string, fix: string) => {
    const a = values[small];
    const b = values[large];
    if (a === undefined || b === undefined || a <= b) return;
    problems.push({
      arg: large,
      problem: `(${show(large, quota, limits)}) is smaller than ${small} (${show(small, quota, limits)})`,
      fix,
      code: "PAVED_K8S_QUOTA_TOO_SMALL",
    });
  };
  atMost("quota.requestsCpu", "quota.limitsCpu", "raise quota.limitsCpu or lower quota.requestsCpu");
  atMost(
    "quota.requestsMemory",
    "quota.limitsMemory",
    "raise quota.limitsMemory or lower quota.requestsMemory",
  );
  atMost(
    "limits.defaultRequestCpu",
    "limits.defaultCpu",
    "raise limits.defaultCpu or lower limits.defaultRequestCpu",
  );
  atMost(
    "limits.defaultRequestMemory",
    "limits.defaultMemory",
    "raise limits.defaultMemory or lower limits.defaultRequestMemory",
  );
  atMost("limits.defaultCpu", "limits.maxCpu", "raise limits.maxCpu or lower limits.defaultCpu");
  atMost("limits.defaultMemory", "limits.maxMemory", "raise limits.maxMemory or lower limits.defaultMemory");
  atMost("limits.maxCpu", "quota.limitsCpu", "raise quota.limitsCpu or lower limits.maxCpu");
  atMost("limits.maxMemory", "quota.limitsMemory", "raise quota.limitsMemory or lower limits.maxMemory");
  atMost(
    "limits.defaultRequestCpu",
    "quota.requestsCpu",
    "raise quota.requestsCpu or lower limits.defaultRequestCpu",
  );
  atMost(
    "limits.defaultRequestMemory",
    "quota.requestsMemory",
    "raise quota.requestsMemory or lower limits.defaultRequestMemory",
  );
  return { quota, limits, problems };
}

function show(path: string, quota: QuotaSpec, limits: LimitSpec): string {
  const [group, key] = path.split(".");
  const src = (group === "quota" ? quota : limits) as unknown as Record<string, unknown>;
  return String(src[key]);
}
