/**
 * CanaryRollout: progressive delivery with Argo Rollouts. A `Rollout` shifts
 * traffic in steps (10, 25, 50, 100 % by default), pausing and running metric
 * gates (p99 latency, error ratio, from Prometheus) at each step; a failed gate
 * aborts the rollout and Argo returns to the stable version. The pod template
 * meets Pod Security restricted, sets requests and limits and pins its image,
 * or the component refuses to build it. See README.md for the controller.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { resolveGovernance } from "../../core/config";
import { Problems } from "../../core/errors";
import { componentLabels, Governance } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import { parsePortSpec, isProblem } from "../../core/ports";
import { namespaceProblems } from "../labels";
import {
  analysisTemplateSpec,
  buildPodSpec,
  canarySteps,
  CanaryStep,
  ContainerResources,
  DEFAULT_CANARY_STEPS,
  DEFAULT_CONTAINER_RESOURCES,
  GateSpec,
  gateProblems,
  podSpecProblems,
  resourceProblems,
  stepProblems,
} from "./plan";
import { stripUndefined } from "../merge";
import { isRecord, isUnknownValue } from "../workloads";
import { securityContextArgProblems } from "./pod-check";
import { listArg } from "../../aws/arg-shape";

/** The pattern name stamped on every object. */
export const CANARY_ROLLOUT_PATTERN = "CanaryRollout";
/** The label that selects the rollout's pods. */
export const APP_NAME_LABEL = "app.kubernetes.io/name";

/** The metric gates, field by field. */
export interface CanaryAnalysisArgs {
  /** The Prometheus the gates query. @default "http://prometheus-operated.monitoring.svc:9090" */
  readonly prometheusAddress?: string;
  /** The service, as the value of `serviceLabel` on its metrics. @default the rollout's name */
  readonly service?: string;
  /** The label that names the service on its metrics. @default "service" */
  readonly serviceLabel?: string;
  /** The request counter. @default "http_requests_total" */
  readonly requestsMetric?: string;
  /** The matcher that picks failed requests. @default 'code=~"5.."' */
  readonly errorMatcher?: string;
  /** The request-duration histogram's bucket series, seconds. @default "http_request_duration_seconds_bucket" */
  readonly durationBucket?: string;
  /** The p99 latency gate, seconds. @default 0.5 */
  readonly latencyP99Seconds?: number;
  /** The error-ratio gate. @default 0.01 */
  readonly errorRatio?: number;
  /** Time between measurements and the queries' rate window. @default "1m" */
  readonly interval?: string;
  /** Measurements per step. @default 5 */
  readonly count?: number;
  /** Failed measurements tolerated per step; one more aborts and rolls back. @default 1 */
  readonly failureLimit?: number;
}

