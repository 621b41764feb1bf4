import { DEV_GOVERNANCE, descendants, settle, useMocks, valueOf } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE });
import { PavedValidationError } from "../../../components/core/errors";
import {
  buildHealthScoreRules,
  buildSloRules,
  DEFAULT_SLO_METRICS,
  HEALTH_SCORE_WEIGHTS,
  healthScoreNames,
  DEFAULT_SLO_THRESHOLDS,
  promNumber,
  SloAlerts,
  SloAlertsArgs,
  SloRuleInput,
  sloRuleProblems,
} from "../../../components/kubernetes/monitoring";

const INPUT: SloRuleInput = {
  service: "checkout",
  serviceLabel: "service",
  metrics: DEFAULT_SLO_METRICS,
  thresholds: DEFAULT_SLO_THRESHOLDS,
};

const ratio = (w: string) =>
  `sum by (service) (rate(http_requests_total{service="checkout",code=~"5.."}[${w}]))` +
  ` / sum by (service) (rate(http_requests_total{service="checkout"}[${w}]))`;

describe("buildSloRules", () => {
  const { groups } = buildSloRules(INPUT);
  const [recs, alerts] = groups;

  test("recording rules: request rate, error ratio per burn window, p99 latency, then the health score", () => {
    expect(recs.name).toBe("checkout.slo.records");
    expect(recs.rules.slice(0, 7)).toEqual([
      {
        record: "service:http_requests_total:rate5m",
        expr: 'sum by (service) (rate(http_requests_total{service="checkout"}[5m]))',
      },
      { record: "service:http_requests_total:error_ratio_rate5m", expr: ratio("5m") },
      { record: "service:http_requests_total:error_ratio_rate30m", expr: ratio("30m") },
      { record: "service:http_requests_total:error_ratio_rate1h", expr: ratio("1h") },
      { record: "service:http_requests_total:error_ratio_rate6h", expr: ratio("6h") },
      { record: "service:http_requests_total:error_ratio_rate3d", expr: ratio("3d") },
      {
        record: "service:http_request_duration_seconds:p99_rate5m",
        expr: 'histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket{service="checkout"}[5m])))',
      },
    ]);
    expect(recs.rules.slice(7)).toEqual(
      buildHealthScoreRules({ ...INPUT, revisionLabel: "rollouts_pod_template_hash" }),
    );
  });

  test("the health score: parts per service and revision, then a 0-100 blend of them", () => {
    const names = healthScoreNames(INPUT);
    const rules = buildHealthScoreRules({ ...INPUT, revisionLabel: "rollouts_pod_template_hash" });
    expect(rules.map((r) => r.record)).toEqual([
      names.errors,
      names.latency,
      names.availability,
      names.servicePerPod,
      names.throughput,
      names.score,
    ]);
    expect(names.score).toBe("service_revision:health_score:rate5m");
    const by = "by (service, rollouts_pod_template_hash)";
    const total = `sum ${by} (rate(http_requests_total{service="checkout"}[5m]))`;
    expect(rules[0].expr).toBe(
      `clamp(2 - (sum ${by} (rate(http_requests_total{service="checkout",code=~"5.."}[5m])) or 0 * ${total}) / ${total} / 0.01, 0, 1)`,
    );
    expect(rules[2].expr).toBe(`avg ${by} (up{service="checkout"})`);
    expect(rules[5].expr).toBe(
      '100 * (0.35 * service_revision:health_errors:score_rate5m{service="checkout"}' +
        ' + 0.35 * service_revision:health_latency:score_rate5m{service="checkout"}' +
        ' + 0.15 * service_revision:health_availability:score{service="checkout"}' +
        ' + 0.15 * service_revision:health_throughput:score_rate5m{service="checkout"})',
    );
    const w = HEALTH_SCORE_WEIGHTS;
    expect(w.errors + w.latency + w.availability + w.throughput).toBeCloseTo(1, 12);
  });

  test("revisionLabel changes the health score's grouping; a bad one is a problem", () => {
    const custom = buildSloRules({ ...INPUT, revisionLabel: "revision" });
    expect(custom.groups[0].rules[7].expr).toContain("by (service, revision)");
    expect(sloRuleProblems({ ...INPUT, revisionLabel: "service" }).map((p) => p.arg)).toEqual([
      "revisionLabel",
    ]);
    expect(sloRuleProblems({ ...INPUT, revisionLabel: "bad-label" }).map((p) => p.arg)).toEqual([
      "revisionLabel",
    ]);
  });

  test("multiwindow burn-rate alerts for 99.9 %: 14.4x 1h&5m, 6x 6h&30m (page), 1x 3d&6h (ticket)", () => {
    const burn = alerts.rules.slice(0, 3);
    expect(burn.map((a) => [a.alert, a.expr, a.labels.severity, a.for])).toEqual([
      [
        "ErrorBudgetBurnFast",
        'service:http_requests_total:error_ratio_rate1h{service="checkout"} > 0.0144 and service:http_requests_total:error_ratio_rate5m{service="checkout"} > 0.0144',
        "page",
        undefined,
      ],
      [
        "ErrorBudgetBurnMedium",
        'service:http_requests_total:error_ratio_rate6h{service="checkout"} > 0.006 and service:http_requests_total:error_ratio_rate30m{service="checkout"} > 0.006',
        "page",
        undefined,
      ],
      [
        "ErrorBudgetBurnSlow",
        'service:http_requests_total:error_ratio_rate3d{service="checkout"} > 0.001 and service:http_requests_total:error_ratio_rate6h{service="checkout"} > 0.001',
        "ticket",
        undefined,
      ],
    ]);
    expect(burn[0].labels).toEqual({
      severity: "page",
      service: "checkout",
      slo: "availability",
      long_window: "1h",
      short_window: "5m",
    });
    expect(burn[0].annotations.summary).toBe(
      "checkout is burning its 99.9% availability error budget 14.4x too fast",
    );
  });

  test("p99 latency > 500 ms, error ratio > 1 %, throughput drop below half of last week, no traffic at all", () => {
    const rest = alerts.rules.slice(3);
    expect(rest.map((a) => [a.alert, a.expr, a.for, a.labels.severity])).toEqual([
      [
        "LatencyP99High",
        'service:http_request_duration_seconds:p99_rate5m{service="checkout"} > 0.5',
        "10m",
        "page",
      ],
      [
        "ErrorRatioHigh",
        'service:http_requests_total:error_ratio_rate5m{service="checkout"} > 0.01',
        "10m",
        "page",
      ],
      [
        "ThroughputDrop",
        'service:http_requests_total:rate5m{service="checkout"} < 0.5 * (service:http_requests_total:rate5m{service="checkout"} offset 1w) and (service:http_requests_total:rate5m{service="checkout"} offset 1w) > 1',
        "10m",
        "ticket",
      ],
      ["TrafficAbsent", 'absent(service:http_requests_total:rate5m{service="checkout"})', "10m", "ticket"],
    ]);
    expect(rest[0].annotations.summary).toBe("checkout p99 latency is above 500 ms");
    expect(rest[1].annotations.summary).toBe("checkout error ratio is above 1%");
    expect(rest[0].annotations.runbook_url).toBeUndefined();
  });

  test("thresholds, metric names, the service label and a runbook are honoured", () => {
    const { groups: g } = buildSloRules({
      service: "orders",
      serviceLabel: "job",
      metrics: {
        requests: "grpc_server_handled_total",
        errorMatcher: 'grpc_code!="OK"',
        durationBucket: "grpc_server_handling_seconds_bucket",
      },
      thresholds: {
        ...DEFAULT_SLO_THRESHOLDS,
        availabilityTarget: 0.9995,
        latencyP99Seconds: 0.25,
        for: "5m",
      },
      runbookUrl: "https://runbooks.example/orders",
    });
    expect(g[0].rules[1]).toEqual({
      record: "job:grpc_server_handled_total:error_ratio_rate5m",
      expr: 'sum by (job) (rate(grpc_server_handled_total{job="orders",grpc_code!="OK"}[5m])) / sum by (job) (rate(grpc_server_handled_total{job="orders"}[5m]))',
    });
    expect(g[1].rules[0].expr).toBe(
      'job:grpc_server_handled_total:error_ratio_rate1h{job="orders"} > 0.0072 and job:grpc_server_handled_total:error_ratio_rate5m{job="orders"} > 0.0072',
    );
    expect(g[1].rules[3].expr).toBe('job:grpc_server_handling_seconds:p99_rate5m{job="orders"} > 0.25');
    expect(g[1].rules[3].for).toBe("5m");
    expect(g[1].rules.every((a) => a.annotations.runbook_url === "https://runbooks.example/orders")).toBe(
      true,
    );
  });

  test("promNumber strips floating-point noise", () => {
    expect(promNumber(14.4 * (1 - 0.999))).toBe("0.0144");
    expect(promNumber(0.1 + 0.2)).toBe("0.3");
  });

  test.each<[string, Partial<SloRuleInput> & { t?: Partial<typeof DEFAULT_SLO_THRESHOLDS> }, string]>([
    ["a target of 1", { t: { availabilityTarget: 1 } }, "availabilityTarget"],
    ["a target too low for the burn tiers", { t: { availabilityTarget: 0.9 } }, "availabilityTarget"],
    ["an error ratio of 5", { t: { errorRatio: 5 } }, "errorRatio"],
    ["a negative latency", { t: { latencyP99Seconds: -1 } }, "latencyP99Seconds"],
    ["a drop ratio of 0", { t: { throughputDropRatio: 0 } }, "throughputDropRatio"],
    ["a bad duration", { t: { for: "ten minutes" } }, "for"],
    ["a bad service value", { service: "check out" }, "service"],
    ["a bad label name", { serviceLabel: "service-name" }, "serviceLabel"],
    [
      "a bad metric name",
      { metrics: { ...DEFAULT_SLO_METRICS, requests: "http-requests" } },
      "metrics.requests",
    ],
    [
      "a non-bucket histogram",
      { metrics: { ...DEFAULT_SLO_METRICS, durationBucket: "http_request_duration_seconds" } },
      "metrics.durationBucket",
    ],
    [
      "a bad error matcher",
      { metrics: { ...DEFAULT_SLO_METRICS, errorMatcher: "code>499" } },
      "metrics.errorMatcher",
    ],
  ])("%s is a problem", (_what, change, arg) => {
    const { t, ...rest } = change;
    const problems = sloRuleProblems({ ...INPUT, ...rest, thresholds: { ...DEFAULT_SLO_THRESHOLDS, ...t } });
    expect(problems.map((p) => p.arg)).toContain(arg);
  });

  test("the defaults have no problems", () => {
    expect(sloRuleProblems(INPUT)).toEqual([]);
  });
});

