/**
 * The test evaluator (promql-eval.ts) against results worked out by hand, so
 * the gate tests rest on arithmetic that is itself checked.
 */
import { instant, Series } from "./promql-eval";

const ramp = (labels: Record<string, string>, perSecond: number, reset?: number): Series => ({
  labels,
  samples: Array.from({ length: 5 }, (_, i) => {
    const t = i * 15;
    const v = reset !== undefined && t >= reset ? (t - reset) * perSecond : t * perSecond;
    return [t, v] as const;
  }),
});

const STORE: Series[] = [
  ramp({ __name__: "req", svc: "a", rev: "x", code: "200" }, 9),
  ramp({ __name__: "req", svc: "a", rev: "x", code: "500" }, 1),
  ramp({ __name__: "req", svc: "a", rev: "y", code: "200" }, 4),
  ramp({ __name__: "req", svc: "b", rev: "z", code: "200" }, 2, 30),
  ...[
    ["0.1", 50],
    ["0.5", 90],
    ["1", 100],
    ["+Inf", 100],
  ].map(([le, v]) => ({
    labels: { __name__: "lat_bucket", svc: "a", le: String(le) },
    samples: [[60, Number(v)]] as const,
  })),
];

const one = (expr: string) => instant(expr, STORE, 60).map((s) => [s.labels, s.value]);

test("rate over a counter, with a counter reset", () => {
  expect(one('rate(req{svc="a",rev="x",code="200"}[1m])')).toEqual([
    [{ svc: "a", rev: "x", code: "200" }, 9],
  ]);
  // Reset at 30 s: 30 counted before it, 60 after it (from 0), over the 60 s between first and last sample.
  expect(one('rate(req{svc="b"}[2m])')[0][1]).toBeCloseTo((30 + 60) / 60, 9);
});

test("sum by, division with one-to-one matching, and `or` filling a missing side", () => {
  expect(one('sum by (rev) (rate(req{code=~"5.."}[1m])) / sum by (rev) (rate(req{svc="a"}[1m]))')).toEqual([
    [{ rev: "x" }, 0.1],
  ]);
  const filled = one(
    'sum by (rev) (rate(req{svc="a",code=~"5.."}[1m])) or 0 * sum by (rev) (rate(req{svc="a"}[1m]))',
  );
  expect(filled).toEqual([
    [{ rev: "x" }, 1],
    [{ rev: "y" }, 0],
  ]);
});

test("on (...) group_left keeps the left side's labels", () => {
  expect(one("sum by (svc, rev) (rate(req[1m])) / on (svc) group_left sum by (svc) (rate(req[1m]))")).toEqual(
    [
      [{ svc: "a", rev: "x" }, 10 / 14],
      [{ svc: "a", rev: "y" }, 4 / 14],
      [{ svc: "b", rev: "z" }, 1],
    ],
  );
});

test("histogram_quantile interpolates inside the bucket", () => {
  // rank 0.9 * 100 = 90: the top of the 0.5 bucket; rank 0.7 * 100 = 70: half way through 0.1..0.5.
  expect(one("histogram_quantile(0.9, lat_bucket)")).toEqual([[{ svc: "a" }, 0.5]]);
  expect(one("histogram_quantile(0.7, lat_bucket)")[0][1]).toBeCloseTo(0.3, 9);
});

test("clamp, comparison filters and count", () => {
  expect(one('clamp(2 - sum(rate(req{svc="a"}[1m])) / 7, 0, 1)')).toEqual([[{}, 0]]);
  expect(one("count(rate(req[1m]) > 3)")).toEqual([[{}, 2]]);
});

test("what it cannot read it refuses, instead of guessing", () => {
  expect(() => one("quantile(0.5, req)")).toThrow(/unsupported/);
  expect(() => one("sum(rate(req[1m]) offset 1m)")).toThrow(/unsupported/);
  expect(() => one("sum by (rev (req)")).toThrow(/syntax error/);
});
