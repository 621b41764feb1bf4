/**
 * CanaryRollout planning: the canary steps, the metric gates (an Argo Rollouts
 * AnalysisTemplate) and the pod template, with its checks. Pure.
 *
 * A gate is a Prometheus query measured `count` times, `interval` apart. A
 * measurement that does not meet `successCondition` counts as failed (NaN,
 * as with no traffic, fails too; an empty result is an error, and more than
 * 4 errors in a row fail the analysis as well); more than
 * `failureLimit` failures fail the analysis, which aborts the rollout: Argo
 * Rollouts scales the canary down and sends all traffic back to the stable
 * ReplicaSet. That is the automatic rollback.
 */
import type { ValidationProblem } from "../../core/errors";
import { parseQuantity } from "../quantity";
import { GATE_ARGS } from "./gates";

// The metric gates live in gates.ts.
export * from "./gates";

/** The default canary weights, in percent: 10 % increments, a pause and the gates at each. */
export const DEFAULT_CANARY_STEPS: readonly number[] = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/** CPU and memory, as Kubernetes quantities. */
export interface CpuMemory {
  readonly cpu: string;
  readonly memory: string;
}

/** A container's requests and limits. */
export interface ContainerResources {
  readonly requests: CpuMemory;
  readonly limits: CpuMemory;
}

export const DEFAULT_CONTAINER_RESOURCES: ContainerResources = {
  requests: { cpu: "100m", memory: "128Mi" },
  limits: { cpu: "500m", memory: "512Mi" },
};

/** Checks canary weights: whole percentages, strictly increasing, ending at 100, with at least one canary step below 100. */
export function stepProblems(steps: readonly number[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const fix =
    "list whole percentages that increase and end at 100, for example [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]";
  if (!Array.isArray(steps) || steps.length === 0) {
    return [{ arg: "steps", problem: "is empty", fix, code: "PAVED_K8S_CANARY_STEPS" }];
  }
  steps.forEach((w, i) => {
    if (!Number.isInteger(w) || w < 1 || w > 100) {
      problems.push({
        arg: `steps[${i}]`,
        problem: `${String(w)} is not a percentage 1..100`,
        fix,
        code: "PAVED_K8S_CANARY_STEPS",
      });
    } else if (i > 0 && Number.isInteger(steps[i - 1]) && w <= steps[i - 1]) {
      problems.push({
        arg: `steps[${i}]`,
        problem: `${w} does not increase on ${steps[i - 1]}`,
        fix,
        code: "PAVED_K8S_CANARY_STEPS",
      });
    }
  });
  if (steps.every((w) => w === 100)) {
    problems.push({
      arg: "steps",
      problem:
        "has no canary step: [100] sends every request to the new version at once, before any gate runs",
      fix: "start below 100, for example [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] or [10, 50, 100]",
      code: "PAVED_K8S_CANARY_STEPS",
    });
  }
  if (steps[steps.length - 1] !== 100) {
    problems.push({
      arg: "steps",
      problem: `end at ${String(steps[steps.length - 1])}, not 100`,
      fix,
      code: "PAVED_K8S_CANARY_STEPS",
    });
  }
  return problems;
}

/** An analysis argument: a value, or the pod template hash of the canary (`Latest`) or stable revision. */
export type AnalysisArg =
  | { name: string; value: string }
  | { name: string; valueFrom: { podTemplateHashValue: "Latest" | "Stable" } };

/** An Argo Rollouts canary step. */
export type CanaryStep =
  | { setWeight: number }
  | { pause: { duration: string } }
  | { analysis: { templates: { templateName: string }[]; args: AnalysisArg[] } };

/** The analysis arguments: the service, and the canary's and stable's pod template hashes. */
export function analysisArgs(service: string): AnalysisArg[] {
  return [
    { name: GATE_ARGS.service, value: service },
    { name: GATE_ARGS.canaryHash, valueFrom: { podTemplateHashValue: "Latest" } },
    { name: GATE_ARGS.stableHash, valueFrom: { podTemplateHashValue: "Stable" } },
  ];
}

/** The canary steps: at each weight, set it, pause, then run the gates on the canary's pods. */
export function canarySteps(
  weights: readonly number[],
  pauseDuration: string,
  templateName: string,
  service: string,
): CanaryStep[] {
  return weights.flatMap((w): CanaryStep[] => [
    { setWeight: w },
    { pause: { duration: pauseDuration } },
    { analysis: { templates: [{ templateName }], args: analysisArgs(service) } },
  ]);
}

/** What the pod template is built from. */
export interface PodTemplateInput {
  readonly image: string;
  readonly containerPort: number;
  /** The port the metrics are served on, named `metrics`, when it is not `containerPort`. */
  readonly metricsPort?: number;
  readonly resources: ContainerResources;
  readonly env: Readonly<Record<string, string>>;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly readinessPath?: string;
  readonly serviceAccountName?: string;
  /** Merged over the secure container defaults. */
  readonly securityContext: Readonly<Record<string, unknown>>;
  /** Merged over the secure pod defaults. */
  readonly podSecurityContext: Readonly<Record<string, unknown>>;
}

/** The container's secure defaults (PSS restricted, read-only root). */
export const DEFAULT_CONTAINER_SECURITY_CONTEXT = {
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
} as const;

/** The pod's secure defaults: a non-root UID and GID, RuntimeDefault seccomp. */
export const DEFAULT_POD_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: 10001,
  runAsGroup: 10001,
  fsGroup: 10001,
  seccompProfile: { type: "RuntimeDefault" },
} as const;

