/**
 * The canary gates and the health score, evaluated: the generated PromQL runs
 * (promql-eval.ts, on Prometheus' own parser) over sample series of a service
 * with stable and canary pods, and each gate's successCondition is applied the
 * way Argo Rollouts does (`result[0] <= x`; NaN fails; no result is an error).
 */
import { gateSpec } from "./gate-fixtures";
import {
  buildSloRules,
  DEFAULT_SLO_METRICS,
  DEFAULT_SLO_THRESHOLDS,
  healthScoreNames,
} from "../../../components/kubernetes/monitoring";
import { analysisTemplateSpec, GateSpec } from "../../../components/kubernetes/rollout";
import { instant, Series } from "./promql-eval";

const NOW = 600;
const STEP = 15;
const STABLE = "6d4f8b9c7";
const CANARY = "5c9a7e6f2";

/** Cumulative share of requests at or under each bucket bound, seconds. */
type Latency = Record<string, number>;
/** p99 about 0.24 s. */
const FAST: Latency = { "0.05": 0.5, "0.1": 0.9, "0.25": 0.995, "0.5": 1, "1": 1, "+Inf": 1 };
/** p99 about 0.5 s: within the absolute 0.5 s gate, twice stable's. */
const SLOW: Latency = { "0.05": 0.1, "0.1": 0.3, "0.25": 0.7, "0.5": 0.99, "1": 1, "+Inf": 1 };

interface Revision {
  readonly hash: string;
  readonly pods: number;
  /** Requests per second per pod. */
  readonly rps: number;
  readonly errorRatio: number;
  readonly latency: Latency;
}

/** Counter series of one service: requests by code, duration buckets and `up`, per pod, every 15 s up to NOW. */
function series(revisions: readonly Revision[]): Series[] {
  const out: Series[] = [];
  const times = Array.from({ length: NOW / STEP + 1 }, (_, i) => i * STEP);
  const counter = (labels: Record<string, string>, perSecond: number) =>
    out.push({ labels, samples: times.map((t) => [t, t * perSecond] as const) });
  for (const r of revisions) {
    for (let p = 0; p < r.pods; p++) {
      const base = { service: "api", rollouts_pod_template_hash: r.hash, pod: `api-${r.hash}-${p}` };
      counter({ __name__: "http_requests_total", ...base, code: "200" }, r.rps * (1 - r.errorRatio));
      // A revision with no failed request has no 5xx series at all, as with real client libraries.
      if (r.errorRatio > 0)
        counter({ __name__: "http_requests_total", ...base, code: "500" }, r.rps * r.errorRatio);
      for (const [le, share] of Object.entries(r.latency)) {
        counter({ __name__: "http_request_duration_seconds_bucket", ...base, le }, r.rps * share);
      }
      out.push({ labels: { __name__: "up", ...base }, samples: times.map((t) => [t, 1] as const) });
    }
  }
  return out;
}

const GATES: GateSpec = gateSpec({ healthScoreRecord: healthScoreNames({ serviceLabel: "service" }).score });

/** The SLO and health-score recording rules, evaluated in order at NOW, their results added as series. */
function withRecordingRules(store: Series[]): Series[] {
  const all = [...store];
  const { groups } = buildSloRules({
    service: "api",
    serviceLabel: "service",
    metrics: DEFAULT_SLO_METRICS,
    thresholds: DEFAULT_SLO_THRESHOLDS,
  });
  for (const rule of groups[0].rules) {
    for (const s of instant(rule.expr, all, NOW)) {
      all.push({ labels: { ...s.labels, __name__: rule.record }, samples: [[NOW, s.value]] });
    }
  }
  return all;
}

type Outcome = "pass" | "fail" | "error";

/** Runs every gate of the AnalysisTemplate as Argo would for one measurement. */
function judge(
  store: Series[],
  gates: GateSpec = GATES,
): Record<string, { outcome: Outcome; value?: number }> {
  const spec = analysisTemplateSpec(gates);
  const all = withRecordingRules(store);
  const out: Record<string, { outcome: Outcome; value?: number }> = {};
  for (const m of spec.metrics) {
    const query = m.provider.prometheus.query
      .replace(/\{\{args\.service\}\}/g, "api")
      .replace(/\{\{args\.canary-hash\}\}/g, CANARY)
      .replace(/\{\{args\.stable-hash\}\}/g, STABLE);
    const result = instant(query, all, NOW);
    const cond = /^result\[0\] (<=|>=) ([\d.]+)$/.exec(m.successCondition)!;
    if (result.length === 0) {
      out[m.name] = { outcome: "error" };
      continue;
    }
    const v = result[0].value;
    const ok = cond[1] === "<=" ? v <= Number(cond[2]) : v >= Number(cond[2]);
    out[m.name] = { outcome: ok ? "pass" : "fail", value: v };
  }
  return out;
}

const outcomes = (r: ReturnType<typeof judge>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.outcome]));

const stable = (over: Partial<Revision> = {}): Revision => ({
  hash: STABLE,
  pods: 9,
  rps: 10,
  errorRatio: 0.001,
  latency: FAST,
  ...over,
});
const canary = (over: Partial<Revision> = {}): Revision => ({
  hash: CANARY,
  pods: 1,
  rps: 10,
  errorRatio: 0.001,
  latency: FAST,
  ...over,
});

