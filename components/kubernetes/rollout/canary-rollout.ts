/**
 * CanaryRollout: progressive delivery with Argo Rollouts. A `Rollout` shifts
 * traffic in 10 % steps by default, pausing and running metric gates at each
 * step on the canary's own pods (p99 latency, error ratio, both compared with
 * the stable revision, and optionally the health score); a failed gate aborts
 * the rollout and Argo returns to the stable version. It also creates what
 * makes those metrics exist: the Services (root, canary, stable) and a
 * PodMonitor on a declared metrics port, and with `baseline` it checks that
 * the namespace's NetworkPolicies let Prometheus scrape it. The pod template
 * meets Pod Security restricted, sets requests and limits and pins its image,
 * or the component refuses to build it. See README.md for the controller.
 */
import * as k8s from "../sdk";
import * as pulumi from "@pulumi/pulumi";
import { resolveGovernance } from "../../core/config";
import { Problems } from "../../core/errors";
import { plainValueProblems } from "../../core/validation";
import { componentLabels } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import { parsePortSpec, isProblem } from "../../core/ports";
import { formatLabels, namespaceProblems, selectorProblems } from "../labels";
import { DEFAULT_REVISION_LABEL } from "../monitoring/health-score";
import {
  metricsProblems,
  MetricsPlanInput,
  podMonitorSpec,
  scrapeProblems,
  serviceNames,
  serviceSpec,
} from "./metrics";
import type { CanaryRolloutArgs } from "./args";
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

/** A canary-released workload with automatic rollback on failed metric gates. */
export class CanaryRollout extends pulumi.ComponentResource {
  /** The Rollout's name, once it exists. */
  readonly rolloutName: pulumi.Output<string>;
  /** The AnalysisTemplate's name, once it exists. */
  readonly analysisTemplateName: pulumi.Output<string>;
  /** The Service clients call (every pod of the rollout), once it exists. */
  readonly serviceName: pulumi.Output<string>;
  /** The Service Argo points at the canary's pods, once it exists. */
  readonly canaryServiceName: pulumi.Output<string>;
  /** The Service Argo points at the stable pods, once it exists. */
  readonly stableServiceName: pulumi.Output<string>;
  /** The PodMonitor's name, once it exists. */
  readonly podMonitorName: pulumi.Output<string>;
  /** The canary steps, as plain data. */
  readonly steps: readonly CanaryStep[];
  /** The pod spec, as plain data (checked against PSS restricted). */
  readonly podSpec: Readonly<Record<string, unknown>>;

