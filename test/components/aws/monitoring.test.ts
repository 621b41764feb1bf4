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
import { PavedValidationError } from "../../../components/core/errors";
import { AlarmSet, AlarmSetArgs } from "../../../components/aws/monitoring/alarm-set";
import { Dashboard } from "../../../components/aws/monitoring/dashboard";
import { DASHBOARD_BODY_SCHEMA } from "../../../components/aws/monitoring/dashboard-schema";
import { HealthScore, HealthScoreArgs } from "../../../components/aws/monitoring/health-score";
import { MonitoredTarget } from "../../../components/aws/monitoring/targets";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TARGETS: MonitoredTarget[] = [
  { kind: "ec2Instance", name: "web-1", instanceId: "i-0abc" },
  { kind: "albTargetGroup", name: "web", loadBalancer: "app/web/1", targetGroup: "targetgroup/web/2" },
];

async function kidsOf(c: { urn: import("@pulumi/pulumi").Output<string> }) {
  await settle();
  return descendants(records, await valueOf(c.urn));
}

function errorOf(fn: () => unknown): PavedValidationError {
  try {
    fn();
  } catch (e) {
    if (PavedValidationError.isInstance(e)) return e;
    throw e;
  }
  throw new Error("expected a PavedValidationError");
}

function alarmByName(kids: Awaited<ReturnType<typeof kidsOf>>, name: string) {
  const r = kids.find((k) => k.type === ALARM && k.name === name);
  if (!r) throw new Error(`no alarm ${name} in ${kids.map((k) => k.name).join(", ")}`);
  return r;
}

