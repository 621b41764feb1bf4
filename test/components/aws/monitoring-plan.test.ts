import Ajv from "ajv";
import { ALARM_CATALOGUE, alarmKeys } from "../../../components/aws/monitoring/catalogue";
import {
  buildDashboardBody,
  widgetAlarm,
  widgetCount,
} from "../../../components/aws/monitoring/dashboard-body";
import { DASHBOARD_BODY_SCHEMA } from "../../../components/aws/monitoring/dashboard-schema";
import {
  albSignals,
  buildHealthScore,
  DEFAULT_HEALTH_WEIGHTS,
} from "../../../components/aws/monitoring/health-expression";
import {
  alarmTopicPolicy,
  subscriptionKey,
  validateSubscriptions,
} from "../../../components/aws/monitoring/notifications";
import {
  mergeOverrides,
  planAlarms,
  thresholdProblem,
  UNIT_RANGES,
  validateTargetThresholds,
} from "../../../components/aws/monitoring/thresholds";
import { MonitoredTarget, TARGET_KINDS, validateTargets } from "../../../components/aws/monitoring/targets";

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

/** One target of every kind. */
const ALL: MonitoredTarget[] = [
  { kind: "ec2Instance", name: "web-1", instanceId: "i-0abc" },
  { kind: "ebsVolume", name: "data", volumeId: "vol-1" },
  { kind: "natGateway", name: "nat-a", natGatewayId: "nat-1" },
  { kind: "albTargetGroup", name: "web", loadBalancer: "app/web/1", targetGroup: "targetgroup/web/2" },
  { kind: "rdsInstance", name: "db", dbInstanceIdentifier: "db-1" },
  { kind: "sqsQueue", name: "jobs", queueName: "jobs" },
  { kind: "lambdaFunction", name: "worker", functionName: "worker" },
];

describe("alarm catalogue", () => {
  test("every kind has alarms, and at least one critical", () => {
    for (const kind of TARGET_KINDS) {
      expect(ALARM_CATALOGUE[kind].length).toBeGreaterThan(0);
      expect(ALARM_CATALOGUE[kind].some((s) => s.severity === "critical")).toBe(true);
    }
  });

  test.each(TARGET_KINDS.flatMap((k) => ALARM_CATALOGUE[k].map((s) => [`${k}.${s.key}`, s] as const)))(
    "%s is well-formed",
    (_key, s) => {
      expect(thresholdProblem(s.threshold, s.unit, "t")).toBeUndefined();
      expect(s.period % 60).toBe(0);
      expect(s.datapointsToAlarm).toBeGreaterThanOrEqual(1);
      expect(s.datapointsToAlarm).toBeLessThanOrEqual(s.evaluationPeriods);
      expect(s.period * s.evaluationPeriods).toBeLessThanOrEqual(86_400);
      // Missing data is chosen on purpose, with the reason kept next to it.
      expect(s.missingDataWhy.length).toBeGreaterThan(10);
      if (s.treatMissingData === "breaching") expect(s.missingDataWhy).toMatch(/down|unreachable/);
      if (s.treatMissingData === "notBreaching") expect(s.missingDataWhy).toMatch(/idle|detached/);
      if (s.query.kind === "expression") {
        for (const id of Object.keys(s.query.metrics))
          expect(s.query.expression).toMatch(new RegExp(`\\b${id}\\b`));
        expect(s.unit).toBe("percent");
      }
    },
  );

  test("keys are unique within a kind", () => {
    const keys = alarmKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining(["natGateway.errorPortAllocation", "albTargetGroup.p99Latency"]),
    );
  });

  test("the examples of the issue are in the catalogue with their metrics", () => {
    const metricOf = (kind: (typeof TARGET_KINDS)[number], key: string) => {
      const q = ALARM_CATALOGUE[kind].find((s) => s.key === key)?.query;
      return q?.kind === "metric"
        ? q.metric.metricName
        : Object.values(q?.metrics ?? {}).map((m) => m.metricName);
    };
    expect(metricOf("ec2Instance", "statusCheckFailed")).toBe("StatusCheckFailed");
    expect(metricOf("ec2Instance", "cpuHigh")).toBe("CPUUtilization");
    expect(metricOf("ebsVolume", "burstBalanceLow")).toBe("BurstBalance");
    expect(metricOf("ebsVolume", "queueLengthHigh")).toBe("VolumeQueueLength");
    expect(metricOf("natGateway", "errorPortAllocation")).toBe("ErrorPortAllocation");
    expect(metricOf("natGateway", "packetsDropRate")).toContain("PacketsDropCount");
    expect(metricOf("albTargetGroup", "target5xxRate")).toEqual([
      "HTTPCode_Target_5XX_Count",
      "RequestCount",
    ]);
    expect(metricOf("albTargetGroup", "p99Latency")).toBe("TargetResponseTime");
  });
});