describe("SloAlerts", () => {
  test("creates one PrometheusRule with the groups, governance labels and the namespace", async () => {
    const slo = new SloAlerts("checkout-slo", {
      service: "checkout",
      namespace: "payments",
      labels: { release: "kube-prometheus-stack" },
    });
    await settle();
    const kids = descendants(records, await valueOf(slo.urn));
    expect(kids.map((k) => `${k.type} ${k.name}`)).toEqual([
      "kubernetes:monitoring.coreos.com/v1:PrometheusRule checkout-slo-rules",
    ]);
    const inputs = kids[0].inputs as Record<string, any>;
    expect(inputs.apiVersion).toBe("monitoring.coreos.com/v1");
    expect(inputs.kind).toBe("PrometheusRule");
    expect(inputs.metadata).toEqual({
      name: "checkout-slo",
      namespace: "payments",
      labels: expect.objectContaining({
        release: "kube-prometheus-stack",
        "paved.dev/pattern": "SloAlerts",
        "paved.dev/app-id": "payments-api",
        "paved.dev/environment": "dev",
      }),
    });
    expect(inputs.spec).toEqual(buildSloRules(INPUT));
    expect(slo.groups).toEqual(buildSloRules(INPUT).groups);
    expect(await valueOf(slo.ruleName)).toBe("checkout-slo");
    expect(kids.map((k) => k.urn)).toMatchSnapshot("urns");
  });

  test("threshold overrides reach the rule", async () => {
    const slo = new SloAlerts("strict", {
      service: "checkout",
      namespace: "payments",
      thresholds: { latencyP99Seconds: 0.3 },
      ruleName: "checkout-strict",
    });
    expect(slo.groups[1].rules.find((a) => a.alert === "LatencyP99High")!.expr).toMatch(/ > 0\.3$/);
    await settle();
    const kids = descendants(records, await valueOf(slo.urn));
    expect((kids[0].inputs.metadata as { name: string }).name).toBe("checkout-strict");
  });

  test.each<[string, Partial<SloAlertsArgs>, string, string]>([
    ["an invalid rule name", { ruleName: "Checkout SLO" }, "PAVED_NAME_CHARS", "ruleName"],
    [
      "an availability target of 99.9 written as a percentage",
      { thresholds: { availabilityTarget: 99.9 } },
      "PAVED_K8S_SLO_THRESHOLD",
      "availabilityTarget",
    ],
    ["an invalid service", { service: "" }, "PAVED_K8S_SLO_SERVICE", "service"],
    ["an invalid namespace", { namespace: "Payments" }, "PAVED_NAME_CHARS", "namespace"],
    [
      "a runbook that is not a URL",
      { runbookUrl: "see the wiki" },
      "PAVED_K8S_SLO_RUNBOOK_URL",
      "runbookUrl",
    ],
    [
      "a runbook that is not http(s)",
      { runbookUrl: "javascript:alert(1)" },
      "PAVED_K8S_SLO_RUNBOOK_URL",
      "runbookUrl",
    ],
  ])("%s is refused", (_what, change, code, arg) => {
    let err: unknown;
    try {
      new SloAlerts("bad-slo", { service: "checkout", namespace: "payments", ...change });
    } catch (e) {
      err = e;
    }
    expect(PavedValidationError.isInstance(err)).toBe(true);
    const e = err as PavedValidationError;
    expect(e.problems.map((p) => [p.code, p.arg])).toContainEqual([code, arg]);
    expect(e.message).toContain(`SloAlerts "bad-slo": ${arg} `);
  });
});