describe("AlarmSet", () => {
  let set: AlarmSet;
  let kids: Awaited<ReturnType<typeof kidsOf>>;
  beforeAll(async () => {
    set = new AlarmSet("ops", {
      targets: TARGETS,
      subscriptions: [
        { protocol: "email", endpoint: "oncall@example.com" },
        { protocol: "sqs", endpoint: "arn:aws:sqs:eu-west-1:123456789012:alerts", name: "queue" },
      ],
    });
    kids = await kidsOf(set);
  });

  test("creates key, topic, topic policy, subscriptions and the recommended alarms", () => {
    const count = (t: string) => ofType(kids, t).length;
    expect(count("aws:kms/key:Key")).toBe(1);
    expect(count("aws:sns/topic:Topic")).toBe(1);
    expect(count("aws:sns/topicPolicy:TopicPolicy")).toBe(1);
    expect(count("aws:sns/topicSubscription:TopicSubscription")).toBe(2);
    // Registration order is asynchronous: compare as sets; the plan order is in the outputs.
    expect(
      ofType(kids, ALARM)
        .map((k) => k.name)
        .sort(),
    ).toEqual(
      [
        "ops-web-1-statusCheckFailed",
        "ops-web-1-cpuHigh",
        "ops-web-healthyHostsLow",
        "ops-web-target5xxRate",
        "ops-web-p99Latency",
        "ops-web-unhealthyHosts",
      ].sort(),
    );
  });

  test("the topic is encrypted with the created key, whose policy admits only CloudWatch alarms", async () => {
    const [topic] = ofType(kids, "aws:sns/topic:Topic");
    expect(topic.inputs.kmsMasterKeyId).toBe(await valueOf(set.keyArn));
    const [key] = ofType(kids, "aws:kms/key:Key");
    expect(key.inputs.enableKeyRotation).toBe(true);
    const policy = JSON.parse(key.inputs.policy as string);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      "AllowAccountRootToAdministerKey",
      "AllowCloudWatchAlarmsToEncryptedTopic",
    ]);
    expect(policy.Statement[1].Condition.StringEquals).toEqual({ "aws:SourceAccount": "123456789012" });
  });

  test("subscriptions are created with their protocol and endpoint", () => {
    const subs = ofType(kids, "aws:sns/topicSubscription:TopicSubscription");
    expect(subs.map((s) => [s.inputs.protocol, s.inputs.endpoint])).toEqual([
      ["email", "oncall@example.com"],
      ["sqs", "arn:aws:sqs:eu-west-1:123456789012:alerts"],
    ]);
    expect(subs[1].name).toBe("ops-sub-queue");
    expect(subs[0].name).toMatch(/^ops-sub-[0-9a-f]{8}$/);
  });

  test("a metric alarm: defaults, dimensions, missing data, actions and tags", async () => {
    const a = alarmByName(kids, "ops-web-1-statusCheckFailed").inputs;
    expect(a).toMatchObject({
      namespace: "AWS/EC2",
      metricName: "StatusCheckFailed",
      statistic: "Maximum",
      dimensions: { InstanceId: "i-0abc" },
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      period: 60,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: "breaching",
    });
    const topic = await valueOf(set.topicArn);
    expect(a.alarmActions).toEqual([topic]);
    expect(a.okActions).toEqual([topic]);
    expect(a.tags).toMatchObject({
      "paved:severity": "critical",
      "paved:pattern": "AlarmSet",
      "app-id": "payments-api",
    });
    expect(a.alarmDescription).toContain("Missing data: breaching");
  });

  test("a percentile alarm uses extendedStatistic and ignores low sample counts", () => {
    const a = alarmByName(kids, "ops-web-p99Latency").inputs;
    expect(a).toMatchObject({
      extendedStatistic: "p99",
      evaluateLowSampleCountPercentiles: "ignore",
      threshold: 1,
    });
    expect(a.statistic).toBeUndefined();
    expect(a.dimensions).toEqual({ TargetGroup: "targetgroup/web/2", LoadBalancer: "app/web/1" });
  });

  test("a rate alarm is metric math over hidden metrics", () => {
    const a = alarmByName(kids, "ops-web-target5xxRate").inputs;
    const queries = a.metricQueries as Record<string, any>[];
    expect(queries.map((q) => [q.id, q.returnData])).toEqual([
      ["err", false],
      ["req", false],
      ["e1", true],
    ]);
    expect(queries[0].metric).toMatchObject({
      metricName: "HTTPCode_Target_5XX_Count",
      stat: "Sum",
      period: 60,
    });
    expect(queries[2].expression).toContain("100 * FILL(err,0) / FILL(req,0)");
    expect(a.metricName).toBeUndefined();
    expect(a.threshold).toBe(5);
  });

  test("outputs name the critical alarms for the gate", async () => {
    expect(set.criticalAlarms).toHaveLength(3);
    expect(await valueOf(set.criticalAlarmNames)).toEqual([
      "ops-web-1-statusCheckFailed",
      "ops-web-healthyHostsLow",
      "ops-web-target5xxRate",
    ]);
    expect(Object.keys(await valueOf(set.alarmNames))).toHaveLength(6);
    expect(await valueOf(set.alarmArns)).toHaveLength(6);
  });
});

