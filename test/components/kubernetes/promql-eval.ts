/**
 * A small PromQL evaluator for tests: it walks the tree of Prometheus' own
 * parser (@prometheus-io/lezer-promql) and computes an instant query over
 * sample series, for the operators the components generate: selectors with
 * =, !=, =~, !~ matchers; rate over counters (with counter resets); sum, avg,
 * count, min, max by/without; + - * / with scalars and vectors, one-to-one
 * and `on (...) group_left` matching; comparisons (filtering); and, or,
 * unless; clamp, clamp_min, clamp_max, histogram_quantile, vector, abs.
 *
 * Simplifications, stated so a test never leans on them: `rate` divides the
 * increase by the time between the first and last sample in the window (no
 * extrapolation to the window's edges), and the lookback of an instant
 * selector is 5 minutes. Anything else throws "unsupported", so a generated
 * query this cannot read fails the test instead of passing.
 *
 * No well-kept PromQL evaluator is on npm (only parsers and query builders),
 * hence this one.
 */
import { parser } from "@prometheus-io/lezer-promql";
import type { SyntaxNode } from "@lezer/common";

export type Labels = Record<string, string>;
/** A stored series: its labels (the metric name under `__name__`) and [time s, value] samples. */
export interface Series {
  readonly labels: Labels;
  readonly samples: readonly (readonly [number, number])[];
}
export interface Sample {
  readonly labels: Labels;
  readonly value: number;
}
type RangeSeries = { labels: Labels; samples: (readonly [number, number])[] };
type Value =
  | { kind: "scalar"; value: number }
  | { kind: "vector"; samples: Sample[] }
  | { kind: "matrix"; series: RangeSeries[] }
  | { kind: "string"; value: string };

const LOOKBACK = 300;

/** Seconds in a PromQL duration (`1m`, `5m`, `1h30m`). */
export function durationSeconds(text: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  let total = 0;
  const re = /(\d+)(ms|s|m|h|d|w|y)/g;
  let m: RegExpExecArray | null;
  let consumed = "";
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * units[m[2]];
    consumed += m[0];
  }
  if (consumed !== text) throw new Error(`unsupported duration "${text}"`);
  return total;
}

const kids = (n: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};

const unquote = (s: string): string => JSON.parse(s.startsWith('"') ? s : `"${s.slice(1, -1)}"`) as string;

function withoutName(l: Labels): Labels {
  const { __name__: _drop, ...rest } = l;
  return rest;
}

const key = (l: Labels): string =>
  JSON.stringify(
    Object.keys(l)
      .sort()
      .map((k) => [k, l[k]]),
  );