describe("targets", () => {
  test("every kind validates", () => {
    expect(validateTargets(ALL)).toEqual([]);
  });

  test("an unknown kind is refused with the list of kinds", () => {
    const ps = validateTargets([{ kind: "dynamoTable", name: "t", tableName: "x" }]);
    expect(codes(ps)).toEqual(["PAVED_TARGET_KIND_UNKNOWN"]);
    expect(ps[0].arg).toBe("targets[0].kind");
    expect(ps[0].fix).toContain("ec2Instance | ebsVolume");
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      "an ALB ARN for the ARN suffix",
      {
        kind: "albTargetGroup",
        loadBalancer:
          "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188",
        targetGroup: "targetgroup/web/2",
      },
      "loadBalancer",
    ],
    [
      "a target group ARN",
      {
        kind: "albTargetGroup",
        loadBalancer: "app/web/1",
        targetGroup: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/2",
      },
      "targetGroup",
    ],
    ["an instance name for its id", { kind: "ec2Instance", instanceId: "web-1" }, "instanceId"],
    [
      "a queue URL for its name",
      { kind: "sqsQueue", queueName: "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs" },
      "queueName",
    ],
    [
      "a function ARN for its name",
      { kind: "lambdaFunction", functionName: "arn:aws:lambda:eu-west-1:123456789012:function:f" },
      "functionName",
    ],
  ])("a plain-string id of the wrong form is refused: %s", (_what, target, field) => {
    const ps = validateTargets([{ name: "t", ...target }]);
    expect(ps.map((p) => [p.code, p.arg])).toEqual([["PAVED_TARGET_ID_INVALID", `targets[0].${field}`]]);
  });

  test("missing ids, bad and duplicate names are refused", () => {
    expect(
      codes(
        validateTargets([
          { kind: "albTargetGroup", name: "web", loadBalancer: "app/x/1" },
          { kind: "sqsQueue", name: "web", queueName: "q" },
          { kind: "ec2Instance", name: "Web 1", instanceId: "i-1" },
          { kind: "ebsVolume", name: "v", volumeId: "vol-1", volumeType: "gp9" },
        ]),
      ),
    ).toEqual([
      "PAVED_TARGET_ID_MISSING",
      "PAVED_TARGET_DUPLICATE",
      "PAVED_TARGET_NAME",
      "PAVED_TARGET_INVALID",
    ]);
  });
});

describe("thresholds", () => {
  test("units bound the ranges: percent 0..100, others not negative", () => {
    expect(UNIT_RANGES.percent).toEqual({ min: 0, max: 100 });
    expect(thresholdProblem(101, "percent", "x")?.code).toBe("PAVED_THRESHOLD_RANGE");
    expect(thresholdProblem(101, "percent", "x")?.fix).toBe("use 0..100 (percent)");
    expect(thresholdProblem(-0.1, "seconds", "x")?.code).toBe("PAVED_THRESHOLD_RANGE");
    expect(thresholdProblem(-1, "milliseconds", "x")?.code).toBe("PAVED_THRESHOLD_RANGE");
    expect(thresholdProblem("90", "percent", "x")?.code).toBe("PAVED_THRESHOLD_INVALID");
    expect(thresholdProblem(Number.NaN, "count", "x")?.code).toBe("PAVED_THRESHOLD_INVALID");
    expect(thresholdProblem(0, "count", "x")).toBeUndefined();
  });

  test("later sources win; unknown keys and bad values are reported with their source", () => {
    const { values, problems } = mergeOverrides([
      { arg: "paved:alarmThresholds", values: { "ec2Instance.cpuHigh": 90, "albTargetGroup.p99Latency": 2 } },
      {
        arg: "thresholds",
        values: { "ec2Instance.cpuHigh": 70, "ec2Instance.memoryHigh": 80, "lambdaFunction.errorRate": 150 },
      },
    ]);
    expect(values).toEqual({ "ec2Instance.cpuHigh": 70, "albTargetGroup.p99Latency": 2 });
    expect(problems.map((p) => [p.arg, p.code])).toEqual([
      ['thresholds["ec2Instance.memoryHigh"]', "PAVED_THRESHOLD_UNKNOWN"],
      ['thresholds["lambdaFunction.errorRate"]', "PAVED_THRESHOLD_RANGE"],
    ]);
  });

  test("a source that is not an object is refused", () => {
    expect(codes(mergeOverrides([{ arg: "paved:alarmThresholds", values: [1, 2] }]).problems)).toEqual([
      "PAVED_THRESHOLD_INVALID",
    ]);
  });

  test("per-target thresholds are checked against the kind's alarms", () => {
    expect(
      codes(
        validateTargetThresholds([
          { kind: "sqsQueue", name: "q", queueName: "q", thresholds: { oldestMessageAge: -5, cpuHigh: 1 } },
        ]),
      ),
    ).toEqual(["PAVED_THRESHOLD_RANGE", "PAVED_THRESHOLD_UNKNOWN"]);
  });

  test("the plan: catalogue default < override < target's own", () => {
    const plan = planAlarms(
      [
        { kind: "ec2Instance", name: "a", instanceId: "i-a" },
        { kind: "ec2Instance", name: "b", instanceId: "i-b", thresholds: { cpuHigh: 95 } },
      ],
      { "ec2Instance.cpuHigh": 85 },
    );
    expect(plan.map((a) => [a.id, a.threshold, a.thresholdFrom])).toEqual([
      ["a-statusCheckFailed", 1, "default"],
      ["a-cpuHigh", 85, "ec2Instance.cpuHigh"],
      ["b-statusCheckFailed", 1, "default"],
      ["b-cpuHigh", 95, "target b"],
    ]);
    expect(plan[0].dimensions).toEqual({ InstanceId: "i-a" });
  });

  test("burst balance is watched only on burstable volume types", () => {
    const keys = (volumeType?: "gp2" | "gp3" | "st1") =>
      planAlarms([{ kind: "ebsVolume", name: "v", volumeId: "vol-1", volumeType }], {}).map(
        (a) => a.spec.key,
      );
    expect(keys()).not.toContain("burstBalanceLow");
    expect(keys("gp3")).not.toContain("burstBalanceLow");
    expect(keys("gp2")).toContain("burstBalanceLow");
    expect(keys("st1")).toContain("burstBalanceLow");
  });
});

