/**
 * Every PromQL expression the components generate parses with Prometheus' own
 * grammar (@prometheus-io/lezer-promql, the parser of the Prometheus UI).
 */
import { gateSpec } from "./gate-fixtures";
import { parser } from "@prometheus-io/lezer-promql";
import {
  buildSloRules,
  DEFAULT_SLO_METRICS,
  DEFAULT_SLO_THRESHOLDS,
} from "../../../components/kubernetes/monitoring/rules";
import { gateQueries, GateSpec } from "../../../components/kubernetes/rollout/plan";

/** The syntax errors in an expression: the text around each error node. */
function syntaxErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError)
        errors.push(`at ${node.from}: "${expr.slice(Math.max(0, node.from - 10), node.to + 10)}"`);
    },
  });
  return errors;
}

const sloExprs = [
  buildSloRules({
    service: "checkout",
    serviceLabel: "service",
    metrics: DEFAULT_SLO_METRICS,
    thresholds: DEFAULT_SLO_THRESHOLDS,
  }),
  buildSloRules({
    service: "orders",
    serviceLabel: "job",
    metrics: {
      requests: "grpc_server_handled_total",
      errorMatcher: 'grpc_code!="OK"',
      durationBucket: "grpc_server_handling_seconds_bucket",
    },
    thresholds: { ...DEFAULT_SLO_THRESHOLDS, availabilityTarget: 0.9995 },
  }),
].flatMap((r) => [...r.groups[0].rules, ...r.groups[1].rules].map((x) => x.expr));

const GATES: GateSpec = gateSpec({
  prometheusAddress: "http://prometheus:9090",
  healthScoreRecord: "service_revision:health_score:rate5m",
});
// The queries as Argo Rollouts sends them, with the arguments filled in.
const gateExprs = Object.values(gateQueries(GATES)).map((q) =>
  q.replace(/\{\{args\.[a-z-]+\}\}/g, "5c9a7e6f2"),
);

test("the parser reports a broken expression (the check can fail)", () => {
  expect(syntaxErrors("sum by (service (rate(x[5m]))")).not.toEqual([]);
  expect(syntaxErrors("x > and y")).not.toEqual([]);
});

test.each(sloExprs.map((e) => [e]))("SLO rule parses: %s", (expr) => {
  expect(syntaxErrors(expr)).toEqual([]);
});

test.each(gateExprs.map((e) => [e]))("canary gate parses: %s", (expr) => {
  expect(syntaxErrors(expr)).toEqual([]);
});

test("the gates cover every metric of the template", () => {
  expect(gateExprs).toHaveLength(5);
});