/** Evaluates `expr` at time `t` (seconds) over `store`. */
export function evaluate(expr: string, store: readonly Series[], t: number): Value {
  const tree = parser.parse(expr);
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) throw new Error(`syntax error at ${n.from} in ${expr}`);
    },
  });
  const text = (n: SyntaxNode) => expr.slice(n.from, n.to);

  const matchers = (n: SyntaxNode | undefined): ((l: Labels) => boolean)[] => {
    if (!n) return [];
    return kids(n)
      .filter((m) => m.name === "UnquotedLabelMatcher")
      .map((m) => {
        const [name, op, str] = kids(m);
        const label = text(name);
        const value = unquote(text(str));
        const re = new RegExp(`^(?:${value})$`);
        switch (text(op)) {
          case "=":
            return (l: Labels) => (l[label] ?? "") === value;
          case "!=":
            return (l: Labels) => (l[label] ?? "") !== value;
          case "=~":
            return (l: Labels) => re.test(l[label] ?? "");
          case "!~":
            return (l: Labels) => !re.test(l[label] ?? "");
          default:
            throw new Error(`unsupported matcher ${text(m)}`);
        }
      });
  };

  const select = (n: SyntaxNode): Series[] => {
    const id = n.getChild("Identifier");
    const ms = matchers(n.getChild("LabelMatchers") ?? undefined);
    return store.filter(
      (s) => (id === null || s.labels.__name__ === text(id)) && ms.every((m) => m(s.labels)),
    );
  };

  const vec = (v: Value, what: string): Sample[] => {
    if (v.kind !== "vector") throw new Error(`${what} needs an instant vector`);
    return v.samples;
  };
  const num = (v: Value, what: string): number => {
    if (v.kind !== "scalar") throw new Error(`${what} needs a scalar`);
    return v.value;
  };

  const grouping = (n: SyntaxNode | null): string[] =>
    n
      ? kids(n)
          .filter((c) => c.name === "LabelName")
          .map(text)
      : [];

  const evalNode = (n: SyntaxNode): Value => {
    switch (n.name) {
      case "PromQL":
      case "ParenExpr":
        return evalNode(kids(n).find((c) => c.type.is("Expr"))!);
      case "NumberDurationLiteral":
        return { kind: "scalar", value: Number(text(n)) };
      case "StringLiteral":
        return { kind: "string", value: unquote(text(n)) };
      case "VectorSelector": {
        const samples: Sample[] = [];
        for (const s of select(n)) {
          const last = [...s.samples].reverse().find(([ts]) => ts <= t && t - ts <= LOOKBACK);
          if (last) samples.push({ labels: { ...s.labels }, value: last[1] });
        }
        return { kind: "vector", samples };
      }
      case "MatrixSelector": {
        const sel = n.getChild("VectorSelector");
        if (!sel) throw new Error(`unsupported range over ${text(n)}`);
        const d = durationSeconds(text(n.getChild("DurationExpr")!));
        return {
          kind: "matrix",
          series: select(sel).map((s) => ({
            labels: { ...s.labels },
            samples: s.samples.filter(([ts]) => ts > t - d && ts <= t),
          })),
        };
      }
      case "UnaryExpr": {
        const [op, e] = kids(n);
        const v = evalNode(e);
        const sign = text(op) === "-" ? -1 : 1;
        if (v.kind === "scalar") return { kind: "scalar", value: sign * v.value };
        return {
          kind: "vector",
          samples: vec(v, "unary").map((s) => ({ labels: withoutName(s.labels), value: sign * s.value })),
        };
      }
      case "FunctionCall":
        return call(n);
      case "AggregateExpr":
        return aggregate(n);
      case "BinaryExpr":
        return binary(n);
      default:
        throw new Error(`unsupported ${n.name}: ${text(n)}`);
    }
  };

  const call = (n: SyntaxNode): Value => {
    const fn = text(n.getChild("FunctionIdentifier")!);
    const args = kids(n.getChild("FunctionCallBody")!)
      .filter((c) => c.type.is("Expr"))
      .map(evalNode);
    const map = (v: Value, f: (x: number) => number): Value => ({
      kind: "vector",
      samples: vec(v, fn).map((s) => ({ labels: withoutName(s.labels), value: f(s.value) })),
    });
    switch (fn) {
      case "rate": {
        if (args[0].kind !== "matrix") throw new Error("rate needs a range vector");
        const samples: Sample[] = [];
        for (const s of args[0].series) {
          if (s.samples.length < 2) continue;
          let increase = 0;
          for (let i = 1; i < s.samples.length; i++) {
            const [prev, cur] = [s.samples[i - 1][1], s.samples[i][1]];
            increase += cur >= prev ? cur - prev : cur; // a reset starts from 0
          }
          const span = s.samples[s.samples.length - 1][0] - s.samples[0][0];
          samples.push({ labels: withoutName(s.labels), value: increase / span });
        }
        return { kind: "vector", samples };
      }
      case "clamp": {
        const [lo, hi] = [num(args[1], fn), num(args[2], fn)];
        return map(args[0], (x) => (Number.isNaN(x) ? NaN : Math.min(Math.max(x, lo), hi)));
      }
      case "clamp_min": {
        const lo = num(args[1], fn);
        return map(args[0], (x) => (Number.isNaN(x) ? NaN : Math.max(x, lo)));
      }
      case "clamp_max": {
        const hi = num(args[1], fn);
        return map(args[0], (x) => (Number.isNaN(x) ? NaN : Math.min(x, hi)));
      }
      case "abs":
        return map(args[0], Math.abs);
      case "vector":
        return { kind: "vector", samples: [{ labels: {}, value: num(args[0], fn) }] };
      case "histogram_quantile":
        return { kind: "vector", samples: histogramQuantile(num(args[0], fn), vec(args[1], fn)) };
      default:
        throw new Error(`unsupported function ${fn}`);
    }
  };

  const aggregate = (n: SyntaxNode): Value => {
    const op = text(n.getChild("AggregateOp")!);
    const mod = n.getChild("AggregateModifier");
    const labels = grouping(mod?.getChild("GroupingLabels") ?? null);
    const without = mod?.getChild("Without") !== null && mod !== null;
    const body = kids(n.getChild("FunctionCallBody")!).filter((c) => c.type.is("Expr"));
    if (body.length !== 1) throw new Error(`unsupported ${op} with parameters`);
    const input = vec(evalNode(body[0]), op);
    const groups = new Map<string, { labels: Labels; values: number[] }>();
    for (const s of input) {
      const out: Labels = {};
      if (without) {
        for (const [k, v] of Object.entries(withoutName(s.labels))) if (!labels.includes(k)) out[k] = v;
      } else {
        for (const k of labels) if (s.labels[k] !== undefined && s.labels[k] !== "") out[k] = s.labels[k];
      }
      const g = groups.get(key(out)) ?? { labels: out, values: [] };
      g.values.push(s.value);
      groups.set(key(out), g);
    }
    const fold: Record<string, (xs: number[]) => number> = {
      sum: (xs) => xs.reduce((a, b) => a + b, 0),
      avg: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
      count: (xs) => xs.length,
      min: (xs) => Math.min(...xs),
      max: (xs) => Math.max(...xs),
    };
    if (!fold[op]) throw new Error(`unsupported aggregation ${op}`);
    return {
      kind: "vector",
      samples: [...groups.values()].map((g) => ({ labels: g.labels, value: fold[op](g.values) })),
    };
  };

  const ARITH: Record<string, (a: number, b: number) => number> = {
    "+": (a, b) => a + b,
    "-": (a, b) => a - b,
    "*": (a, b) => a * b,
    "/": (a, b) => a / b,
  };
  const COMPARE: Record<string, (a: number, b: number) => boolean> = {
    "==": (a, b) => a === b,
    "!=": (a, b) => a !== b,
    ">": (a, b) => a > b,
    "<": (a, b) => a < b,
    ">=": (a, b) => a >= b,
    "<=": (a, b) => a <= b,
  };

  const binary = (n: SyntaxNode): Value => {
    const parts = kids(n);
    const exprs = parts.filter((c) => c.type.is("Expr"));
    const opNode = parts.find((c) => !c.type.is("Expr") && c.name !== "MatchingModifierClause")!;
    if (parts.some((c) => c.name === "BoolModifier")) throw new Error("unsupported bool modifier");
    const op = text(opNode).toLowerCase();
    const clause = n.getChild("MatchingModifierClause");
    const on = clause?.getChild("On") ? grouping(clause.getChild("GroupingLabels")) : undefined;
    const ignoring = clause?.getChild("Ignoring") ? grouping(clause.getChild("GroupingLabels")) : [];
    const groupLeft = clause?.getChild("GroupLeft") !== null && clause !== null;
    if (clause?.getChild("GroupRight")) throw new Error("unsupported group_right");
    const lhs = evalNode(exprs[0]);
    const rhs = evalNode(exprs[1]);
    const signature = (l: Labels): string => {
      const base = withoutName(l);
      if (on)
        return key(Object.fromEntries(on.filter((k) => base[k] !== undefined).map((k) => [k, base[k]])));
      return key(Object.fromEntries(Object.entries(base).filter(([k]) => !ignoring.includes(k))));
    };

    if (op === "and" || op === "or" || op === "unless") {
      const l = vec(lhs, op);
      const r = vec(rhs, op);
      const rSigs = new Set(r.map((s) => signature(s.labels)));
      if (op === "and") return { kind: "vector", samples: l.filter((s) => rSigs.has(signature(s.labels))) };
      if (op === "unless")
        return { kind: "vector", samples: l.filter((s) => !rSigs.has(signature(s.labels))) };
      const lSigs = new Set(l.map((s) => signature(s.labels)));
      return { kind: "vector", samples: [...l, ...r.filter((s) => !lSigs.has(signature(s.labels)))] };
    }

    const arith = ARITH[op] as ((a: number, b: number) => number) | undefined;
    const cmp = COMPARE[op] as ((a: number, b: number) => boolean) | undefined;
    if (!arith && !cmp) throw new Error(`unsupported operator ${op}`);
    if (lhs.kind === "scalar" && rhs.kind === "scalar") {
      if (!arith) throw new Error("unsupported scalar comparison without bool");
      return { kind: "scalar", value: arith(lhs.value, rhs.value) };
    }
    if (lhs.kind === "scalar" || rhs.kind === "scalar") {
      const scalarLeft = lhs.kind === "scalar";
      const s = num(scalarLeft ? lhs : rhs, op);
      const v = vec(scalarLeft ? rhs : lhs, op);
      const out: Sample[] = [];
      for (const x of v) {
        const [a, b] = scalarLeft ? [s, x.value] : [x.value, s];
        if (cmp) {
          if (cmp(a, b)) out.push(x);
        } else out.push({ labels: withoutName(x.labels), value: arith!(a, b) });
      }
      return { kind: "vector", samples: out };
    }
    const l = vec(lhs, op);
    const r = vec(rhs, op);
    const right = new Map<string, Sample>();
    for (const s of r) {
      const sig = signature(s.labels);
      if (right.has(sig)) throw new Error(`many-to-many matching on the right of ${op}`);
      right.set(sig, s);
    }
    const seen = new Set<string>();
    const out: Sample[] = [];
    for (const x of l) {
      const sig = signature(x.labels);
      const m = right.get(sig);
      if (!m) continue;
      if (!groupLeft) {
        if (seen.has(sig)) throw new Error(`many-to-one matching without group_left in ${op}`);
        seen.add(sig);
      }
      let labels: Labels;
      if (groupLeft) labels = withoutName(x.labels);
      else if (on)
        labels = Object.fromEntries(on.filter((k) => x.labels[k] !== undefined).map((k) => [k, x.labels[k]]));
      else
        labels = Object.fromEntries(
          Object.entries(withoutName(x.labels)).filter(([k]) => !ignoring.includes(k)),
        );
      if (cmp) {
        if (cmp(x.value, m.value)) out.push(x);
      } else out.push({ labels, value: arith!(x.value, m.value) });
    }
    return { kind: "vector", samples: out };
  };

  return evalNode(tree.topNode);
}

