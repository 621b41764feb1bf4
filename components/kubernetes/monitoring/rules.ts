/**
 * SLO recording rules and alerts as PromQL: a pure function of the service,
 * its metric names and the thresholds, so every expression is tested exactly.
 *
 * The availability alerts are the multiwindow, multi-burn-rate alerts of the
 * Google SRE Workbook, chapter "Alerting on SLOs" (table "Recommended
 * parameters for a 99.9% SLO alerting configuration"), for a 30-day SLO window:
 *
 * | alert                 | long window | short window | burn rate | budget spent | severity |
 * | --------------------- | ----------- | ------------ | --------- | ------------ | -------- |
 * | ErrorBudgetBurnFast   | 1h          | 5m           | 14.4      | 2 %          | page     |
 * | ErrorBudgetBurnMedium | 6h          | 30m          | 6         | 5 %          | page     |
 * | ErrorBudgetBurnSlow   | 3d          | 6h           | 1         | 10 %         | ticket   |
 *
 * An alert fires when the error ratio exceeds `burnRate × (1 − target)` over
 * both its long and its short window: the long window gives significance, the
 * short one makes the alert stop soon after the burn stops.
 */
import type { ValidationProblem } from "../../core/errors";
import { isLabelValue } from "../../core/governance";
import { buildHealthScoreRules, DEFAULT_REVISION_LABEL } from "./health-score";
import { promNumber } from "./promql";

/** One multiwindow burn-rate tier. */
export interface BurnRateTier {
  readonly alert: string;
  readonly longWindow: string;
  readonly shortWindow: string;
  readonly burnRate: number;
  readonly severity: "page" | "ticket";
}

/** The SRE Workbook's tiers for a 30-day window. */
export const BURN_RATE_TIERS: readonly BurnRateTier[] = [
  { alert: "ErrorBudgetBurnFast", longWindow: "1h", shortWindow: "5m", burnRate: 14.4, severity: "page" },
  { alert: "ErrorBudgetBurnMedium", longWindow: "6h", shortWindow: "30m", burnRate: 6, severity: "page" },
  { alert: "ErrorBudgetBurnSlow", longWindow: "3d", shortWindow: "6h", burnRate: 1, severity: "ticket" },
];

/** The metrics the rules read. The defaults are the Prometheus client libraries' HTTP conventions. */
export interface SloMetrics {
  /** A counter of requests. @default "http_requests_total" */
  readonly requests: string;
  /** The matcher that picks failed requests from `requests`. @default 'code=~"5.."' */
  readonly errorMatcher: string;
  /** The request-duration histogram's bucket series, in seconds. @default "http_request_duration_seconds_bucket" */
  readonly durationBucket: string;
}

export const DEFAULT_SLO_METRICS: SloMetrics = {
  requests: "http_requests_total",
  errorMatcher: 'code=~"5.."',
  durationBucket: "http_request_duration_seconds_bucket",
};

/** The thresholds. */
export interface SloThresholds {
  /** Availability SLO, as a ratio (0.999 is 99.9 %). */
  readonly availabilityTarget: number;
  /** p99 latency above this, in seconds, alerts. */
  readonly latencyP99Seconds: number;
  /** An error ratio above this (0.01 is 1 %) alerts. */
  readonly errorRatio: number;
  /** Throughput below this share of the same time a week earlier alerts (0.5: a 50 % drop). */
  readonly throughputDropRatio: number;
  /** The throughput alert ignores services that served fewer requests per second than this a week earlier. */
  readonly throughputMinRps: number;
  /** How long latency, error-ratio and throughput conditions must hold before they fire. */
  readonly for: string;
}

export const DEFAULT_SLO_THRESHOLDS: SloThresholds = {
  availabilityTarget: 0.999,
  latencyP99Seconds: 0.5,
  errorRatio: 0.01,
  throughputDropRatio: 0.5,
  throughputMinRps: 1,
  for: "10m",
};

/** What the rules are built from. */
export interface SloRuleInput {
  /** The service, as the value of `serviceLabel` on its metrics. */
  readonly service: string;
  /** The label that names the service on its metrics. */
  readonly serviceLabel: string;
  /** The label that tells the service's revisions apart, for the health score. @default "rollouts_pod_template_hash" */
  readonly revisionLabel?: string;
  readonly metrics: SloMetrics;
  readonly thresholds: SloThresholds;
  /** A runbook linked from every alert. */
  readonly runbookUrl?: string;
}

/** A Prometheus recording rule. */
export interface RecordingRule {
  record: string;
  expr: string;
}

/** A Prometheus alerting rule. */
export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** The PrometheusRule's `spec.groups`. */
export interface SloRuleGroups {
  groups: [{ name: string; rules: RecordingRule[] }, { name: string; rules: AlertingRule[] }];
}

/** The windows the error ratio is recorded over: every window a burn-rate tier reads. */
export const ERROR_RATIO_WINDOWS: readonly string[] = ["5m", "30m", "1h", "6h", "3d"];

export { promNumber } from "./promql";