describe("subscriptions", () => {
  test.each([
    ["email", "oncall@example.com"],
    ["https", "https://hooks.example.com/alarms"],
    ["sqs", "arn:aws:sqs:eu-west-1:123456789012:alerts"],
    ["lambda", "arn:aws:lambda:eu-west-1:123456789012:function:notify"],
    ["sms", "+447700900123"],
  ] as const)("%s %s is accepted", (protocol, endpoint) => {
    expect(validateSubscriptions([{ protocol, endpoint }])).toEqual([]);
  });

  test.each([
    ["http", "http://hooks.example.com", "PAVED_SUBSCRIPTION_PROTOCOL"],
    ["application", "arn:x", "PAVED_SUBSCRIPTION_PROTOCOL"],
    ["email", "not-an-address", "PAVED_SUBSCRIPTION_ENDPOINT"],
    ["https", "http://hooks.example.com", "PAVED_SUBSCRIPTION_ENDPOINT"],
    ["sqs", "https://sqs.eu-west-1.amazonaws.com/123/q", "PAVED_SUBSCRIPTION_ENDPOINT"],
    ["sms", "07700900123", "PAVED_SUBSCRIPTION_ENDPOINT"],
  ])("%s %s is refused with %s", (protocol, endpoint, code) => {
    const ps = validateSubscriptions([{ protocol: protocol as never, endpoint }]);
    expect(codes(ps)).toEqual([code]);
  });

  test("plain http is refused with the reason", () => {
    expect(validateSubscriptions([{ protocol: "http" as never, endpoint: "http://x" }])[0].fix).toContain(
      "use https",
    );
  });

  test("keys: a hash of plain endpoints (order-independent), a name otherwise", () => {
    const a = { protocol: "email" as const, endpoint: "a@example.com" };
    expect(subscriptionKey(a)).toMatch(/^[0-9a-f]{8}$/);
    expect(subscriptionKey(a)).toBe(subscriptionKey({ ...a }));
    expect(subscriptionKey({ protocol: "sqs", endpoint: {} })).toBeUndefined();
    expect(codes(validateSubscriptions([{ protocol: "sqs", endpoint: {} }]))).toEqual([
      "PAVED_SUBSCRIPTION_NAME",
    ]);
    expect(codes(validateSubscriptions([a, a]))).toEqual(["PAVED_SUBSCRIPTION_DUPLICATE"]);
  });

  test("the topic policy lets only this account's alarms publish and denies plaintext", () => {
    const doc = alarmTopicPolicy({
      partition: "aws",
      region: "eu-west-1",
      accountId: "123456789012",
      topicArn: "arn:t",
    }) as {
      Statement: Record<string, any>[];
    };
    const [publish, , deny] = doc.Statement;
    expect(publish.Principal).toEqual({ Service: "cloudwatch.amazonaws.com" });
    expect(publish.Condition.ArnLike["aws:SourceArn"]).toBe(
      "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*",
    );
    expect(deny).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
  });
});

