/**
 * CanaryRollout's metric gates: an Argo Rollouts AnalysisTemplate whose
 * Prometheus queries judge the canary's own pods, not the whole service, and
 * compare them with the stable revision. Pure.
 *
 * Why: at a 10 % step a canary failing 5 % of its requests moves the
 * service-wide error ratio by about 0.5 %, under a 1 % gate. Argo Rollouts
 * labels every pod with `rollouts-pod-template-hash`; the CanaryRollout's
 * PodMonitor copies it onto every series as `revisionLabel`, and the analysis
 * step passes the canary's hash (`podTemplateHashValue: Latest`) and the
 * stable one's (`Stable`) as arguments. So each gate reads one revision.
 *
 * The gates (each measured `count` times, `interval` apart; more than
 * `failureLimit` failed measurements abort the rollout):
 * - `latency-p99`: the canary's p99 latency, at most `latencyP99Seconds`;
 * - `error-ratio`: the canary's error ratio, at most `errorRatio`;
 * - `error-ratio-vs-stable`: the canary's error ratio minus the stable one's,
 *   at most `maxErrorRatioIncrease` (a difference with that floor);
 * - `latency-p99-vs-stable`: the canary's p99 over the stable one's (never
 *   less than `latencyFloorSeconds`), at most `maxLatencyRatio`;
 * - `health-score` (when a health score is given): the canary's recorded
 *   score, at least `minHealthScore`.
 * With no stable traffic to compare with (the last step), a comparison reads
 * the canary against itself and passes; the absolute gates still decide. A
 * canary with no traffic gives NaN or no result, which fails: no evidence is
 * not a pass.
 */
import type { ValidationProblem } from "../../core/errors";
import { nameProblem } from "../../core/naming";

/** The names of the analysis arguments. */
export const GATE_ARGS = {
  service: "service",
  canaryHash: "canary-hash",
  stableHash: "stable-hash",
} as const;

/** The metric gates. */
export interface GateSpec {
  /** The Prometheus the analysis queries. */
  readonly prometheusAddress: string;
  /** The service, as the value of `serviceLabel` on its metrics. */
  readonly service: string;
  readonly serviceLabel: string;
  /** The label that carries a series' pod template hash. */
  readonly revisionLabel: string;
  readonly requestsMetric: string;
  readonly errorMatcher: string;
  readonly durationBucket: string;
  /** The p99 latency gate, seconds: a measurement passes at or below it. */
  readonly latencyP99Seconds: number;
  /** The error-ratio gate: a measurement passes at or below it. */
  readonly errorRatio: number;
  /** Compare the canary with the stable revision (the two `-vs-stable` gates). */
  readonly compareWithStable: boolean;
  /** The canary's error ratio may exceed the stable one's by at most this much (0.005: half a point). */
  readonly maxErrorRatioIncrease: number;
  /** The canary's p99 may be at most this multiple of the stable one's. */
  readonly maxLatencyRatio: number;
  /** The stable p99 the ratio divides by is never taken below this, seconds, so fast services are not judged on noise. */
  readonly latencyFloorSeconds: number;
  /** The recorded health score's series name, when the score gate is on. */
  readonly healthScoreRecord?: string;
  /** The lowest health score (0-100) that passes. */
  readonly minHealthScore: number;
  /** Time between measurements, and the rate window of the queries. */
  readonly interval: string;
  /** Measurements per analysis. */
  readonly count: number;
  /** Failed measurements tolerated; one more aborts the rollout. */
  readonly failureLimit: number;
}

