/**
 * The health score: one CloudWatch metric-math expression that blends latency,
 * error rate, throughput and availability into a score from 0 to 100. Pure:
 * no Pulumi.
 *
 * Each part is a sub-score from 0 (bad) to 1 (good):
 * - latency: 1 while p99 <= target; falls linearly to 0 at twice the target.
 * - errors: 1 at an error rate of 0 %; falls linearly to 0 at the limit.
 * - throughput: requests per period / baseline, capped at 1 (a drop in
 *   traffic is how an outage upstream shows).
 * - availability: healthy / (healthy + unhealthy) targets, or a success
 *   percentage / 100 (for example a canary's SuccessPercent).
 *
 * score = 100 * (w_latency * latency + w_errors * errors + w_throughput *
 * throughput + w_availability * availability), with weights from 0 to 1 that
 * sum to 1. The default weights put errors first (a user sees them), then
 * latency and availability, then throughput (the noisiest signal):
 * errors 0.35, latency 0.30, availability 0.25, throughput 0.10.
 *
 * Count metrics go through FILL(m, 0), because CloudWatch publishes no
 * datapoint for a zero count; with no data at all the expression yields no
 * datapoint, and the score alarm treats that as breaching (the gate stays
 * closed when health cannot be computed).
 *
 * Functions used (CloudWatch User Guide, "Using metric math"): IF, FILL and
 * the arithmetic and comparison operators. An expression is at most 2,048
 * characters (MetricDataQuery.Expression).
 */
import type { ValidationProblem } from "../../core/errors";
import type { MetricRef } from "./catalogue";

/** The weight of each part of the score. */
export interface HealthWeights {
  readonly latency: number;
  readonly errors: number;
  readonly throughput: number;
  readonly availability: number;
}

/** Documented default weights (see above). */
export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = {
  latency: 0.3,
  errors: 0.35,
  throughput: 0.1,
  availability: 0.25,
};

/** The longest expression CloudWatch accepts. */
export const MAX_EXPRESSION_LENGTH = 2048;

/** The parts of the score, in a fixed order. */
export const HEALTH_PARTS = ["latency", "errors", "throughput", "availability"] as const;

/** A metric with its dimensions. */
export interface HealthMetric<I> extends MetricRef {
  readonly dimensions: Readonly<Record<string, I>>;
}

/** Where the four signals come from. */
export interface HealthSignals<I> {
  /** A latency metric, usually a p99. */
  readonly latency: HealthMetric<I> & { readonly unit: "seconds" | "milliseconds" };
  /** Failed requests per period (a Sum). */
  readonly errors: HealthMetric<I>;
  /** Requests per period (a Sum). */
  readonly requests: HealthMetric<I>;
  /** Healthy and unhealthy target counts, or a success percentage 0..100. */
  readonly availability:
    | { readonly kind: "hosts"; readonly healthy: HealthMetric<I>; readonly unhealthy: HealthMetric<I> }
    | { readonly kind: "percent"; readonly metric: HealthMetric<I> };
}

/** The tunables of the score. */
export interface HealthTargets {
  /** p99 latency target in milliseconds. */
  readonly latencyTargetMs: number;
  /** The error rate, in percent, at which the errors part reaches 0. */
  readonly errorRateLimitPercent: number;
  /** Requests per period that count as normal traffic; required when the throughput weight is above 0. */
  readonly throughputBaseline?: number;
  readonly weights: HealthWeights;
}

/** One query of the score: a metric (hidden) or the expression. */
export type HealthQuery<I> =
  | { readonly id: string; readonly kind: "metric"; readonly metric: HealthMetric<I> }
  | {
      readonly id: "score";
      readonly kind: "expression";
      readonly expression: string;
      readonly label: string;
    };

/** Checks weights and targets; each problem names the arg and the fix. */
export function validateHealthTargets(t: Partial<HealthTargets>, arg = ""): ValidationProblem[] {
  const p: ValidationProblem[] = [];
  const a = (f: string) => (arg ? `${arg}.${f}` : f);
  const w = t.weights ?? DEFAULT_HEALTH_WEIGHTS;
  let sum = 0;
  for (const part of HEALTH_PARTS) {
    const v = (w as unknown as Record<string, unknown>)[part];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1) {
      p.push({
        arg: a(`weights.${part}`),
        problem: `${JSON.stringify(v)} is not a weight`,
        fix: "use a number from 0 to 1",
        code: "PAVED_HEALTH_WEIGHT_RANGE",
      });
    } else {
      sum += v;
    }
  }
  if (p.length === 0 && Math.abs(sum - 1) > 1e-9) {
    p.push({
      arg: a("weights"),
      problem: `sum to ${Number(sum.toFixed(6))}`,
      fix: "make latency + errors + throughput + availability equal 1",
      code: "PAVED_HEALTH_WEIGHTS_SUM",
    });
  }
  const lat = t.latencyTargetMs;
  if (lat !== undefined && (typeof lat !== "number" || !Number.isFinite(lat) || lat <= 0)) {
    p.push({
      arg: a("latencyTargetMs"),
      problem: `${String(lat)} is not a positive latency`,
      fix: "use a target above 0 ms, for example 500",
      code: "PAVED_THRESHOLD_RANGE",
    });
  }
  const err = t.errorRateLimitPercent;
  if (err !== undefined && (typeof err !== "number" || !(err > 0 && err <= 100))) {
    p.push({
      arg: a("errorRateLimitPercent"),
      problem: `${String(err)} is out of range`,
      fix: "use a percentage above 0 and at most 100, for example 1",
      code: "PAVED_THRESHOLD_RANGE",
    });
  }
  const base = t.throughputBaseline;
  if (base !== undefined && (typeof base !== "number" || !Number.isFinite(base) || base <= 0)) {
    p.push({
      arg: a("throughputBaseline"),
      problem: `${String(base)} is not a positive request count`,
      fix: "use the requests per period of normal traffic",
      code: "PAVED_THRESHOLD_RANGE",
    });
  } else if (base === undefined && typeof w.throughput === "number" && w.throughput > 0) {
    p.push({
      arg: a("throughputBaseline"),
      problem: "is required while weights.throughput is above 0",
      fix: "give the requests per period of normal traffic, or set weights.throughput to 0 and spread it over the others",
      code: "PAVED_HEALTH_BASELINE_MISSING",
    });
  }
  return p;
}