describe("AlarmSet thresholds per environment", () => {
  afterEach(() => setConfig(DEV_GOVERNANCE));

  test("stack config paved:alarmThresholds overrides the defaults (a prod stack file)", async () => {
    setConfig({
      ...DEV_GOVERNANCE,
      "paved:environment": "prod",
      "paved:changeTicket": "CHG-1",
      "paved:alarmThresholds": JSON.stringify({
        "ec2Instance.cpuHigh": 70,
        "albTargetGroup.p99Latency": 0.8,
      }),
    });
    const set = new AlarmSet("prodops", { targets: TARGETS });
    const kids = await kidsOf(set);
    expect(alarmByName(kids, "prodops-web-1-cpuHigh").inputs.threshold).toBe(70);
    expect(alarmByName(kids, "prodops-web-p99Latency").inputs.threshold).toBe(0.8);
    expect(alarmByName(kids, "prodops-web-target5xxRate").inputs.threshold).toBe(5);
    expect(alarmByName(kids, "prodops-web-1-cpuHigh").inputs.alarmDescription).toContain(
      "(ec2Instance.cpuHigh)",
    );
  });

  test("args override config, and a target's own thresholds override both", async () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:alarmThresholds": JSON.stringify({ "ec2Instance.cpuHigh": 70 }) });
    const set = new AlarmSet("layered", {
      targets: [
        { kind: "ec2Instance", name: "a", instanceId: "i-a" },
        { kind: "ec2Instance", name: "b", instanceId: "i-b", thresholds: { cpuHigh: 95 } },
      ],
      thresholds: { "ec2Instance.cpuHigh": 60 },
    });
    const kids = await kidsOf(set);
    expect(alarmByName(kids, "layered-a-cpuHigh").inputs.threshold).toBe(60);
    expect(alarmByName(kids, "layered-b-cpuHigh").inputs.threshold).toBe(95);
  });

  test("a bad config value is reported against the config key", () => {
    setConfig({
      ...DEV_GOVERNANCE,
      "paved:alarmThresholds": JSON.stringify({ "lambdaFunction.errorRate": 120 }),
    });
    const err = errorOf(() => new AlarmSet("badcfg", { targets: TARGETS }));
    expect(err.code).toBe("PAVED_THRESHOLD_RANGE");
    expect(err.message).toContain(
      'AlarmSet "badcfg": paved:alarmThresholds["lambdaFunction.errorRate"] 120 is out of range',
    );
  });

  test("config that is not JSON is a validation error, not a crash", () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:alarmThresholds": "{not json" });
    expect(errorOf(() => new AlarmSet("notjson", { targets: TARGETS })).code).toBe("PAVED_THRESHOLD_INVALID");
  });
});

describe("AlarmSet bad input", () => {
  test.each<[string, Partial<AlarmSetArgs>, string, string]>([
    [
      "unknown target kind",
      { targets: [{ kind: "redisCluster", name: "r" } as never] },
      "PAVED_TARGET_KIND_UNKNOWN",
      "targets[0].kind",
    ],
    ["no targets", { targets: [] }, "PAVED_TARGETS_EMPTY", "targets"],
    [
      "percentage over 100",
      { thresholds: { "albTargetGroup.target5xxRate": 150 } },
      "PAVED_THRESHOLD_RANGE",
      'thresholds["albTargetGroup.target5xxRate"]',
    ],
    [
      "negative latency",
      { thresholds: { "albTargetGroup.p99Latency": -1 } },
      "PAVED_THRESHOLD_RANGE",
      'thresholds["albTargetGroup.p99Latency"]',
    ],
    [
      "unknown alarm key",
      { thresholds: { "ec2Instance.diskFull": 90 } },
      "PAVED_THRESHOLD_UNKNOWN",
      'thresholds["ec2Instance.diskFull"]',
    ],
    [
      "http subscription",
      { subscriptions: [{ protocol: "http" as never, endpoint: "http://x.example.com" }] },
      "PAVED_SUBSCRIPTION_PROTOCOL",
      "subscriptions[0].protocol",
    ],
    [
      "bad email",
      { subscriptions: [{ protocol: "email", endpoint: "oncall" }] },
      "PAVED_SUBSCRIPTION_ENDPOINT",
      "subscriptions[0].endpoint",
    ],
  ])("%s", (_label, change, code, arg) => {
    const err = errorOf(() => new AlarmSet("bad", { targets: TARGETS, ...change } as AlarmSetArgs));
    expect(err.code).toBe(code);
    expect(err.problems[0].arg).toBe(arg);
    expect(err.message.startsWith(`AlarmSet "bad": ${arg} `)).toBe(true);
  });
});

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
  ])("refuses %s", (_label, change, code, arg) => {
    const err = errorOf(
      () =>
        new HealthScore("badhs", {
          source: { kind: "albTargetGroup", loadBalancer: "a", targetGroup: "t" },
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

  test("refuses no targets, an unknown kind and a bad name", () => {
    expect(errorOf(() => new Dashboard("empty", {})).code).toBe("PAVED_TARGETS_EMPTY");
    expect(errorOf(() => new Dashboard("k", { targets: [{ kind: "x", name: "x" } as never] })).code).toBe(
      "PAVED_TARGET_KIND_UNKNOWN",
    );
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
