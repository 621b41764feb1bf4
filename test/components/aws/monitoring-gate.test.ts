import {
  DEV_GOVERNANCE,
  descendants,
  ofType,
  settle,
  setConfig,
  useMocks,
  valueOf,
} from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE, region: "eu-west-1" });
import Ajv from "ajv";
import { errorOf } from "../validation-error";
import { ALARM, alarmByName, kidsIn, TARGETS } from "./monitoring-support";
import { AlarmSet } from "../../../components/aws/monitoring/alarm-set";
import { Dashboard } from "../../../components/aws/monitoring/dashboard";
import { DASHBOARD_BODY_SCHEMA } from "../../../components/aws/monitoring/dashboard-schema";
import { HealthScore, HealthScoreArgs } from "../../../components/aws/monitoring/health-score";
import { MonitoredTarget } from "../../../components/aws/monitoring/targets";

const kidsOf = kidsIn(records);

describe("HealthScore", () => {
  let set: AlarmSet;
  let hs: HealthScore;
  let kids: Awaited<ReturnType<typeof kidsOf>>;
  beforeAll(async () => {
    set = new AlarmSet("svc-alarms", { targets: TARGETS });
    hs = new HealthScore("svc", {
      source: { kind: "albTargetGroup", loadBalancer: "app/web/1", targetGroup: "targetgroup/web/2" },
      throughputBaseline: 600,
      alarmSets: [set],
    });
    kids = await kidsOf(hs);
  });

  test("creates a score alarm and a composite gate", () => {
    expect(kids.map((k) => `${k.type}::${k.name}`).sort()).toEqual([
      "aws:cloudwatch/compositeAlarm:CompositeAlarm::svc-gate",
      `${ALARM}::svc-score`,
    ]);
  });

  test("the score alarm: one expression, below 80 for 3 minutes, missing data breaching", () => {
    const a = alarmByName(kids, "svc-score").inputs;
    expect(a).toMatchObject({
      comparisonOperator: "LessThanThreshold",
      threshold: 80,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "breaching",
    });
    const queries = a.metricQueries as Record<string, any>[];
    expect(queries.filter((q) => q.returnData)).toEqual([
      expect.objectContaining({ id: "score", expression: hs.expression }),
    ]);
    expect(queries.filter((q) => q.metric).map((q) => q.metric.period)).toEqual([60, 60, 60, 60, 60]);
    expect(hs.expression).toContain("0.35 * ");
    expect(hs.expression).toContain("<= 500, 1");
  });

  test("the gate ORs the score alarm with the AlarmSet's critical alarms and notifies its topic", async () => {
    const [gate] = ofType(kids, "aws:cloudwatch/compositeAlarm:CompositeAlarm");
    expect(gate.inputs.alarmName).toBe("payments-api-dev-svc-gate");
    expect(gate.inputs.alarmRule).toBe(
      'ALARM("svc-score") OR ALARM("svc-alarms-web-1-statusCheckFailed") OR ' +
        'ALARM("svc-alarms-web-healthyHostsLow") OR ALARM("svc-alarms-web-target5xxRate")',
    );
    expect(gate.inputs.alarmActions).toEqual([await valueOf(set.topicArn)]);
    expect(await valueOf(hs.gateAlarmName)).toBe("payments-api-dev-svc-gate");
  });

  test("custom weights, target and threshold reach the expression and the alarm", async () => {
    const custom = new HealthScore("lean", {
      source: { kind: "albTargetGroup", loadBalancer: "app/x/1", targetGroup: "targetgroup/x/2" },
      latencyTargetMs: 200,
      errorRateLimitPercent: 2,
      weights: { latency: 0.5, errors: 0.5, throughput: 0, availability: 0 },
      threshold: 90,
      criticalAlarmNames: ["external-alarm"],
    });
    const k = await kidsOf(custom);
    expect(custom.expression).toMatch(/^100 \* \(0\.5 \* IF\(\(FILL\(lat,0\) \* 1000\) <= 200, 1/);
    expect(custom.expression).toContain(">= 2, 0");
    expect(alarmByName(k, "lean-score").inputs.threshold).toBe(90);
    expect(ofType(k, "aws:cloudwatch/compositeAlarm:CompositeAlarm")[0].inputs.alarmRule).toBe(
      'ALARM("lean-score") OR ALARM("external-alarm")',
    );
  });

  test.each<[string, Partial<HealthScoreArgs>, string, string]>([
    [
      "weights not summing to 1",
      { weights: { latency: 0.5, errors: 0.5, throughput: 0.5, availability: 0 } },
      "PAVED_HEALTH_WEIGHTS_SUM",
      "weights",
    ],
    ["a negative latency target", { latencyTargetMs: -100 }, "PAVED_THRESHOLD_RANGE", "latencyTargetMs"],
    [
      "an error limit over 100 %",
      { errorRateLimitPercent: 120 },
      "PAVED_THRESHOLD_RANGE",
      "errorRateLimitPercent",
    ],
    ["a score threshold over 100", { threshold: 101 }, "PAVED_THRESHOLD_RANGE", "threshold"],
    [
      "no baseline with a throughput weight",
      { throughputBaseline: undefined },
      "PAVED_HEALTH_BASELINE_MISSING",
      "throughputBaseline",
    ],
    ["a period that is not whole minutes", { periodSeconds: 90 }, "PAVED_PERIOD_INVALID", "periodSeconds"],
    ["an unknown source", { source: { kind: "nlb" } as never }, "PAVED_HEALTH_SOURCE", "source.kind"],
    [
      "an ALB source given the load balancer's ARN",
      {
        source: {
          kind: "albTargetGroup",
          loadBalancer: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1",
          targetGroup: "targetgroup/web/2",
        },
      },
      "PAVED_TARGET_ID_INVALID",
      "source.loadBalancer",
    ],
  ])("refuses %s", (_label, change, code, arg) => {
    const err = errorOf(
      () =>
        new HealthScore("badhs", {
          source: { kind: "albTargetGroup", loadBalancer: "app/web/1", targetGroup: "targetgroup/web/2" },
          throughputBaseline: 100,
          ...change,
        }),
    );
    expect(err.code).toBe(code);
    expect(err.problems[0].arg).toBe(arg);
    expect(err.message).toContain(`HealthScore "badhs": ${arg} `);
  });
});

describe("Dashboard", () => {
  test("generated from an AlarmSet and a HealthScore: valid body, score on top, alarm widget", async () => {
    const set = new AlarmSet("dash-alarms", { targets: TARGETS, thresholds: { "ec2Instance.cpuHigh": 75 } });
    const hs = new HealthScore("dash-hs", {
      source: { kind: "albTargetGroup", loadBalancer: "app/web/1", targetGroup: "targetgroup/web/2" },
      throughputBaseline: 600,
    });
    const dash = new Dashboard("main", { alarmSet: set, healthScore: hs });
    const kids = await kidsOf(dash);
    expect(kids.map((k) => k.type)).toEqual(["aws:cloudwatch/dashboard:Dashboard"]);
    expect(kids[0].inputs.dashboardName).toBe("payments-api-dev-main");
    const body = JSON.parse(kids[0].inputs.dashboardBody as string);
    const validate = new Ajv({ strict: true, strictTuples: false, allErrors: true }).compile(
      DASHBOARD_BODY_SCHEMA,
    );
    expect(validate(body) ? [] : validate.errors).toEqual([]);
    expect(body.widgets[0].properties.metrics.at(-1)).toEqual([
      { expression: hs.expression, label: "Health score (0-100)", id: "score" },
    ]);
    expect(body.widgets[0].properties.region).toBe("eu-west-1");
    expect(body.widgets[1]).toMatchObject({
      type: "alarm",
      properties: { alarms: await valueOf(set.alarmArns) },
    });
    const cpu = body.widgets.find((w: any) => w.properties.title === "web-1: CPU utilization is high");
    expect(cpu.properties.annotations.horizontal[0].value).toBe(75);
    expect(await valueOf(dash.dashboardName)).toBe("payments-api-dev-main");
  });

  test("from targets alone, with stack-config thresholds", async () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:alarmThresholds": JSON.stringify({ "sqsQueue.depthHigh": 50 }) });
    try {
      const dash = new Dashboard("q", { targets: [{ kind: "sqsQueue", name: "jobs", queueName: "jobs" }] });
      const kids = await kidsOf(dash);
      const body = JSON.parse(kids[0].inputs.dashboardBody as string);
      expect(body.widgets.map((w: any) => w.type)).toEqual(["text", "metric", "metric"]);
      expect(body.widgets[2].properties.annotations.horizontal[0].value).toBe(50);
    } finally {
      setConfig(DEV_GOVERNANCE);
    }
  });

  test("refuses no targets, an unknown kind, too many widgets and a bad name", () => {
    expect(errorOf(() => new Dashboard("empty", {})).code).toBe("PAVED_TARGETS_EMPTY");
    expect(errorOf(() => new Dashboard("k", { targets: [{ kind: "x", name: "x" } as never] })).code).toBe(
      "PAVED_TARGET_KIND_UNKNOWN",
    );
    const many = Array.from({ length: 130 }, (_, i): MonitoredTarget => ({
      kind: "lambdaFunction",
      name: `fn-${i}`,
      functionName: `fn-${i}`,
    }));
    expect(errorOf(() => new Dashboard("big", { targets: many })).code).toBe("PAVED_DASHBOARD_TOO_LARGE");
    const err = errorOf(() => new Dashboard("n", { targets: TARGETS, dashboardName: "my dashboard" }));
    expect(err.code).toBe("PAVED_NAME_CHARS");
    expect(err.problems[0].arg).toBe("dashboardName");
  });
});

test("URN snapshot for a fixed configuration", async () => {
  const set = new AlarmSet("snap", {
    targets: [
      { kind: "ebsVolume", name: "data", volumeId: "vol-1", volumeType: "gp2" },
      { kind: "natGateway", name: "nat", natGatewayId: "nat-1" },
      { kind: "rdsInstance", name: "db", dbInstanceIdentifier: "db-1" },
      { kind: "sqsQueue", name: "jobs", queueName: "jobs" },
      { kind: "lambdaFunction", name: "fn", functionName: "fn" },
    ],
    subscriptions: [{ protocol: "https", endpoint: "https://hooks.example.com/a" }],
  });
  const hs = new HealthScore("snap-hs", {
    source: { kind: "albTargetGroup", loadBalancer: "app/web/1", targetGroup: "targetgroup/web/2" },
    throughputBaseline: 100,
    alarmSets: [set],
  });
  const dash = new Dashboard("snap-dash", { alarmSet: set, healthScore: hs });
  await settle();
  const urns = [
    ...descendants(records, await valueOf(set.urn)),
    ...descendants(records, await valueOf(hs.urn)),
    ...descendants(records, await valueOf(dash.urn)),
  ].map((r) => r.urn);
  expect(urns.sort()).toMatchSnapshot();
});