/** Builds the pod spec. The user's security contexts are merged over the defaults, so they can only be checked, not trusted. */
export function buildPodSpec(input: PodTemplateInput): Record<string, unknown> {
  const container: Record<string, unknown> = {
    name: "app",
    image: input.image,
    ports: [
      { name: "http", containerPort: input.containerPort, protocol: "TCP" },
      ...(input.metricsPort !== undefined && input.metricsPort !== input.containerPort
        ? [{ name: "metrics", containerPort: input.metricsPort, protocol: "TCP" }]
        : []),
    ],
    resources: {
      requests: { ...input.resources.requests },
      limits: { ...input.resources.limits },
    },
    securityContext: { ...DEFAULT_CONTAINER_SECURITY_CONTEXT, ...input.securityContext },
    volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
  };
  const env = Object.keys(input.env)
    .sort()
    .map((name) => ({ name, value: input.env[name] }));
  if (env.length > 0) container.env = env;
  if (input.command) container.command = [...input.command];
  if (input.args) container.args = [...input.args];
  if (input.readinessPath) {
    container.readinessProbe = { httpGet: { path: input.readinessPath, port: "http" }, periodSeconds: 5 };
  }
  return {
    ...(input.serviceAccountName ? { serviceAccountName: input.serviceAccountName } : {}),
    automountServiceAccountToken: false,
    securityContext: { ...DEFAULT_POD_SECURITY_CONTEXT, ...input.podSecurityContext },
    containers: [container],
    volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
  };
}

// The pod template's Pod Security check lives in pod-check.ts (an unknown value there is refused, not skipped).
export { podSpecProblems } from "./pod-check";

/** Checks requests and limits: valid quantities, requests no larger than limits. */
export function resourceProblems(r: ContainerResources): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const key of ["cpu", "memory"] as const) {
    const req = parseQuantity(r.requests[key]);
    const lim = parseQuantity(r.limits[key]);
    for (const [kind, v, text] of [
      ["requests", req, r.requests[key]],
      ["limits", lim, r.limits[key]],
    ] as const) {
      if (v === undefined || v <= 0) {
        problems.push({
          arg: `resources.${kind}.${key}`,
          problem: `${JSON.stringify(text)} is not a positive quantity`,
          fix: key === "cpu" ? 'use for example "250m"' : 'use for example "256Mi"',
          code: "PAVED_K8S_QUANTITY",
        });
      }
    }
    if (req !== undefined && lim !== undefined && req > lim) {
      problems.push({
        arg: `resources.limits.${key}`,
        problem: `(${r.limits[key]}) is smaller than resources.requests.${key} (${r.requests[key]})`,
        fix: `raise the limit or lower the request`,
        code: "PAVED_K8S_RESOURCES",
      });
    }
  }
  return problems;
}