/** The names of the recorded series. */
export function recordNames(input: Pick<SloRuleInput, "serviceLabel" | "metrics">) {
  const level = input.serviceLabel;
  const histogram = input.metrics.durationBucket.replace(/_bucket$/, "");
  return {
    requestRate: `${level}:${input.metrics.requests}:rate5m`,
    errorRatio: (window: string) => `${level}:${input.metrics.requests}:error_ratio_rate${window}`,
    latencyP99: `${level}:${histogram}:p99_rate5m`,
  };
}

/** Builds the recording rules and alerts. Deterministic: the same input gives the same text. */
export function buildSloRules(input: SloRuleInput): SloRuleGroups {
  const { serviceLabel: L, metrics: m, thresholds: t } = input;
  const names = recordNames(input);
  const sel = `${L}="${input.service}"`;
  const recorded = (name: string) => `${name}{${sel}}`;
  const budget = Number((1 - t.availabilityTarget).toPrecision(12));

  const records: RecordingRule[] = [
    { record: names.requestRate, expr: `sum by (${L}) (rate(${m.requests}{${sel}}[5m]))` },
    ...ERROR_RATIO_WINDOWS.map((w) => ({
      record: names.errorRatio(w),
      expr:
        `sum by (${L}) (rate(${m.requests}{${sel},${m.errorMatcher}}[${w}]))` +
        ` / sum by (${L}) (rate(${m.requests}{${sel}}[${w}]))`,
    })),
    {
      record: names.latencyP99,
      expr: `histogram_quantile(0.99, sum by (${L}, le) (rate(${m.durationBucket}{${sel}}[5m])))`,
    },
    // The health score per revision (health-score.ts), which the canary gate can read.
    ...buildHealthScoreRules({
      service: input.service,
      serviceLabel: L,
      revisionLabel: input.revisionLabel ?? DEFAULT_REVISION_LABEL,
      metrics: m,
      thresholds: t,
    }),
  ];

  const annotations = (summary: string, description: string): Record<string, string> => ({
    summary,
    description,
    ...(input.runbookUrl ? { runbook_url: input.runbookUrl } : {}),
  });
  const labels = (severity: string, extra: Record<string, string> = {}) => ({
    severity,
    [L]: input.service,
    ...extra,
  });
  const targetText = `${promNumber(t.availabilityTarget * 100)}%`;

  const alerts: AlertingRule[] = [
    ...BURN_RATE_TIERS.map((tier) => {
      const threshold = promNumber(tier.burnRate * budget);
      return {
        alert: tier.alert,
        expr:
          `${recorded(names.errorRatio(tier.longWindow))} > ${threshold}` +
          ` and ${recorded(names.errorRatio(tier.shortWindow))} > ${threshold}`,
        labels: labels(tier.severity, {
          slo: "availability",
          long_window: tier.longWindow,
          short_window: tier.shortWindow,
        }),
        annotations: annotations(
          `${input.service} is burning its ${targetText} availability error budget ${promNumber(tier.burnRate)}x too fast`,
          `The error ratio over ${tier.longWindow} and ${tier.shortWindow} is above ${threshold} ` +
            `(${promNumber(tier.burnRate)} x the ${promNumber(budget)} budget).`,
        ),
      };
    }),
    {
      alert: "LatencyP99High",
      expr: `${recorded(names.latencyP99)} > ${promNumber(t.latencyP99Seconds)}`,
      for: t.for,
      labels: labels("page"),
      annotations: annotations(
        `${input.service} p99 latency is above ${promNumber(t.latencyP99Seconds * 1000)} ms`,
        `The 99th percentile request duration over 5m has been above ${promNumber(t.latencyP99Seconds)} s for ${t.for}.`,
      ),
    },
    {
      alert: "ErrorRatioHigh",
      expr: `${recorded(names.errorRatio("5m"))} > ${promNumber(t.errorRatio)}`,
      for: t.for,
      labels: labels("page"),
      annotations: annotations(
        `${input.service} error ratio is above ${promNumber(t.errorRatio * 100)}%`,
        `More than ${promNumber(t.errorRatio * 100)}% of requests over 5m failed (${m.errorMatcher}) for ${t.for}.`,
      ),
    },
    {
      alert: "ThroughputDrop",
      expr:
        `${recorded(names.requestRate)} < ${promNumber(t.throughputDropRatio)} * (${recorded(names.requestRate)} offset 1w)` +
        ` and (${recorded(names.requestRate)} offset 1w) > ${promNumber(t.throughputMinRps)}`,
      for: t.for,
      labels: labels("ticket"),
      annotations: annotations(
        `${input.service} throughput dropped below ${promNumber(t.throughputDropRatio * 100)}% of last week`,
        `Requests per second over 5m are below ${promNumber(t.throughputDropRatio)} x the rate at the same time a week earlier.`,
      ),
    },
    {
      alert: "TrafficAbsent",
      expr: `absent(${recorded(names.requestRate)})`,
      for: t.for,
      labels: labels("ticket"),
      annotations: annotations(
        `${input.service} reports no request metrics`,
        `No ${m.requests} series for ${L}="${input.service}" for ${t.for}: the service or its scraping is down, and the other alerts cannot fire.`,
      ),
    },
  ];

  return {
    groups: [
      { name: `${input.service}.slo.records`, rules: records },
      { name: `${input.service}.slo.alerts`, rules: alerts },
    ],
  };
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const MATCHER = /^[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*"(?:[^"\\]|\\.)*"$/;
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

