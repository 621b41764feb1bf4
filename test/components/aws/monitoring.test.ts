import { DEV_GOVERNANCE, ofType, setConfig, useMocks, valueOf } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE, region: "eu-west-1" });
import { errorOf } from "../validation-error";
import { ALARM, alarmByName, kidsIn, TARGETS } from "./monitoring-support";
import { AlarmSet, AlarmSetArgs } from "../../../components/aws/monitoring/alarm-set";

const kidsOf = kidsIn(records);

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