/** Arguments of {@link CanaryRollout}. */
export interface CanaryRolloutArgs {
  /** The namespace (for example a NamespaceBaseline's `namespaceName`). */
  readonly namespace: pulumi.Input<string>;
  /** The Rollout's name, also its pods' `app.kubernetes.io/name` (an RFC 1123 label). @default the component's name */
  readonly rolloutName?: string;
  /** The image, pinned by a release tag or a digest. `latest` or no tag is refused. */
  readonly image: string;
  /** Pods at 100 %. @default 3 */
  readonly replicas?: number;
  /** The port the container serves on (named `http`). @default 8080 */
  readonly containerPort?: number;
  /** Requests and limits, field by field. @default requests 100m / 128Mi, limits 500m / 512Mi */
  readonly resources?: {
    readonly requests?: Partial<ContainerResources["requests"]>;
    readonly limits?: Partial<ContainerResources["limits"]>;
  };
  /** Environment variables (plain values; use a Secret volume for secrets). @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** The container's command. @default the image's entrypoint */
  readonly command?: readonly string[];
  /** The container's arguments. @default the image's */
  readonly args?: readonly string[];
  /** An HTTP readiness probe path on the `http` port. @default none */
  readonly readinessPath?: string;
  /** The pods' ServiceAccount (its token is never mounted). @default the namespace's default */
  readonly serviceAccountName?: string;
  /** Container securityContext fields over the restricted defaults. Anything that breaks PSS restricted is refused. @default {} */
  readonly securityContext?: Readonly<Record<string, unknown>>;
  /** Pod securityContext fields over the defaults (non-root UID 10001, RuntimeDefault seccomp). @default {} */
  readonly podSecurityContext?: Readonly<Record<string, unknown>>;
  /** Canary weights in percent: increasing, ending at 100. @default [10, 25, 50, 100] */
  readonly steps?: readonly number[];
  /** The pause at each step before its gates run. @default "2m" */
  readonly pauseDuration?: string;
  /** The metric gates. @default p99 <= 0.5 s and error ratio <= 1 %, 5 measurements a minute apart, 1 failure tolerated */
  readonly analysis?: CanaryAnalysisArgs;
  /** Governance, field by field over the `paved:*` stack config. @default stack config */
  readonly governance?: Partial<Governance>;
  /** Extra labels on the objects and pods; they win over the generated ones. @default {} */
  readonly labels?: Record<string, string>;
  /** The Kubernetes provider. @default the default provider */
  readonly provider?: k8s.Provider;
}

/** A canary-released workload with automatic rollback on failed metric gates. */
export class CanaryRollout extends pulumi.ComponentResource {
  /** The Rollout's name, once it exists. */
  readonly rolloutName: pulumi.Output<string>;
  /** The AnalysisTemplate's name, once it exists. */
  readonly analysisTemplateName: pulumi.Output<string>;
  /** The canary steps, as plain data. */
  readonly steps: readonly CanaryStep[];
  /** The pod spec, as plain data (checked against PSS restricted). */
  readonly podSpec: Readonly<Record<string, unknown>>;