/** Checks the rule input. */
export function sloRuleProblems(input: SloRuleInput): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (arg: string, problem: string, fix: string, code: string) =>
    problems.push({ arg, problem, fix, code });
  if (typeof input.service !== "string" || input.service === "" || !isLabelValue(input.service)) {
    add(
      "service",
      `"${String(input.service)}" is not a valid label value`,
      "use the value of the service label on the metrics",
      "PAVED_K8S_SLO_SERVICE",
    );
  }
  if (!LABEL_NAME.test(input.serviceLabel)) {
    add(
      "serviceLabel",
      `"${input.serviceLabel}" is not a Prometheus label name`,
      "use letters, digits and '_', not starting with a digit",
      "PAVED_K8S_SLO_METRIC",
    );
  }
  if (
    input.revisionLabel !== undefined &&
    (!LABEL_NAME.test(input.revisionLabel) || input.revisionLabel === input.serviceLabel)
  ) {
    add(
      "revisionLabel",
      `"${input.revisionLabel}" is not a Prometheus label name apart from serviceLabel`,
      'use the label that carries the pod template hash, for example "rollouts_pod_template_hash"',
      "PAVED_K8S_SLO_METRIC",
    );
  }
  for (const key of ["requests", "durationBucket"] as const) {
    if (!METRIC_NAME.test(input.metrics[key])) {
      add(
        `metrics.${key}`,
        `"${input.metrics[key]}" is not a Prometheus metric name`,
        "use letters, digits, '_' and ':'",
        "PAVED_K8S_SLO_METRIC",
      );
    }
  }
  if (!/_bucket$/.test(input.metrics.durationBucket)) {
    add(
      "metrics.durationBucket",
      `"${input.metrics.durationBucket}" is not a histogram's _bucket series`,
      "use the histogram's bucket series, for example http_request_duration_seconds_bucket",
      "PAVED_K8S_SLO_METRIC",
    );
  }
  if (!MATCHER.test(input.metrics.errorMatcher)) {
    add(
      "metrics.errorMatcher",
      `'${input.metrics.errorMatcher}' is not one label matcher`,
      'write it as label="value" or label=~"regex", for example code=~"5.."',
      "PAVED_K8S_SLO_METRIC",
    );
  }
  const t = input.thresholds;
  const ratio = (arg: string, v: number, fix: string) => {
    if (!(typeof v === "number" && v > 0 && v < 1))
      add(arg, `${String(v)} is not a ratio between 0 and 1`, fix, "PAVED_K8S_SLO_THRESHOLD");
  };
  ratio("availabilityTarget", t.availabilityTarget, "use for example 0.999 for 99.9 %");
  ratio("errorRatio", t.errorRatio, "use for example 0.01 for 1 %");
  ratio(
    "throughputDropRatio",
    t.throughputDropRatio,
    "use for example 0.5 to alert below half of last week's rate",
  );
  if (typeof t.availabilityTarget === "number" && t.availabilityTarget > 0 && t.availabilityTarget < 1) {
    const fastest = Math.max(...BURN_RATE_TIERS.map((x) => x.burnRate));
    if (fastest * (1 - t.availabilityTarget) >= 1) {
      add(
        "availabilityTarget",
        `${t.availabilityTarget} leaves so much budget that a ${fastest}x burn needs an error ratio above 100 %`,
        "use a target above 0.931 (the burn-rate alerts assume 99 % or more)",
        "PAVED_K8S_SLO_THRESHOLD",
      );
    }
  }
  if (!(typeof t.latencyP99Seconds === "number" && t.latencyP99Seconds > 0)) {
    add(
      "latencyP99Seconds",
      `${String(t.latencyP99Seconds)} is not a positive number of seconds`,
      "use for example 0.5 for 500 ms",
      "PAVED_K8S_SLO_THRESHOLD",
    );
  }
  if (!(typeof t.throughputMinRps === "number" && t.throughputMinRps >= 0)) {
    add(
      "throughputMinRps",
      `${String(t.throughputMinRps)} is negative`,
      "use 0 or more requests per second",
      "PAVED_K8S_SLO_THRESHOLD",
    );
  }
  if (!DURATION.test(t.for)) {
    add("for", `"${t.for}" is not a Prometheus duration`, 'use for example "10m"', "PAVED_K8S_SLO_THRESHOLD");
  }
  if (input.runbookUrl !== undefined && !isHttpUrl(input.runbookUrl)) {
    add(
      "runbookUrl",
      `${JSON.stringify(input.runbookUrl)} is not an http(s) URL`,
      'give the runbook\'s address, for example "https://runbooks.example.com/checkout"',
      "PAVED_K8S_SLO_RUNBOOK_URL",
    );
  }
  return problems;
}

/** True for an absolute http or https URL with a host. */
function isHttpUrl(u: unknown): boolean {
  if (typeof u !== "string") return false;
  try {
    const url = new URL(u);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}
