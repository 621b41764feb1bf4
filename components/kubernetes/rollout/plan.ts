/**
 * CanaryRollout planning: the canary steps, the metric gates (an Argo Rollouts
 * AnalysisTemplate) and the pod template, with its checks. Pure.
 *
 * A gate is a Prometheus query measured `count` times, `interval` apart. A
 * measurement that does not meet `successCondition` counts as failed (an
 * empty result or NaN, as with no traffic, fails too); more than
 * `failureLimit` failures fail the analysis, which aborts the rollout: Argo
 * Rollouts scales the canary down and sends all traffic back to the stable
 * ReplicaSet. That is the automatic rollback.
 */
import type { ValidationProblem } from "../../core/errors";
import { nameProblem } from "../../core/naming";
import { parseQuantity } from "../quantity";

/** The default canary weights, in percent. */
export const DEFAULT_CANARY_STEPS: readonly number[] = [10, 25, 50, 100];

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

/** The metric gates. */
export interface GateSpec {
  /** The Prometheus the analysis queries. */
  readonly prometheusAddress: string;
  /** The service, as the value of `serviceLabel` on its metrics. */
  readonly service: string;
  readonly serviceLabel: string;
  readonly requestsMetric: string;
  readonly errorMatcher: string;
  readonly durationBucket: string;
  /** The p99 latency gate, seconds: a measurement passes at or below it. */
  readonly latencyP99Seconds: number;
  /** The error-ratio gate: a measurement passes at or below it. */
  readonly errorRatio: number;
  /** Time between measurements, and the rate window of the queries. */
  readonly interval: string;
  /** Measurements per analysis. */
  readonly count: number;
  /** Failed measurements tolerated; one more aborts the rollout. */
  readonly failureLimit: number;
}

/** Checks canary weights: whole percentages, strictly increasing, ending at 100. */
export function stepProblems(steps: readonly number[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const fix = "list whole percentages that increase and end at 100, for example [10, 25, 50, 100]";
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

/** An Argo Rollouts canary step. */
export type CanaryStep =
  | { setWeight: number }
  | { pause: { duration: string } }
  | { analysis: { templates: { templateName: string }[]; args: { name: string; value: string }[] } };

/** The canary steps: at each weight, set it, pause, then run the gates. */
export function canarySteps(
  weights: readonly number[],
  pauseDuration: string,
  templateName: string,
  service: string,
): CanaryStep[] {
  return weights.flatMap((w): CanaryStep[] => [
    { setWeight: w },
    { pause: { duration: pauseDuration } },
    { analysis: { templates: [{ templateName }], args: [{ name: "service", value: service }] } },
  ]);
}

/** The Prometheus queries of the gates; `{{args.service}}` is filled in by Argo Rollouts. */
export function gateQueries(g: GateSpec): { latencyP99: string; errorRatio: string } {
  const sel = `${g.serviceLabel}="{{args.service}}"`;
  return {
    latencyP99: `histogram_quantile(0.99, sum by (le) (rate(${g.durationBucket}{${sel}}[${g.interval}])))`,
    errorRatio:
      `sum(rate(${g.requestsMetric}{${sel},${g.errorMatcher}}[${g.interval}]))` +
      ` / sum(rate(${g.requestsMetric}{${sel}}[${g.interval}]))`,
  };
}

/** The AnalysisTemplate's spec: two gates, p99 latency and error ratio. */
export function analysisTemplateSpec(g: GateSpec) {
  const q = gateQueries(g);
  const metric = (name: string, query: string, max: number) => ({
    name,
    interval: g.interval,
    count: g.count,
    failureLimit: g.failureLimit,
    successCondition: `result[0] <= ${max}`,
    provider: { prometheus: { address: g.prometheusAddress, query } },
  });
  return {
    args: [{ name: "service" }],
    metrics: [
      metric("latency-p99", q.latencyP99, g.latencyP99Seconds),
      metric("error-ratio", q.errorRatio, g.errorRatio),
    ],
  };
}

/** Checks the gates. */
export function gateProblems(g: GateSpec): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (arg: string, problem: string, fix: string) =>
    problems.push({ arg: `analysis.${arg}`, problem, fix, code: "PAVED_K8S_CANARY_ANALYSIS" });
  if (!/^https?:\/\/[^\s/]+(:\d+)?(\/\S*)?$/.test(g.prometheusAddress)) {
    add(
      "prometheusAddress",
      `"${g.prometheusAddress}" is not an http(s) URL`,
      "use for example http://prometheus-operated.monitoring.svc:9090",
    );
  }
  if (!(g.latencyP99Seconds > 0))
    add("latencyP99Seconds", `${g.latencyP99Seconds} is not positive`, "use for example 0.5 (500 ms)");
  if (!(g.errorRatio > 0 && g.errorRatio < 1))
    add("errorRatio", `${g.errorRatio} is not a ratio between 0 and 1`, "use for example 0.01 (1 %)");
  if (!/^\d+(s|m|h)$/.test(g.interval))
    add("interval", `"${g.interval}" is not a duration`, 'use for example "1m"');
  if (!Number.isInteger(g.count) || g.count < 1)
    add("count", `${g.count} is not a positive whole number`, "use for example 5");
  if (!Number.isInteger(g.failureLimit) || g.failureLimit < 0 || g.failureLimit >= g.count) {
    add(
      "failureLimit",
      `${g.failureLimit} is not 0..count-1`,
      "use 0 or 1: a failed gate must be able to abort the rollout",
    );
  }
  if (
    !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(g.requestsMetric) ||
    !/^[a-zA-Z_:][a-zA-Z0-9_:]*_bucket$/.test(g.durationBucket)
  ) {
    add(
      "metrics",
      "has an invalid metric name",
      "use Prometheus metric names; durationBucket ends in _bucket",
    );
  }
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*"$/.test(g.errorMatcher)) {
    add(
      "errorMatcher",
      `'${g.errorMatcher}' is not one label matcher`,
      'write it as label=~"regex", for example code=~"5.."',
    );
  }
  const sp = nameProblem("k8sLabelValue", g.service, "analysis.service");
  if (sp || g.service === "")
    problems.push(
      sp ?? {
        arg: "analysis.service",
        problem: "is empty",
        fix: "name the service",
        code: "PAVED_LABEL_INVALID",
      },
    );
  return problems;
}

/** What the pod template is built from. */
export interface PodTemplateInput {
  readonly image: string;
  readonly containerPort: number;
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
    ports: [{ name: "http", containerPort: input.containerPort, protocol: "TCP" }],
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