describe("canary gates on sample series (10 % weight: 1 canary pod, 9 stable pods, 10 req/s each)", () => {
  test("the old service-wide query would pass a canary failing 5 % of its requests", () => {
    const store = series([stable(), canary({ errorRatio: 0.05 })]);
    const [serviceWide] = instant(
      'sum(rate(http_requests_total{service="api",code=~"5.."}[1m])) / sum(rate(http_requests_total{service="api"}[1m]))',
      store,
      NOW,
    );
    expect(serviceWide.value).toBeCloseTo(0.0059, 4);
    expect(serviceWide.value).toBeLessThan(0.01);
  });

  test("a canary at 5 % errors fails the error gates and the health score", () => {
    const r = judge(series([stable(), canary({ errorRatio: 0.05 })]));
    expect(r["error-ratio"]).toEqual({ outcome: "fail", value: expect.closeTo(0.05, 6) });
    expect(r["error-ratio-vs-stable"]).toEqual({ outcome: "fail", value: expect.closeTo(0.049, 6) });
    expect(r["health-score"]).toEqual({ outcome: "fail", value: expect.closeTo(65, 6) });
    expect(r["latency-p99"].outcome).toBe("pass");
    expect(r["latency-p99-vs-stable"].outcome).toBe("pass");
  });

  test("a healthy canary passes every gate, with a full health score", () => {
    const r = judge(series([stable(), canary()]));
    expect(outcomes(r)).toEqual({
      "latency-p99": "pass",
      "error-ratio": "pass",
      "error-ratio-vs-stable": "pass",
      "latency-p99-vs-stable": "pass",
      "health-score": "pass",
    });
    expect(r["health-score"].value).toBeCloseTo(100, 6);
    expect(r["latency-p99"].value).toBeCloseTo(0.1 + (0.15 * 0.09) / 0.095, 6);
    expect(r["error-ratio-vs-stable"].value).toBeCloseTo(0, 9);
  });

  test("a canary with no failed request at all (no 5xx series) reads 0 errors, not an empty result", () => {
    const r = judge(series([stable(), canary({ errorRatio: 0 })]));
    expect(r["error-ratio"]).toEqual({ outcome: "pass", value: 0 });
    expect(Object.values(outcomes(r))).not.toContain("error");
    expect(Object.values(outcomes(r)).every((o) => o === "pass")).toBe(true);
  });

  test("a canary twice as slow as stable passes the absolute p99 gate but fails the comparison", () => {
    const r = judge(series([stable(), canary({ latency: SLOW })]));
    expect(r["latency-p99"]).toEqual({ outcome: "pass", value: expect.closeTo(0.5, 6) });
    expect(r["latency-p99-vs-stable"].outcome).toBe("fail");
    expect(r["latency-p99-vs-stable"].value).toBeGreaterThan(2);
  });

  test("a canary a little worse than stable, within the floor, passes", () => {
    const r = judge(series([stable(), canary({ errorRatio: 0.004 })]));
    expect(r["error-ratio-vs-stable"]).toEqual({ outcome: "pass", value: expect.closeTo(0.003, 6) });
    expect(r["error-ratio"].outcome).toBe("pass");
  });

  test("stable at the gate's limit does not excuse a canary above it: the absolute gate still fails", () => {
    const r = judge(series([stable({ errorRatio: 0.012 }), canary({ errorRatio: 0.014 })]));
    expect(r["error-ratio-vs-stable"].outcome).toBe("pass");
    expect(r["error-ratio"].outcome).toBe("fail");
  });

  test("with no stable pods left (the 100 % step) the comparisons read the canary against itself", () => {
    const r = judge(series([canary({ pods: 3 })]));
    expect(r["error-ratio-vs-stable"]).toEqual({ outcome: "pass", value: 0 });
    expect(r["latency-p99-vs-stable"]).toEqual({ outcome: "pass", value: 1 });
    expect(outcomes(r)["error-ratio"]).toBe("pass");
  });

  test("a canary that gets no traffic never passes: NaN fails, no series is an error", () => {
    const r = judge(series([stable(), canary({ rps: 0 })]));
    expect(r["error-ratio"].outcome).toBe("fail");
    expect(Number.isNaN(r["error-ratio"].value)).toBe(true);
    expect(r["health-score"].outcome).toBe("fail");
    const none = judge(series([stable()]));
    expect(none["error-ratio"].outcome).toBe("error");
    expect(none["latency-p99"].outcome).toBe("error");
  });

  test("a canary that serves fewer requests per pod than the service loses up to the throughput part's 15 points", () => {
    // Per pod: canary 2 req/s against the service's (90 + 2) / 10 = 9.2; the part is (2 / 9.2) / 0.5 = 0.43.
    const some = judge(series([stable(), canary({ rps: 2 })]));
    expect(some["health-score"]).toEqual({
      outcome: "pass",
      value: expect.closeTo(100 - 15 * (1 - 2 / 9.2 / 0.5), 6),
    });
    // 0.5 req/s against 9.05: the part is 0.11, the score 86.7, under 90.
    const starved = judge(series([stable(), canary({ rps: 0.5 })]));
    expect(starved["health-score"]).toEqual({
      outcome: "fail",
      value: expect.closeTo(100 - 15 * (1 - 0.5 / 9.05 / 0.5), 6),
    });
  });

  test("a canary whose pods do not all answer scrapes loses the availability part", () => {
    const down = (s: Series) => s.labels.__name__ === "up" && s.labels.pod === `api-${CANARY}-1`;
    const store = series([stable(), canary({ pods: 2 })]).map((s) =>
      down(s) ? { ...s, samples: s.samples.map(([t]) => [t, 0] as const) } : s,
    );
    const r = judge(store);
    // Half the canary's pods answer: availability 0.5 (-7.5). Both still serve, so per pod up it serves more than the service: throughput 1.
    expect(r["health-score"].value).toBeCloseTo(92.5, 6);
  });
});
