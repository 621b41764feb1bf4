/**
 * The alarm catalogue: the recommended CloudWatch alarms for each target kind,
 * as data. Pure: no Pulumi.
 *
 * Sources: CloudWatch User Guide, "Best practice alarm recommendations for AWS
 * services" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html),
 * and the metric pages of each service (EC2, EBS, NAT gateway, ELB, RDS, SQS,
 * Lambda). Thresholds are starting points; they are overridable per
 * environment (see thresholds.ts).
 *
 * Missing data is decided per alarm, by one rule, and the reason is kept as
 * data (`missingDataWhy`) so it reaches the alarm description:
 * - `breaching`: the metric is published continuously by a healthy resource,
 *   so silence means the resource is down or unreachable.
 * - `notBreaching`: the metric is published only when there is activity
 *   (requests, invocations, traffic, attached I/O), so silence means idle.
 * - `missing`: a capacity/trend metric whose silence is owned by another alarm
 *   on the same target; INSUFFICIENT_DATA shows it without paging.
 */
import { BURSTABLE_VOLUME_TYPES, MonitoredTarget, TargetKind } from "./targets";

/** The unit a threshold is expressed in; it decides the valid range. */
export type ThresholdUnit = "percent" | "seconds" | "milliseconds" | "count" | "bytes";

export type Comparison =
  | "GreaterThanThreshold"
  | "GreaterThanOrEqualToThreshold"
  | "LessThanThreshold"
  | "LessThanOrEqualToThreshold";

export type TreatMissingData = "breaching" | "notBreaching" | "ignore" | "missing";

/** `Average`, `Maximum`, `Minimum`, `Sum`, `SampleCount` or a percentile `p99`. */
export type Statistic = "Average" | "Maximum" | "Minimum" | "Sum" | "SampleCount" | `p${number}`;

/** One metric of the target (its dimensions come from the target). */
export interface MetricRef {
  readonly namespace: string;
  readonly metricName: string;
  readonly stat: Statistic;
}

/** The alarm's query: one metric, or a metric-math expression over named metrics. */
export type AlarmQuery =
  | { readonly kind: "metric"; readonly metric: MetricRef }
  | {
      readonly kind: "expression";
      /** Expression over the ids of `metrics`. */
      readonly expression: string;
      readonly label: string;
      readonly metrics: Readonly<Record<string, MetricRef>>;
    };

/** A recommended alarm. */
export interface AlarmSpec {
  /** Stable key, unique within the kind: `cpuHigh`. Used in names and override keys (`ec2Instance.cpuHigh`). */
  readonly key: string;
  readonly description: string;
  /** Critical alarms feed the health gate (HealthScore's composite alarm). */
  readonly severity: "critical" | "warning";
  readonly unit: ThresholdUnit;
  readonly threshold: number;
  readonly comparison: Comparison;
  /** Seconds per datapoint. */
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingData;
  /** Why this missing-data treatment (see the rule above). */
  readonly missingDataWhy: string;
  readonly query: AlarmQuery;
  /** Whether the alarm applies to a given target of the kind. @default always */
  readonly appliesTo?: (t: MonitoredTarget<unknown>) => boolean;
}

const m = (namespace: string, metricName: string, stat: Statistic): MetricRef => ({
  namespace,
  metricName,
  stat,
});
const metric = (namespace: string, metricName: string, stat: Statistic): AlarmQuery => ({
  kind: "metric",
  metric: m(namespace, metricName, stat),
});

const SILENCE_IS_DOWN = "published continuously while healthy; silence means down or unreachable";
const SILENCE_IS_IDLE = "published only with activity; silence means idle";
const SILENCE_OWNED_ELSEWHERE = "trend metric; silence is owned by this target's availability alarm";

