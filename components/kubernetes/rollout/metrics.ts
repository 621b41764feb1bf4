/**
 * What makes the canary gates' metrics exist: the Services Argo Rollouts
 * points at each revision, and the PodMonitor (Prometheus Operator) that
 * scrapes every pod's metrics port and labels each series with the service
 * and the pod's revision. Pure.
 *
 * Why a PodMonitor and not a ServiceMonitor: the canary and stable Services
 * select the same pods whenever no canary runs, so a ServiceMonitor on both
 * would scrape each pod twice, and one on either would miss the other
 * revision. The PodMonitor scrapes each pod once, by its app label.
 */
import type { ValidationProblem } from "../../core/errors";

/** The label Argo Rollouts puts on every pod of a revision. */
export const POD_TEMPLATE_HASH_LABEL = "rollouts-pod-template-hash";

/** Where Prometheus runs, for the NetworkPolicy check. */
export interface PrometheusLocation {
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
}

/** What the metrics objects are built from. */
export interface MetricsPlanInput {
  readonly rolloutName: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The container's serving port (named `http`). */
  readonly containerPort: number;
  /** The Services' port. */
  readonly servicePort: number;
  /** The metrics port: `containerPort` (then the `http` port is scraped) or another, named `metrics`. */
  readonly metricsPort: number;
  readonly metricsPath: string;
  readonly scrapeInterval: string;
  readonly service: string;
  readonly serviceLabel: string;
  readonly revisionLabel: string;
}

/** The names of the three Services: the one clients call, the canary's and the stable's. */
export function serviceNames(rolloutName: string) {
  return { root: rolloutName, canary: `${rolloutName}-canary`, stable: `${rolloutName}-stable` };
}

/** A ClusterIP Service's spec on the `http` port. */
export function serviceSpec(input: MetricsPlanInput) {
  return {
    type: "ClusterIP",
    selector: { ...input.selector },
    ports: [{ name: "http", port: input.servicePort, targetPort: "http", protocol: "TCP" }],
  };
}

/** The name of the port the PodMonitor scrapes. */
export function metricsPortName(input: Pick<MetricsPlanInput, "metricsPort" | "containerPort">): string {
  return input.metricsPort === input.containerPort ? "http" : "metrics";
}

/** The PodMonitor's spec: every pod of the rollout, each series labelled with the service and the revision. */
export function podMonitorSpec(input: MetricsPlanInput) {
  return {
    selector: { matchLabels: { ...input.selector } },
    podMetricsEndpoints: [
      {
        port: metricsPortName(input),
        path: input.metricsPath,
        interval: input.scrapeInterval,
        relabelings: [
          {
            action: "replace",
            sourceLabels: [`__meta_kubernetes_pod_label_${POD_TEMPLATE_HASH_LABEL.replace(/-/g, "_")}`],
            targetLabel: input.revisionLabel,
          },
          { action: "replace", targetLabel: input.serviceLabel, replacement: input.service },
        ],
      },
    ],
  };
}

/** Checks the metrics arguments. */
export function metricsProblems(input: MetricsPlanInput): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (arg: string, problem: string, fix: string) =>
    problems.push({ arg, problem, fix, code: "PAVED_K8S_CANARY_METRICS" });
  if (!/^\/[\x21-\x7e]*$/.test(input.metricsPath))
    add(
      "metrics.path",
      `${JSON.stringify(input.metricsPath)} is not an absolute HTTP path`,
      'use "/metrics"',
    );
  if (!/^\d+(s|m)$/.test(input.scrapeInterval))
    add("metrics.scrapeInterval", `"${input.scrapeInterval}" is not a duration`, 'use for example "15s"');
  // The names derived from the rollout's must stay RFC 1123 labels.
  if (serviceNames(input.rolloutName).canary.length > 63)
    add(
      "rolloutName",
      `"${input.rolloutName}" is too long for its canary Service ("<name>-canary", 63 characters at most)`,
      "use a name of 56 characters or fewer",
    );
  return problems;
}

/**
 * Whether an interval lets the gate see data: Prometheus' rate needs two
 * samples in the window, so the scrape interval must be at most half the
 * gate's interval (its rate window).
 */
export function scrapeProblems(scrapeInterval: string, gateInterval: string): ValidationProblem[] {
  const seconds = (d: string) => {
    const m = /^(\d+)(s|m|h)$/.exec(d);
    return m ? Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as "s" | "m" | "h"] : NaN;
  };
  const scrape = seconds(scrapeInterval);
  const window = seconds(gateInterval);
  if (!(scrape > 0 && window > 0) || scrape * 2 <= window) return [];
  return [
    {
      arg: "metrics.scrapeInterval",
      problem: `(${scrapeInterval}) leaves fewer than two samples in the gates' ${gateInterval} rate window, so every gate query is empty`,
      fix: `scrape at most every ${window / 2}s, or lengthen analysis.interval`,
      code: "PAVED_K8S_CANARY_METRICS",
    },
  ];
}