/** A number as metric math writes it: no exponent, no trailing zeros. */
function num(n: number): string {
  return Number(n.toFixed(6)).toString();
}

/** The sub-score expressions, by part (over the query ids lat, err, req, hh/uh or av). */
export function partExpressions(
  signals: HealthSignals<unknown>,
  t: HealthTargets,
): Record<(typeof HEALTH_PARTS)[number], string> {
  const latMs = signals.latency.unit === "seconds" ? "(FILL(lat,0) * 1000)" : "FILL(lat,0)";
  const L = t.latencyTargetMs;
  const E = t.errorRateLimitPercent;
  const rate = "IF(FILL(req,0) > 0, 100 * FILL(err,0) / FILL(req,0), 0)";
  const availability =
    signals.availability.kind === "hosts"
      ? "IF((FILL(hh,0) + FILL(uh,0)) > 0, FILL(hh,0) / (FILL(hh,0) + FILL(uh,0)), 0)"
      : "IF(FILL(av,0) >= 100, 1, FILL(av,0) / 100)";
  const B = t.throughputBaseline ?? 1;
  return {
    latency: `IF(${latMs} <= ${num(L)}, 1, IF(${latMs} >= ${num(2 * L)}, 0, (${num(2 * L)} - ${latMs}) / ${num(L)}))`,
    errors: `IF(${rate} >= ${num(E)}, 0, 1 - ${rate} / ${num(E)})`,
    throughput: `IF(FILL(req,0) >= ${num(B)}, 1, FILL(req,0) / ${num(B)})`,
    availability,
  };
}

/** Builds the score's queries: the hidden metrics, then the `score` expression. Validate first. */
export function buildHealthScore<I>(signals: HealthSignals<I>, t: HealthTargets): HealthQuery<I>[] {
  const parts = partExpressions(signals, t);
  const terms = HEALTH_PARTS.filter((part) => t.weights[part] > 0).map(
    (part) => `${num(t.weights[part])} * ${parts[part]}`,
  );
  const expression = `100 * (${terms.join(" + ")})`;
  const queries: HealthQuery<I>[] = [
    { id: "lat", kind: "metric", metric: signals.latency },
    { id: "err", kind: "metric", metric: signals.errors },
    { id: "req", kind: "metric", metric: signals.requests },
  ];
  if (signals.availability.kind === "hosts") {
    queries.push({ id: "hh", kind: "metric", metric: signals.availability.healthy });
    queries.push({ id: "uh", kind: "metric", metric: signals.availability.unhealthy });
  } else {
    queries.push({ id: "av", kind: "metric", metric: signals.availability.metric });
  }
  // Keep only the metrics the expression reads.
  const used = queries.filter((q) => new RegExp(`\\b${q.id}\\b`).test(expression));
  return [...used, { id: "score", kind: "expression", expression, label: "Health score (0-100)" }];
}

/** The signals of an ALB target group: p99 TargetResponseTime, target 5xx, requests, healthy/unhealthy hosts. */
export function albSignals<I>(loadBalancer: I, targetGroup: I): HealthSignals<I> {
  const dims = { TargetGroup: targetGroup, LoadBalancer: loadBalancer };
  const ns = "AWS/ApplicationELB";
  return {
    latency: {
      namespace: ns,
      metricName: "TargetResponseTime",
      stat: "p99",
      dimensions: dims,
      unit: "seconds",
    },
    errors: { namespace: ns, metricName: "HTTPCode_Target_5XX_Count", stat: "Sum", dimensions: dims },
    requests: { namespace: ns, metricName: "RequestCount", stat: "Sum", dimensions: dims },
    availability: {
      kind: "hosts",
      healthy: { namespace: ns, metricName: "HealthyHostCount", stat: "Minimum", dimensions: dims },
      unhealthy: { namespace: ns, metricName: "UnHealthyHostCount", stat: "Maximum", dimensions: dims },
    },
  };
}

/**
 * The composite alarm rule of the deployment gate: the score alarm OR any
 * critical alarm. Names are quoted as the AlarmRule syntax requires.
 */
export function gateRule(scoreAlarmName: string, criticalAlarmNames: readonly string[]): string {
  return [scoreAlarmName, ...criticalAlarmNames]
    .map((n) => `ALARM("${n.replace(/"/g, '\\"')}")`)
    .join(" OR ");
}