/** Prometheus' histogram_quantile over classic buckets: linear interpolation inside the bucket. */
function histogramQuantile(q: number, buckets: Sample[]): Sample[] {
  const groups = new Map<string, { labels: Labels; b: [number, number][] }>();
  for (const s of buckets) {
    const { le, ...rest } = withoutName(s.labels);
    if (le === undefined) continue;
    const g = groups.get(key(rest)) ?? { labels: rest, b: [] };
    g.b.push([le === "+Inf" ? Infinity : Number(le), s.value]);
    groups.set(key(rest), g);
  }
  const out: Sample[] = [];
  for (const { labels, b } of groups.values()) {
    b.sort((x, y) => x[0] - y[0]);
    if (b.length < 2 || b[b.length - 1][0] !== Infinity) {
      out.push({ labels, value: NaN });
      continue;
    }
    const total = b[b.length - 1][1];
    if (!(total > 0)) {
      out.push({ labels, value: NaN });
      continue;
    }
    const rank = q * total;
    let i = b.findIndex(([, c]) => c >= rank);
    if (i === b.length - 1) {
      out.push({ labels, value: b[b.length - 2][0] });
      continue;
    }
    if (i < 0) i = b.length - 1;
    const start = i === 0 ? 0 : b[i - 1][0];
    const below = i === 0 ? 0 : b[i - 1][1];
    const end = b[i][0];
    out.push({ labels, value: start + ((end - start) * (rank - below)) / (b[i][1] - below) });
  }
  return out;
}

/** The instant vector an expression gives, or throws. */
export function instant(expr: string, store: readonly Series[], t: number): Sample[] {
  const v = evaluate(expr, store, t);
  if (v.kind === "scalar") return [{ labels: {}, value: v.value }];
  if (v.kind !== "vector") throw new Error(`${expr} is not an instant query`);
  return v.samples;
}
