/**
 * The health score: one 0-100 number per service revision that blends errors,
 * latency, availability and throughput, recorded beside the SLO rules so that
 * dashboards, alerts and the canary gate read the same series. Pure.
 *
 * Each part is a score from 0 to 1, over the last 5 minutes, per
 * (`serviceLabel`, `revisionLabel`): a revision is the pods of one pod
 * template (Argo Rollouts labels them `rollouts-pod-template-hash`; the
 * CanaryRollout's PodMonitor copies that label onto every series). A service
 * whose pods carry no such label records one series with the label empty.
 *
 * | part         | weight | 1 when                                     | 0 when                          |
 * | ------------ | ------ | ------------------------------------------ | ------------------------------- |
 * | errors       | 0.35   | error ratio at or under `errorRatio`       | at 2 × `errorRatio` or more     |
 * | latency      | 0.35   | p99 at or under `latencyP99Seconds`        | at 2 × the threshold or more    |
 * | availability | 0.15   | every scraped pod is up (`avg(up)`)        | no pod is up                    |
 * | throughput   | 0.15   | requests per pod at least `throughputDropRatio` of the service's per-pod rate | none |
 *
 * Between the ends a part falls linearly, so 100 means "every signal within
 * its threshold" and each signal past it costs up to its weight. With no
 * traffic the error part is NaN, and so is the score: a gate on it fails
 * rather than passing on no evidence.
 */
import { promNumber } from "./promql";
import type { RecordingRule, SloMetrics, SloThresholds } from "./rules";

/** The label Argo Rollouts puts on a revision's pods, as Prometheus writes it. */
export const DEFAULT_REVISION_LABEL = "rollouts_pod_template_hash";

/** The weights of the parts; they add up to 1. */
export const HEALTH_SCORE_WEIGHTS = {
  errors: 0.35,
  latency: 0.35,
  availability: 0.15,
  throughput: 0.15,
} as const;

/** What the score is built from. */
export interface HealthScoreInput {
  readonly service: string;
  readonly serviceLabel: string;
  /** The label that tells a service's revisions apart. */
  readonly revisionLabel: string;
  readonly metrics: SloMetrics;
  readonly thresholds: Pick<SloThresholds, "errorRatio" | "latencyP99Seconds" | "throughputDropRatio">;
}

/** The names of the recorded series. */
export function healthScoreNames(input: Pick<HealthScoreInput, "serviceLabel">) {
  const level = `${input.serviceLabel}_revision`;
  return {
    errors: `${level}:health_errors:score_rate5m`,
    latency: `${level}:health_latency:score_rate5m`,
    availability: `${level}:health_availability:score`,
    throughput: `${level}:health_throughput:score_rate5m`,
    /** The service's requests per second per pod that is up: what a revision's throughput is compared with. */
    servicePerPod: `${input.serviceLabel}:health_requests_per_pod:rate5m`,
    score: `${level}:health_score:rate5m`,
  };
}

/** The recording rules, in evaluation order (the score reads the parts). */
export function buildHealthScoreRules(input: HealthScoreInput): RecordingRule[] {
  const { serviceLabel: L, revisionLabel: H, metrics: m, thresholds: t } = input;
  const names = healthScoreNames(input);
  const sel = `${L}="${input.service}"`;
  const by = `by (${L}, ${H})`;
  const total = `sum ${by} (rate(${m.requests}{${sel}}[5m]))`;
  const errors = `sum ${by} (rate(${m.requests}{${sel},${m.errorMatcher}}[5m]))`;
  const upPods = (grouping: string) => `count ${grouping} (up{${sel}} == 1)`;
  const w = HEALTH_SCORE_WEIGHTS;
  const part = (name: string) => `${name}{${sel}}`;
  return [
    {
      record: names.errors,
      // A revision with requests and no failed one has no error series: count it as 0 errors.
      expr: `clamp(2 - (${errors} or 0 * ${total}) / ${total} / ${promNumber(t.errorRatio)}, 0, 1)`,
    },
    {
      record: names.latency,
      expr:
        `clamp(2 - histogram_quantile(0.99, sum by (${L}, ${H}, le) (rate(${m.durationBucket}{${sel}}[5m])))` +
        ` / ${promNumber(t.latencyP99Seconds)}, 0, 1)`,
    },
    { record: names.availability, expr: `avg ${by} (up{${sel}})` },
    {
      record: names.servicePerPod,
      expr: `sum by (${L}) (rate(${m.requests}{${sel}}[5m])) / ${upPods(`by (${L})`)}`,
    },
    {
      record: names.throughput,
      expr:
        `clamp(${total} / ${upPods(by)} / on (${L}) group_left ${names.servicePerPod}{${sel}}` +
        ` / ${promNumber(t.throughputDropRatio)}, 0, 1)`,
    },
    {
      record: names.score,
      expr:
        `100 * (${promNumber(w.errors)} * ${part(names.errors)} + ${promNumber(w.latency)} * ${part(names.latency)}` +
        ` + ${promNumber(w.availability)} * ${part(names.availability)} + ${promNumber(w.throughput)} * ${part(names.throughput)})`,
    },
  ];
}