  constructor(name: string, args: CanaryRolloutArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("paved:k8s:CanaryRollout", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as CanaryRolloutArgs);
    const problems = new Problems(CANARY_ROLLOUT_PATTERN, name);
    const gov = resolveGovernance(problems, args.governance, { asLabels: true });
    const rolloutName = args.rolloutName ?? name;
    const templateName = `${rolloutName}-gates`;
    const nameP = nameProblem(
      "k8sDnsLabel",
      rolloutName,
      args.rolloutName === undefined ? "name" : "rolloutName",
    );
    if (nameP) problems.addAll([nameP]);
    problems.addAll(namespaceProblems(args.namespace));

    const weights = args.steps ?? DEFAULT_CANARY_STEPS;
    problems.addAll(stepProblems(weights));
    const pause = args.pauseDuration ?? "2m";
    problems.check(
      /^\d+(s|m|h)$/.test(pause),
      "pauseDuration",
      `"${pause}" is not a duration`,
      'use for example "2m"',
      "PAVED_K8S_CANARY_STEPS",
    );
    const replicas = args.replicas ?? 3;
    problems.check(
      Number.isInteger(replicas) && replicas >= 1,
      "replicas",
      `${replicas} is not a positive whole number`,
      "use 1 or more (3 or more lets the early steps run a small share of pods)",
      "PAVED_K8S_REPLICAS",
    );
    const containerPort = args.containerPort ?? 8080;
    const port = parsePortSpec(containerPort, "containerPort");
    if (isProblem(port)) problems.addAll([port]);

    const resources: ContainerResources = {
      requests: {
        ...DEFAULT_CONTAINER_RESOURCES.requests,
        ...stripUndefined(args.resources?.requests ?? {}),
      },
      limits: { ...DEFAULT_CONTAINER_RESOURCES.limits, ...stripUndefined(args.resources?.limits ?? {}) },
    };
    problems.addAll(resourceProblems(resources));

    const a = args.analysis ?? {};
    const gates: GateSpec = {
      prometheusAddress: a.prometheusAddress ?? "http://prometheus-operated.monitoring.svc:9090",
      service: a.service ?? rolloutName,
      serviceLabel: a.serviceLabel ?? "service",
      requestsMetric: a.requestsMetric ?? "http_requests_total",
      errorMatcher: a.errorMatcher ?? 'code=~"5.."',
      durationBucket: a.durationBucket ?? "http_request_duration_seconds_bucket",
      latencyP99Seconds: a.latencyP99Seconds ?? 0.5,
      errorRatio: a.errorRatio ?? 0.01,
      interval: a.interval ?? "1m",
      count: a.count ?? 5,
      failureLimit: a.failureLimit ?? 1,
    };
    problems.addAll(gateProblems(gates));
    if (args.readinessPath !== undefined) {
      problems.check(
        typeof args.readinessPath === "string" && /^\/[\x21-\x7e]*$/.test(args.readinessPath),
        "readinessPath",
        `${JSON.stringify(args.readinessPath)} is not an absolute HTTP path`,
        'start it with "/", for example "/ready"',
        "PAVED_K8S_READINESS_PATH",
      );
    }
    if (args.serviceAccountName !== undefined) {
      const sa = nameProblem("k8sDnsSubdomain", String(args.serviceAccountName), "serviceAccountName");
      if (sa) problems.addAll([sa]);
    }

    // Undefined stays undefined (the image's entrypoint and arguments).
    const stringList = (value: readonly string[] | undefined, arg: string): readonly string[] | undefined => {
      const r = listArg(value, arg, "string");
      problems.addAll(r.problems);
      return value === undefined ? undefined : r.list;
    };
    problems.addAll(securityContextArgProblems(args.securityContext, "securityContext"));
    problems.addAll(securityContextArgProblems(args.podSecurityContext, "podSecurityContext"));
    const plainObject = (v: unknown) => (isRecord(v) && !isUnknownValue(v) ? v : {});
    const podSpec = buildPodSpec({
      image: args.image,
      containerPort,
      resources,
      env: args.env ?? {},
      command: stringList(args.command, "command"),
      args: stringList(args.args, "args"),
      readinessPath: args.readinessPath,
      serviceAccountName: args.serviceAccountName,
      securityContext: plainObject(args.securityContext),
      podSecurityContext: plainObject(args.podSecurityContext),
    });
    problems.addAll(podSpecProblems(podSpec));
    problems.throwIfAny(this);

    const labels = componentLabels(gov, CANARY_ROLLOUT_PATTERN, args.labels);
    const child = { parent: this, provider: args.provider };
    const selector = { [APP_NAME_LABEL]: rolloutName };

    const template = new k8s.apiextensions.CustomResource(
      childName(name, "analysis"),
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "AnalysisTemplate",
        metadata: { name: templateName, namespace: args.namespace, labels },
        spec: analysisTemplateSpec(gates),
      },
      child,
    );

    const steps = canarySteps(weights, pause, templateName, gates.service);
    const rollout = new k8s.apiextensions.CustomResource(
      childName(name, "rollout"),
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Rollout",
        metadata: { name: rolloutName, namespace: args.namespace, labels },
        spec: {
          replicas,
          revisionHistoryLimit: 5,
          progressDeadlineSeconds: 600,
          progressDeadlineAbort: true,
          selector: { matchLabels: selector },
          template: { metadata: { labels: { ...labels, ...selector } }, spec: podSpec },
          strategy: { canary: { steps } },
        },
      },
      { ...child, dependsOn: [template] },
    );

    this.rolloutName = rollout.metadata.name;
    this.analysisTemplateName = template.metadata.name;
    this.steps = steps;
    this.podSpec = podSpec;
    this.registerOutputs({
      rolloutName: this.rolloutName,
      analysisTemplateName: this.analysisTemplateName,
      steps: this.steps,
    });
  }
}