describe("dashboard body", () => {
  // Metric lines are open tuples ([namespace, name, ...dimensions, options]); strict mode otherwise.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false });
  const validate = ajv.compile(DASHBOARD_BODY_SCHEMA);
  const health = {
    queries: buildHealthScore(albSignals("app/web/1", "targetgroup/web/2"), {
      latencyTargetMs: 500,
      errorRateLimitPercent: 1,
      throughputBaseline: 600,
      weights: DEFAULT_HEALTH_WEIGHTS,
    }),
    threshold: 80,
    period: 60,
  };
  const body = buildDashboardBody({
    region: "eu-west-1",
    title: "payments",
    healthScore: health,
    alarmArns: ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:a"],
    alarms: planAlarms(ALL, {}).map(widgetAlarm),
  });

  test("is valid against the documented dashboard body structure", () => {
    const ok = validate(JSON.parse(JSON.stringify(body)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test("the schema rejects what CloudWatch rejects", () => {
    const broken = (mutate: (b: any) => void) => {
      const b = JSON.parse(JSON.stringify(body));
      mutate(b);
      return validate(b);
    };
    expect(broken((b) => (b.widgets[0].width = 25))).toBe(false);
    expect(broken((b) => delete b.widgets[0].properties.region)).toBe(false);
    expect(broken((b) => (b.widgets[2].properties = {}))).toBe(false); // a text widget without markdown
    expect(broken((b) => (b.widgets[1].properties.alarms = []))).toBe(false);
    expect(broken((b) => (b.widgets[0].type = "chart"))).toBe(false);
    expect(broken((b) => delete b.widgets)).toBe(false);
  });

  test("the health score is on top, full width, with the gate line", () => {
    const [top] = body.widgets;
    expect(top).toMatchObject({ type: "metric", x: 0, y: 0, width: 24 });
    expect(top.properties.annotations).toEqual({ horizontal: [{ label: "Gate", value: 80 }] });
    const lines = top.properties.metrics as unknown[][];
    expect(lines[lines.length - 1]).toEqual([
      expect.objectContaining({ id: "score", expression: expect.stringMatching(/^100 \* /) }),
    ]);
    expect(lines[0]).toEqual([
      "AWS/ApplicationELB",
      "TargetResponseTime",
      "TargetGroup",
      "targetgroup/web/2",
      "LoadBalancer",
      "app/web/1",
      { stat: "p99", id: "lat", visible: false },
    ]);
  });

  test("one title per target and one chart per alarm, on a grid with no overlaps", () => {
    const titles = body.widgets.filter((w) => w.type === "text").map((w) => w.properties.markdown);
    expect(titles).toEqual(ALL.map((t) => `### ${t.name} (${t.kind})`));
    const charts = body.widgets.filter((w) => w.type === "metric").length - 1;
    expect(charts).toBe(planAlarms(ALL, {}).length);
    const cells = new Set<string>();
    for (const w of body.widgets) {
      expect(w.x + w.width).toBeLessThanOrEqual(24);
      for (let x = w.x; x < w.x + w.width; x++)
        for (let y = w.y; y < w.y + w.height; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
    }
  });

  test("charts carry the threshold in effect", () => {
    const b = buildDashboardBody({
      region: "eu-west-1",
      title: "t",
      alarms: planAlarms([ALL[0]], { "ec2Instance.cpuHigh": 65 }).map(widgetAlarm),
    });
    const cpu = b.widgets.find((w) => String(w.properties.title).includes("CPU"));
    expect(cpu?.properties.annotations).toEqual({ horizontal: [{ label: "cpuHigh threshold", value: 65 }] });
    expect(b.widgets[0].type).toBe("text");
  });

  test("widgetCount predicts the body; more than 100 alarms are split over status widgets", () => {
    const plan = planAlarms(ALL, {}).map(widgetAlarm);
    expect(
      widgetCount({
        healthScore: true,
        alarmCount: plan.length,
        withAlarmStatus: true,
        targetCount: ALL.length,
      }),
    ).toBe(body.widgets.length);
    const arns = Array.from({ length: 150 }, (_, i) => `arn:aws:cloudwatch:eu-west-1:1:alarm:a${i}`);
    const b = buildDashboardBody({ region: "eu-west-1", title: "t", alarmArns: arns, alarms: [] });
    expect(b.widgets.map((w) => (w.properties.alarms as string[]).length)).toEqual([100, 50]);
    expect(b.widgets.map((w) => w.y)).toEqual([0, 4]);
    expect(validate(JSON.parse(JSON.stringify(b)))).toBe(true);
  });

  test("is deterministic", () => {
    const again = buildDashboardBody({
      region: "eu-west-1",
      title: "payments",
      healthScore: health,
      alarmArns: ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:a"],
      alarms: planAlarms(ALL, {}).map(widgetAlarm),
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(body));
  });
});