/** The catalogue, by kind. */
export const ALARM_CATALOGUE: Readonly<Record<TargetKind, readonly AlarmSpec[]>> = {
  ec2Instance: [
    {
      key: "statusCheckFailed",
      description: "An instance or system status check failed",
      severity: "critical",
      unit: "count",
      threshold: 1,
      comparison: "GreaterThanOrEqualToThreshold",
      period: 60,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: "breaching",
      missingDataWhy: SILENCE_IS_DOWN,
      query: metric("AWS/EC2", "StatusCheckFailed", "Maximum"),
    },
    {
      key: "cpuHigh",
      description: "CPU utilization is high",
      severity: "warning",
      unit: "percent",
      threshold: 80,
      comparison: "GreaterThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "missing",
      missingDataWhy: SILENCE_OWNED_ELSEWHERE,
      query: metric("AWS/EC2", "CPUUtilization", "Average"),
    },
  ],
  ebsVolume: [
    {
      key: "stalledIo",
      description: "The volume stopped completing I/O (VolumeStalledIOCheck)",
      severity: "critical",
      unit: "count",
      threshold: 1,
      comparison: "GreaterThanOrEqualToThreshold",
      period: 60,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      missingDataWhy: "published only while attached to a Nitro instance; silence means detached",
      query: metric("AWS/EBS", "VolumeStalledIOCheck", "Maximum"),
    },
    {
      key: "queueLengthHigh",
      description: "I/O requests are queueing (VolumeQueueLength)",
      severity: "warning",
      unit: "count",
      threshold: 32,
      comparison: "GreaterThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: metric("AWS/EBS", "VolumeQueueLength", "Average"),
    },
    {
      key: "burstBalanceLow",
      description: "Burst credits are running out (BurstBalance; gp2, st1, sc1 only)",
      severity: "warning",
      unit: "percent",
      threshold: 20,
      comparison: "LessThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: metric("AWS/EBS", "BurstBalance", "Minimum"),
      appliesTo: (t) => t.kind === "ebsVolume" && BURSTABLE_VOLUME_TYPES.includes(t.volumeType ?? "gp3"),
    },
  ],
  natGateway: [
    {
      key: "errorPortAllocation",
      description: "The NAT gateway could not allocate a source port (ErrorPortAllocation)",
      severity: "critical",
      unit: "count",
      threshold: 0,
      comparison: "GreaterThanThreshold",
      period: 60,
      evaluationPeriods: 15,
      datapointsToAlarm: 15,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: metric("AWS/NATGateway", "ErrorPortAllocation", "Sum"),
    },
    {
      key: "packetsDropRate",
      description: "Share of packets dropped by the NAT gateway (PacketsDropCount), percent",
      severity: "warning",
      unit: "percent",
      threshold: 0.01,
      comparison: "GreaterThanThreshold",
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: {
        kind: "expression",
        expression:
          "IF((FILL(src,0) + FILL(dst,0)) > 0, 100 * FILL(drop,0) / (FILL(src,0) + FILL(dst,0)), 0)",
        label: "Packets dropped (%)",
        metrics: {
          drop: m("AWS/NATGateway", "PacketsDropCount", "Sum"),
          src: m("AWS/NATGateway", "PacketsInFromSource", "Sum"),
          dst: m("AWS/NATGateway", "PacketsInFromDestination", "Sum"),
        },
      },
    },
  ],
  albTargetGroup: [
    {
      key: "healthyHostsLow",
      description: "No healthy targets behind the load balancer",
      severity: "critical",
      unit: "count",
      threshold: 1,
      comparison: "LessThanThreshold",
      period: 60,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: "breaching",
      missingDataWhy: SILENCE_IS_DOWN,
      query: metric("AWS/ApplicationELB", "HealthyHostCount", "Minimum"),
    },
    {
      key: "target5xxRate",
      description: "Share of requests answered 5xx by targets, percent",
      severity: "critical",
      unit: "percent",
      threshold: 5,
      comparison: "GreaterThanThreshold",
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: {
        kind: "expression",
        expression: "IF(FILL(req,0) > 0, 100 * FILL(err,0) / FILL(req,0), 0)",
        label: "Target 5xx (%)",
        metrics: {
          err: m("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum"),
          req: m("AWS/ApplicationELB", "RequestCount", "Sum"),
        },
      },
    },
    {
      key: "p99Latency",
      description: "p99 target response time is high",
      severity: "warning",
      unit: "seconds",
      threshold: 1,
      comparison: "GreaterThanThreshold",
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: metric("AWS/ApplicationELB", "TargetResponseTime", "p99"),
    },
    {
      key: "unhealthyHosts",
      description: "Some targets fail health checks",
      severity: "warning",
      unit: "count",
      threshold: 0,
      comparison: "GreaterThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "missing",
      missingDataWhy: SILENCE_OWNED_ELSEWHERE,
      query: metric("AWS/ApplicationELB", "UnHealthyHostCount", "Maximum"),
    },
  ],
  rdsInstance: [
    {
      key: "freeStorageLow",
      description: "Free storage space is low (bytes)",
      severity: "critical",
      unit: "bytes",
      threshold: 10 * 1024 ** 3,
      comparison: "LessThanThreshold",
      period: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "breaching",
      missingDataWhy: SILENCE_IS_DOWN,
      query: metric("AWS/RDS", "FreeStorageSpace", "Minimum"),
    },
    {
      key: "cpuHigh",
      description: "CPU utilization is high",
      severity: "warning",
      unit: "percent",
      threshold: 80,
      comparison: "GreaterThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "missing",
      missingDataWhy: SILENCE_OWNED_ELSEWHERE,
      query: metric("AWS/RDS", "CPUUtilization", "Average"),
    },
    {
      key: "freeableMemoryLow",
      description: "Freeable memory is low (bytes)",
      severity: "warning",
      unit: "bytes",
      threshold: 256 * 1024 ** 2,
      comparison: "LessThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "missing",
      missingDataWhy: SILENCE_OWNED_ELSEWHERE,
      query: metric("AWS/RDS", "FreeableMemory", "Average"),
    },
  ],
  sqsQueue: [
    {
      key: "oldestMessageAge",
      description: "The oldest message has waited too long (seconds)",
      severity: "critical",
      unit: "seconds",
      threshold: 600,
      comparison: "GreaterThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      missingDataWhy: "SQS stops publishing for a queue inactive for six hours; silence means idle",
      query: metric("AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum"),
    },
    {
      key: "depthHigh",
      description: "Messages are piling up in the queue",
      severity: "warning",
      unit: "count",
      threshold: 1000,
      comparison: "GreaterThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      missingDataWhy: "SQS stops publishing for a queue inactive for six hours; silence means idle",
      query: metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum"),
    },
  ],
  lambdaFunction: [
    {
      key: "errorRate",
      description: "Share of invocations that failed, percent",
      severity: "critical",
      unit: "percent",
      threshold: 1,
      comparison: "GreaterThanThreshold",
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: {
        kind: "expression",
        expression: "IF(FILL(inv,0) > 0, 100 * FILL(err,0) / FILL(inv,0), 0)",
        label: "Errors (%)",
        metrics: {
          err: m("AWS/Lambda", "Errors", "Sum"),
          inv: m("AWS/Lambda", "Invocations", "Sum"),
        },
      },
    },
    {
      key: "throttles",
      description: "Invocations are throttled",
      severity: "warning",
      unit: "count",
      threshold: 0,
      comparison: "GreaterThanThreshold",
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: metric("AWS/Lambda", "Throttles", "Sum"),
    },
    {
      key: "p99Duration",
      description: "p99 duration is high (milliseconds)",
      severity: "warning",
      unit: "milliseconds",
      threshold: 3000,
      comparison: "GreaterThanThreshold",
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      missingDataWhy: SILENCE_IS_IDLE,
      query: metric("AWS/Lambda", "Duration", "p99"),
    },
  ],
};

/** Every override key: `<kind>.<alarm>`. */
export function alarmKeys(): string[] {
  return Object.entries(ALARM_CATALOGUE).flatMap(([kind, specs]) => specs.map((s) => `${kind}.${s.key}`));
}

/** The spec for `<kind>.<alarm>`, or undefined. */
export function findAlarm(kind: TargetKind, key: string): AlarmSpec | undefined {
  return ALARM_CATALOGUE[kind].find((s) => s.key === key);
}
