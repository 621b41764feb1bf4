import {
  albSignals,
  buildHealthScore,
  DEFAULT_HEALTH_WEIGHTS,
  gateRule,
  HealthQuery,
  HealthSignals,
  HealthTargets,
  MAX_EXPRESSION_LENGTH,
  partExpressions,
  validateHealthTargets,
} from "../../../components/aws/monitoring/health-expression";

/**
 * A small evaluator for the subset of CloudWatch metric math the score uses
 * (numbers, ids, + - * /, comparisons, IF, FILL), with CloudWatch's semantics
 * for one datapoint: a missing metric is `undefined`, FILL replaces it, and any
 * other operation on a missing value is missing.
 */
type V = number | undefined;
function evaluate(expression: string, vars: Record<string, V>): V {
  const tokens = expression.match(/\d+(\.\d+)?|[A-Za-z_]\w*|>=|<=|==|!=|[-+*/(),<>]/g) ?? [];
  expect(tokens.join("")).toBe(expression.replace(/\s+/g, ""));
  let i = 0;
  const peek = () => tokens[i];
  const take = (t?: string) => {
    const tok = tokens[i++];
    if (t !== undefined && tok !== t) throw new Error(`expected ${t} at ${i - 1}, got ${tok}`);
    return tok;
  };
  const bin = (a: V, b: V, f: (x: number, y: number) => number): V =>
    a === undefined || b === undefined ? undefined : f(a, b);
  function primary(): V {
    const tok = take();
    if (tok === "(") {
      const v = expr();
      take(")");
      return v;
    }
    if (tok === "-") return bin(0, primary(), (x, y) => x - y);
    if (/^\d/.test(tok)) return Number(tok);
    if (peek() === "(") {
      take("(");
      const args: V[] = [expr()];
      while (peek() === ",") {
        take(",");
        args.push(expr());
      }
      take(")");
      if (tok === "IF") return args[0] === undefined ? undefined : args[0] !== 0 ? args[1] : args[2];
      if (tok === "FILL") return args[0] ?? args[1];
      throw new Error(`unknown function ${tok}`);
    }
    if (!(tok in vars)) throw new Error(`unknown id ${tok}`);
    return vars[tok];
  }
  function mul(): V {
    let v = primary();
    while (peek() === "*" || peek() === "/") {
      const op = take();
      v = bin(v, primary(), op === "*" ? (x, y) => x * y : (x, y) => x / y);
    }
    return v;
  }
  function add(): V {
    let v = mul();
    while (peek() === "+" || peek() === "-") {
      const op = take();
      v = bin(v, mul(), op === "+" ? (x, y) => x + y : (x, y) => x - y);
    }
    return v;
  }
  function expr(): V {
    const left = add();
    const op = peek();
    const cmp: Record<string, (x: number, y: number) => boolean> = {
      ">": (x, y) => x > y,
      "<": (x, y) => x < y,
      ">=": (x, y) => x >= y,
      "<=": (x, y) => x <= y,
      "==": (x, y) => x === y,
      "!=": (x, y) => x !== y,
    };
    if (op in cmp) {
      take();
      return bin(left, add(), (x, y) => (cmp[op](x, y) ? 1 : 0));
    }
    return left;
  }
  const out = expr();
  expect(i).toBe(tokens.length);
  return out;
}

const ALB = albSignals("app/web/1", "targetgroup/web/2");
const TARGETS: HealthTargets = {
  latencyTargetMs: 500,
  errorRateLimitPercent: 1,
  throughputBaseline: 1000,
  weights: DEFAULT_HEALTH_WEIGHTS,
};

function scoreExpression(signals: HealthSignals<string> = ALB, t: HealthTargets = TARGETS): string {
  const q = buildHealthScore(signals, t).find((x) => x.kind === "expression");
  if (!q || q.kind !== "expression") throw new Error("no expression");
  return q.expression;
}

/** A healthy minute: 0.2 s p99, 0 errors, 1,200 requests, 4 healthy hosts. */
const HEALTHY = { lat: 0.2, err: undefined, req: 1200, hh: 4, uh: 0 } as Record<string, V>;