/** A number as PromQL and expression text, without floating-point noise. */
function num(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** The Prometheus queries of the gates; Argo Rollouts fills in `{{args.*}}`. */
export function gateQueries(g: GateSpec): Record<string, string> {
  const sel = (hash: string) =>
    `${g.serviceLabel}="{{args.${GATE_ARGS.service}}}",${g.revisionLabel}="{{args.${hash}}}"`;
  const c = GATE_ARGS.canaryHash;
  const s = GATE_ARGS.stableHash;
  const total = (h: string) => `sum(rate(${g.requestsMetric}{${sel(h)}}[${g.interval}]))`;
  const errors = (h: string) => `sum(rate(${g.requestsMetric}{${sel(h)},${g.errorMatcher}}[${g.interval}]))`;
  // With requests and no failed one there is no error series: count it as 0 errors.
  const ratio = (h: string) => `(${errors(h)} or 0 * ${total(h)}) / ${total(h)}`;
  const p99 = (h: string) =>
    `histogram_quantile(0.99, sum by (le) (rate(${g.durationBucket}{${sel(h)}}[${g.interval}])))`;
  const q: Record<string, string> = {
    latencyP99: p99(c),
    errorRatio: ratio(c),
  };
  if (g.compareWithStable) {
    q.errorRatioVsStable = `${ratio(c)} - (${ratio(s)} or ${ratio(c)})`;
    q.latencyP99VsStable = `${p99(c)} / clamp_min(${p99(s)} or ${p99(c)}, ${num(g.latencyFloorSeconds)})`;
  }
  if (g.healthScoreRecord !== undefined) q.healthScore = `${g.healthScoreRecord}{${sel(c)}}`;
  return q;
}

/** The AnalysisTemplate's spec: the gates above, with their success conditions. */
export function analysisTemplateSpec(g: GateSpec) {
  const q = gateQueries(g);
  const metric = (name: string, query: string, condition: string) => ({
    name,
    interval: g.interval,
    count: g.count,
    failureLimit: g.failureLimit,
    successCondition: condition,
    provider: { prometheus: { address: g.prometheusAddress, query } },
  });
  const metrics = [
    metric("latency-p99", q.latencyP99, `result[0] <= ${num(g.latencyP99Seconds)}`),
    metric("error-ratio", q.errorRatio, `result[0] <= ${num(g.errorRatio)}`),
  ];
  if (g.compareWithStable) {
    metrics.push(
      metric("error-ratio-vs-stable", q.errorRatioVsStable, `result[0] <= ${num(g.maxErrorRatioIncrease)}`),
      metric("latency-p99-vs-stable", q.latencyP99VsStable, `result[0] <= ${num(g.maxLatencyRatio)}`),
    );
  }
  if (q.healthScore !== undefined) {
    metrics.push(metric("health-score", q.healthScore, `result[0] >= ${num(g.minHealthScore)}`));
  }
  return {
    args: [{ name: GATE_ARGS.service }, { name: GATE_ARGS.canaryHash }, { name: GATE_ARGS.stableHash }],
    metrics,
  };
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Labels Prometheus or the Prometheus Operator set on every scraped series: a gate cannot use them for its own. */
const RESERVED_LABELS = ["__name__", "le", "instance", "namespace", "pod", "container", "endpoint"];

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
  if (!(g.maxErrorRatioIncrease >= 0 && g.maxErrorRatioIncrease < 1))
    add(
      "maxErrorRatioIncrease",
      `${g.maxErrorRatioIncrease} is not a ratio from 0 to 1`,
      "use for example 0.005 (the canary may fail half a point more requests than stable)",
    );
  if (!(g.maxLatencyRatio >= 1))
    add(
      "maxLatencyRatio",
      `${g.maxLatencyRatio} is below 1, so a canary as fast as stable would fail`,
      "use for example 1.5 (the canary's p99 may be 50 % above stable's)",
    );
  if (!(g.latencyFloorSeconds > 0))
    add("latencyFloorSeconds", `${g.latencyFloorSeconds} is not positive`, "use for example 0.05 (50 ms)");
  if (!(g.minHealthScore > 0 && g.minHealthScore <= 100))
    add("healthScore.minScore", `${g.minHealthScore} is not a score 1..100`, "use for example 90");
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
  // The PodMonitor writes both labels on every series; one Prometheus or the operator owns cannot be written.
  for (const [arg, label] of [
    ["serviceLabel", g.serviceLabel],
    ["revisionLabel", g.revisionLabel],
  ] as const) {
    if (!LABEL_NAME.test(label) || label.startsWith("__") || RESERVED_LABELS.includes(label)) {
      add(
        arg,
        `"${label}" is not a label the PodMonitor can write (Prometheus or the operator sets it)`,
        arg === "serviceLabel" ? 'use for example "service"' : 'use for example "rollouts_pod_template_hash"',
      );
    }
  }
  if (g.serviceLabel === g.revisionLabel)
    add("revisionLabel", `is the same label as serviceLabel ("${g.serviceLabel}")`, "use two labels");
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