  constructor(name: string, args: CanaryRolloutArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("paved:k8s:CanaryRollout", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as CanaryRolloutArgs);
    const problems = new Problems(CANARY_ROLLOUT_PATTERN, name);
    // The pod template's fields are reported by the Pod Security check below, with the control that needs them.
    problems.addAll(
      plainValueProblems(args, ["namespace", "image", "securityContext", "podSecurityContext"]),
    );
    problems.throwIfAny(this);
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
    const baseline = args.baseline;
    problems.check(
      args.namespace !== undefined || baseline !== undefined,
      "namespace",
      "is required",
      "give the namespace, or the NamespaceBaseline as baseline",
      "PAVED_K8S_NAMESPACE_REQUIRED",
    );
    if (baseline !== undefined && typeof args.namespace === "string") {
      problems.check(
        args.namespace === baseline.plannedNamespace,
        "namespace",
        `"${args.namespace}" is not the baseline's namespace "${baseline.plannedNamespace}"`,
        "leave namespace out to use the baseline's, or pass the baseline of that namespace",
        "PAVED_K8S_CANARY_METRICS",
      );
    }
    const namespace: pulumi.Input<string> = args.namespace ?? baseline?.namespaceName ?? "";

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
    const health = a.healthScore;
    const gates: GateSpec = {
      prometheusAddress: a.prometheusAddress ?? "http://prometheus-operated.monitoring.svc:9090",
      service: a.service ?? rolloutName,
      serviceLabel: a.serviceLabel ?? "service",
      revisionLabel: a.revisionLabel ?? DEFAULT_REVISION_LABEL,
      requestsMetric: a.requestsMetric ?? "http_requests_total",
      errorMatcher: a.errorMatcher ?? 'code=~"5.."',
      durationBucket: a.durationBucket ?? "http_request_duration_seconds_bucket",
      latencyP99Seconds: a.latencyP99Seconds ?? 0.5,
      errorRatio: a.errorRatio ?? 0.01,
      compareWithStable: a.compareWithStable ?? true,
      maxErrorRatioIncrease: a.maxErrorRatioIncrease ?? 0.005,
      maxLatencyRatio: a.maxLatencyRatio ?? 1.5,
      latencyFloorSeconds: a.latencyFloorSeconds ?? 0.05,
      healthScoreRecord: health?.rules?.healthScoreRecord,
      minHealthScore: health?.minScore ?? 90,
      interval: a.interval ?? "1m",
      count: a.count ?? 5,
      failureLimit: a.failureLimit ?? 1,
    };
    problems.addAll(gateProblems(gates));
    if (health !== undefined) {
      const r = health.rules;
      if (r === undefined || typeof r.healthScoreRecord !== "string") {
        problems.check(
          false,
          "analysis.healthScore.rules",
          "is not an SloAlerts",
          "pass the SloAlerts of the service; its PrometheusRule records the score",
          "PAVED_K8S_CANARY_METRICS",
        );
      } else {
        for (const [field, theirs, ours] of [
          ["service", r.service, gates.service],
          ["serviceLabel", r.serviceLabel, gates.serviceLabel],
          ["revisionLabel", r.revisionLabel, gates.revisionLabel],
        ] as const) {
          problems.check(
            theirs === ours,
            "analysis.healthScore.rules",
            `records the score for ${field} "${theirs}", but the gate reads ${field} "${ours}", so the gate's series never exists`,
            `give the SloAlerts the same ${field}, or set analysis.${field} to "${theirs}"`,
            "PAVED_K8S_CANARY_METRICS",
          );
        }
      }
    }
    const m = args.metrics ?? {};
    const metricsPort = m.port ?? 9090;
    const metricsPortSpec = parsePortSpec(metricsPort, "metrics.port");
    if (isProblem(metricsPortSpec)) problems.addAll([metricsPortSpec]);
    const servicePort = args.servicePort ?? 80;
    const servicePortSpec = parsePortSpec(servicePort, "servicePort");
    if (isProblem(servicePortSpec)) problems.addAll([servicePortSpec]);
    const selector = { [APP_NAME_LABEL]: rolloutName };
    const metricsPlan: MetricsPlanInput = {
      rolloutName,
      selector,
      containerPort,
      servicePort,
      metricsPort,
      metricsPath: m.path ?? "/metrics",
      scrapeInterval: m.scrapeInterval ?? "15s",
      service: gates.service,
      serviceLabel: gates.serviceLabel,
      revisionLabel: gates.revisionLabel,
    };
    problems.addAll(metricsProblems(metricsPlan));
    problems.addAll(scrapeProblems(metricsPlan.scrapeInterval, gates.interval));
    const labels = componentLabels(gov, CANARY_ROLLOUT_PATTERN, args.labels);
    const podLabels = { ...labels, ...selector };
    const prometheus = {
      namespace: m.prometheus?.namespace ?? "monitoring",
      podLabels: m.prometheus?.podLabels ?? { [APP_NAME_LABEL]: "prometheus" },
    };
    problems.addAll(namespaceProblems(prometheus.namespace, "metrics.prometheus.namespace"));
    problems.addAll(selectorProblems(prometheus.podLabels, "metrics.prometheus.podLabels"));
    if (m.monitorLabels !== undefined)
      problems.addAll(selectorProblems(m.monitorLabels, "metrics.monitorLabels"));
    if (baseline !== undefined && !isProblem(metricsPortSpec)) {
      problems.check(
        baseline.admitsIngress({ podLabels, port: metricsPort, from: prometheus }),
        "metrics.port",
        `${metricsPort} of the rollout's pods is closed to Prometheus (namespace ${prometheus.namespace}, pods {${formatLabels(prometheus.podLabels)}}) by the baseline's NetworkPolicies, so the gates would find no series and abort every rollout`,
        `add a flow to the NamespaceBaseline: { from: { namespace: "${prometheus.namespace}", podSelector: ${JSON.stringify(prometheus.podLabels)} }, to: <the workload whose selector is ${JSON.stringify(selector)}>, ports: [${metricsPort}] }, or set metrics.prometheus to where Prometheus runs`,
        "PAVED_K8S_CANARY_METRICS",
      );
    }
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
      metricsPort,
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

    const child = { parent: this, provider: args.provider };
    const names = serviceNames(rolloutName);

    const template = new k8s.apiextensions.CustomResource(
      childName(name, "analysis"),
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "AnalysisTemplate",
        metadata: { name: templateName, namespace, labels },
        spec: analysisTemplateSpec(gates),
      },
      child,
    );

    // The root Service is what clients call (every pod); Argo points the canary and stable ones at one revision each.
    const services = (["root", "canary", "stable"] as const).map(
      (role) =>
        new k8s.core.v1.Service(
          childName(name, role === "root" ? "svc" : `svc-${role}`),
          { metadata: { name: names[role], namespace, labels }, spec: serviceSpec(metricsPlan) },
          child,
        ),
    );
    const monitor = new k8s.apiextensions.CustomResource(
      childName(name, "monitor"),
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        metadata: { name: rolloutName, namespace, labels: { ...labels, ...(m.monitorLabels ?? {}) } },
        spec: podMonitorSpec(metricsPlan),
      },
      child,
    );

    const steps = canarySteps(weights, pause, templateName, gates.service);
    const rollout = new k8s.apiextensions.CustomResource(
      childName(name, "rollout"),
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Rollout",
        metadata: { name: rolloutName, namespace, labels },
        spec: {
          replicas,
          revisionHistoryLimit: 5,
          progressDeadlineSeconds: 600,
          progressDeadlineAbort: true,
          selector: { matchLabels: selector },
          template: { metadata: { labels: podLabels }, spec: podSpec },
          strategy: { canary: { canaryService: names.canary, stableService: names.stable, steps } },
        },
      },
      { ...child, dependsOn: [template, ...services, monitor] },
    );

    this.rolloutName = rollout.metadata.name;
    this.analysisTemplateName = template.metadata.name;
    this.serviceName = services[0].metadata.name;
    this.canaryServiceName = services[1].metadata.name;
    this.stableServiceName = services[2].metadata.name;
    this.podMonitorName = monitor.metadata.name;
    this.steps = steps;
    this.podSpec = podSpec;
    this.registerOutputs({
      rolloutName: this.rolloutName,
      analysisTemplateName: this.analysisTemplateName,
      serviceName: this.serviceName,
      canaryServiceName: this.canaryServiceName,
      stableServiceName: this.stableServiceName,
      podMonitorName: this.podMonitorName,
      steps: this.steps,
    });
  }
}