describe("health score expression", () => {
  test("a healthy service scores 100", () => {
    expect(evaluate(scoreExpression(), HEALTHY)).toBeCloseTo(100);
  });

  test("latency: full marks up to the target, half at 1.5x, none at 2x", () => {
    const latency = (s: number) => evaluate(partExpressions(ALB, TARGETS).latency, { ...HEALTHY, lat: s });
    expect(latency(0.5)).toBe(1);
    expect(latency(0.75)).toBeCloseTo(0.5);
    expect(latency(1.0)).toBe(0);
    expect(latency(3)).toBe(0);
    // Whole score: only the latency weight (0.30) is lost at 2x the target.
    expect(evaluate(scoreExpression(), { ...HEALTHY, lat: 1.0 })).toBeCloseTo(70);
  });

  test("errors: linear from 0 % to the limit (1 % by default)", () => {
    expect(evaluate(scoreExpression(), { ...HEALTHY, err: 6, req: 1200 })).toBeCloseTo(100 - 35 * 0.5);
    expect(evaluate(scoreExpression(), { ...HEALTHY, err: 12, req: 1200 })).toBeCloseTo(65);
    expect(evaluate(scoreExpression(), { ...HEALTHY, err: 600, req: 1200 })).toBeCloseTo(65);
  });

  test("throughput: requests against the baseline, capped at 1", () => {
    expect(evaluate(scoreExpression(), { ...HEALTHY, req: 500 })).toBeCloseTo(100 - 10 * 0.5);
    expect(evaluate(scoreExpression(), { ...HEALTHY, req: 5000 })).toBeCloseTo(100);
  });

  test("availability: healthy share of hosts", () => {
    expect(evaluate(scoreExpression(), { ...HEALTHY, hh: 3, uh: 1 })).toBeCloseTo(100 - 25 * 0.25);
    expect(evaluate(scoreExpression(), { ...HEALTHY, hh: 0, uh: 0 })).toBeCloseTo(75);
  });

  test("no traffic at all: latency and errors full, throughput zero", () => {
    expect(
      evaluate(scoreExpression(), { lat: undefined, err: undefined, req: undefined, hh: 2, uh: 0 }),
    ).toBeCloseTo(90);
  });

  test("an outage scores near 0: only the trickle of traffic still counts", () => {
    // 100 of 1,000 baseline requests, all failing, slow, no healthy host: 100 * 0.10 * 0.1.
    expect(evaluate(scoreExpression(), { lat: 5, err: 100, req: 100, hh: 0, uh: 4 })).toBeCloseTo(1);
    // No requests at all: no errors either, so only the errors part (0.35) remains: still far below the gate.
    expect(evaluate(scoreExpression(), { lat: 5, err: 0, req: 0, hh: 0, uh: 4 })).toBeCloseTo(35);
  });

  test("weights change the blend; zero weights drop their part and its metrics", () => {
    const t: HealthTargets = {
      ...TARGETS,
      throughputBaseline: undefined,
      weights: { latency: 0.5, errors: 0.5, throughput: 0, availability: 0 },
    };
    const queries = buildHealthScore(ALB, t);
    expect(queries.map((q) => q.id)).toEqual(["lat", "err", "req", "score"]);
    const e = scoreExpression(ALB, t);
    expect(e).not.toMatch(/\bhh\b|\buh\b/);
    expect(evaluate(e, { lat: 1.0, err: undefined, req: 10 })).toBeCloseTo(50);
  });

  test("a custom source with latency in ms and a success percentage", () => {
    const dims = { FunctionName: "fn" };
    const signals: HealthSignals<string> = {
      latency: {
        namespace: "AWS/Lambda",
        metricName: "Duration",
        stat: "p99",
        dimensions: dims,
        unit: "milliseconds",
      },
      errors: { namespace: "AWS/Lambda", metricName: "Errors", stat: "Sum", dimensions: dims },
      requests: { namespace: "AWS/Lambda", metricName: "Invocations", stat: "Sum", dimensions: dims },
      availability: {
        kind: "percent",
        metric: {
          namespace: "CloudWatchSynthetics",
          metricName: "SuccessPercent",
          stat: "Average",
          dimensions: { CanaryName: "c" },
        },
      },
    };
    const queries = buildHealthScore(signals, TARGETS);
    expect(queries.map((q) => q.id)).toEqual(["lat", "err", "req", "av", "score"]);
    const e = scoreExpression(signals);
    expect(evaluate(e, { lat: 400, err: 0, req: 1000, av: 100 })).toBeCloseTo(100);
    expect(evaluate(e, { lat: 750, err: 0, req: 1000, av: 50 })).toBeCloseTo(100 - 15 - 12.5);
  });

  test("the expression fits CloudWatch's 2,048-character limit", () => {
    expect(scoreExpression().length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
  });

  test("the ALB source reads the documented metrics", () => {
    const metrics = buildHealthScore(ALB, TARGETS).filter(
      (q): q is Extract<HealthQuery<string>, { kind: "metric" }> => q.kind === "metric",
    );
    expect(metrics.map((q) => [q.id, q.metric.metricName, q.metric.stat])).toEqual([
      ["lat", "TargetResponseTime", "p99"],
      ["err", "HTTPCode_Target_5XX_Count", "Sum"],
      ["req", "RequestCount", "Sum"],
      ["hh", "HealthyHostCount", "Minimum"],
      ["uh", "UnHealthyHostCount", "Maximum"],
    ]);
    expect(metrics[0].metric.dimensions).toEqual({
      TargetGroup: "targetgroup/web/2",
      LoadBalancer: "app/web/1",
    });
  });
});

describe("health score validation", () => {
  const codes = (t: Partial<HealthTargets>) => validateHealthTargets(t).map((p) => p.code);

  test("the default weights sum to 1 and pass", () => {
    const w = DEFAULT_HEALTH_WEIGHTS;
    expect(w.latency + w.errors + w.throughput + w.availability).toBeCloseTo(1, 12);
    expect(validateHealthTargets(TARGETS)).toEqual([]);
  });

  test("weights that do not sum to 1 are refused with the sum in the message", () => {
    const [p] = validateHealthTargets({
      ...TARGETS,
      weights: { latency: 0.5, errors: 0.5, throughput: 0.1, availability: 0.1 },
    });
    expect(p.code).toBe("PAVED_HEALTH_WEIGHTS_SUM");
    expect(p.problem).toBe("sum to 1.2");
    expect(p.fix).toContain("equal 1");
  });

  test("floating-point sums such as 0.1 + 0.2 + 0.3 + 0.4 pass", () => {
    expect(
      codes({ ...TARGETS, weights: { latency: 0.1, errors: 0.2, throughput: 0.3, availability: 0.4 } }),
    ).toEqual([]);
  });

  test.each([
    [
      { weights: { latency: -0.1, errors: 0.6, throughput: 0.25, availability: 0.25 } },
      "PAVED_HEALTH_WEIGHT_RANGE",
    ],
    [{ latencyTargetMs: -5 }, "PAVED_THRESHOLD_RANGE"],
    [{ latencyTargetMs: 0 }, "PAVED_THRESHOLD_RANGE"],
    [{ errorRateLimitPercent: 101 }, "PAVED_THRESHOLD_RANGE"],
    [{ errorRateLimitPercent: 0 }, "PAVED_THRESHOLD_RANGE"],
    [{ throughputBaseline: -1 }, "PAVED_THRESHOLD_RANGE"],
    [{ throughputBaseline: undefined }, "PAVED_HEALTH_BASELINE_MISSING"],
  ] as const)("refuses %j with %s", (change, code) => {
    expect(codes({ ...TARGETS, ...change } as Partial<HealthTargets>)).toEqual([code]);
  });

  test("no baseline is needed when the throughput weight is 0", () => {
    expect(
      codes({
        latencyTargetMs: 500,
        weights: { latency: 0.4, errors: 0.4, throughput: 0, availability: 0.2 },
      }),
    ).toEqual([]);
  });
});

test("the gate rule ORs the score alarm with every critical alarm", () => {
  expect(gateRule("svc-score", ["a-1", "b-2"])).toBe('ALARM("svc-score") OR ALARM("a-1") OR ALARM("b-2")');
  expect(gateRule("only", [])).toBe('ALARM("only")');
});
