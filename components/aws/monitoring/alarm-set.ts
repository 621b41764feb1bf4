/**
 * AlarmSet: the recommended CloudWatch alarms for a list of targets, with one
 * KMS-encrypted SNS topic for notifications. See catalogue.ts for what is
 * watched and why, thresholds.ts for the per-environment overrides.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { Problems, ValidationProblem } from "../../core/errors";
import { arnProblems } from "../../core/validation";
import { resolveGovernance } from "../../core/config";
import { componentTags, Governance } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import { createManagedKey } from "../kms/key";
import { MetricRef } from "./catalogue";
import { alarmTopicPolicy, Subscription, subscriptionKey, validateSubscriptions } from "./notifications";
import { mergeOverrides, PlannedAlarm, planAlarms, validateTargetThresholds } from "./thresholds";
import { MonitoredTarget, validateTargets } from "./targets";
import { listArg } from "../arg-shape";

const PATTERN = "AlarmSet";

/** The stack config key holding per-environment threshold overrides. */
export const ALARM_THRESHOLDS_CONFIG_KEY = "alarmThresholds";

/** Arguments of {@link AlarmSet}. */
export interface AlarmSetArgs {
  /** What to watch. Kinds and names are plain values; ids may come from other resources. */
  readonly targets: readonly MonitoredTarget<pulumi.Input<string>>[];
  /**
   * Threshold overrides keyed by `<kind>.<alarm>` (`"albTargetGroup.p99Latency": 0.8`). They win
   * over stack config `paved:alarmThresholds`; a target's own `thresholds` win over both.
   * @default {}
   */
  readonly thresholds?: Readonly<Record<string, number>>;
  /**
   * Who is notified (email, email-json, https, sqs, lambda, sms; never plain http).
   * @default [] (the topic exists; subscribe later)
   */
  readonly subscriptions?: readonly Subscription<pulumi.Input<string>>[];
  /**
   * A key for the topic; its policy must let CloudWatch use it (kms:Decrypt, kms:GenerateDataKey*).
   * @default a new key with rotation on, usable only by this account's CloudWatch alarms
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Governance metadata; fields override `paved:*` stack config. @default from stack config */
  readonly governance?: Partial<Governance>;
  /** Extra tags; they win over governance tags. @default {} */
  readonly tags?: Record<string, string>;
}

/** Reads `paved:alarmThresholds` (an object); a value that is not JSON is a problem, not a crash. */
export function thresholdsFromConfig(config: pulumi.Config = new pulumi.Config("paved")): {
  values: unknown;
  problems: ValidationProblem[];
} {
  try {
    return { values: config.getObject<unknown>(ALARM_THRESHOLDS_CONFIG_KEY), problems: [] };
  } catch {
    return {
      values: undefined,
      problems: [
        {
          arg: `paved:${ALARM_THRESHOLDS_CONFIG_KEY}`,
          problem: "is not valid JSON",
          fix: 'set an object keyed by "<kind>.<alarm>" in the stack file, for example {"ec2Instance.cpuHigh": 90}',
          code: "PAVED_THRESHOLD_INVALID",
        },
      ],
    };
  }
}

/** Resolves overrides from config and args into one map, recording problems. */
export function resolveOverrides(
  problems: Problems,
  args: { thresholds?: Readonly<Record<string, number>> },
): Record<string, number> {
  const fromConfig = thresholdsFromConfig();
  problems.addAll(fromConfig.problems);
  const merged = mergeOverrides([
    { arg: `paved:${ALARM_THRESHOLDS_CONFIG_KEY}`, values: fromConfig.values },
    { arg: "thresholds", values: args.thresholds },
  ]);
  problems.addAll(merged.problems);
  return merged.values;
}

function metricStat(stat: MetricRef["stat"]): { statistic?: string; extendedStatistic?: string } {
  return /^p\d/.test(stat) ? { extendedStatistic: stat } : { statistic: stat };
}

function describe(a: PlannedAlarm<unknown>): string {
  return (
    `${a.spec.description} on ${a.target.kind} ${a.target.name}. Threshold ${a.threshold} ${a.spec.unit} ` +
    `(${a.thresholdFrom}). Missing data: ${a.spec.treatMissingData}, ${a.spec.missingDataWhy}. Severity: ${a.spec.severity}.`
  );
}

/**
 * The recommended alarms for each target and one encrypted topic.
 * Type token `paved:aws:AlarmSet`.
 */
export class AlarmSet extends pulumi.ComponentResource {
  /** The SNS topic alarms notify. */
  readonly topicArn: pulumi.Output<string>;
  /** The key that encrypts the topic (created or given). */
  readonly keyArn: pulumi.Output<string>;
  /** Alarm names by `<target>-<alarm>`. */
  readonly alarmNames: pulumi.Output<Record<string, string>>;
  /** Names of the critical alarms, in plan order (for a composite gate). */
  readonly criticalAlarmNames: pulumi.Output<string[]>;
  /** ARNs of every alarm, in plan order (for a dashboard's alarm widget). */
  readonly alarmArns: pulumi.Output<string[]>;
  /** The alarms, in plan order. */
  readonly alarms: aws.cloudwatch.MetricAlarm[];
  /** The critical alarms (plain array: its length is known at construction). */
  readonly criticalAlarms: aws.cloudwatch.MetricAlarm[];
  /** The targets, as given. */
  readonly targets: readonly MonitoredTarget<pulumi.Input<string>>[];
  /** The merged `<kind>.<alarm>` overrides in effect (config then args). */
  readonly thresholdOverrides: Readonly<Record<string, number>>;

  constructor(name: string, args: AlarmSetArgs, opts?: pulumi.ComponentResourceOptions) {
    super("paved:aws:AlarmSet", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as AlarmSetArgs);
    const problems = new Problems(PATTERN, name);
    const gov = resolveGovernance(problems, args.governance);
    const targetList = listArg(args.targets, "targets", "object");
    problems.addAll(targetList.problems);
    const targets = targetList.list;
    problems.addAll(validateTargets(targets));
    problems.addAll(validateTargetThresholds(targets));
    const overrides = resolveOverrides(problems, args);
    const subList = listArg(args.subscriptions, "subscriptions", "object");
    problems.addAll(subList.problems);
    const subs = subList.list;
    problems.addAll(validateSubscriptions(subs));
    problems.addAll(
      arnProblems("kmsKeyArn", args.kmsKeyArn, {
        service: "kms",
        what: "KMS key",
        example: "arn:aws:kms:eu-west-1:123456789012:key/<key-id>",
      }),
    );
    if (targets.length === 0) {
      problems.add("targets", "is empty", "list at least one target to watch", "PAVED_TARGETS_EMPTY");
    }
    const plan = problems.count === 0 ? planAlarms(targets, overrides) : [];
    for (const a of plan) {
      const bad = nameProblem("alarm", childName(name, a.id), `targets (${a.target.name})`, {
        autonamed: true,
      });
      if (bad) problems.addAll([bad]);
    }
    problems.throwIfAny(this);

    const tags = componentTags(gov, PATTERN, args.tags);
    const parent = { parent: this };
    this.targets = targets;
    this.thresholdOverrides = overrides;
    this.keyArn =
      args.kmsKeyArn !== undefined
        ? pulumi.output(args.kmsKeyArn)
        : createManagedKey(
            name,
            {
              description: `Encrypts the alarm topic of AlarmSet ${name}`,
              uses: [{ kind: "snsAlarms" }],
              tags,
            },
            parent,
          ).arn;
    const topic = new aws.sns.Topic(childName(name, "alarms"), { kmsMasterKeyId: this.keyArn, tags }, parent);
    const identity = aws.getCallerIdentityOutput({}, parent);
    const region = aws.getRegionOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent);
    new aws.sns.TopicPolicy(
      childName(name, "alarms"),
      {
        arn: topic.arn,
        policy: pulumi
          .all([partition.partition, region.region, identity.accountId, topic.arn])
          .apply(([p, r, acct, arn]) =>
            JSON.stringify(alarmTopicPolicy({ partition: p, region: r, accountId: acct, topicArn: arn })),
          ),
      },
      parent,
    );
    for (const s of subs) {
      new aws.sns.TopicSubscription(
        childName(name, "sub", subscriptionKey(s) as string),
        { topic: topic.arn, protocol: s.protocol, endpoint: s.endpoint },
        parent,
      );
    }

    this.alarms = plan.map((a) => this.alarm(name, a, topic.arn, tags));
    this.criticalAlarms = this.alarms.filter((_, i) => plan[i].spec.severity === "critical");
    this.topicArn = topic.arn;
    this.alarmNames = pulumi
      .all(this.alarms.map((al) => al.name))
      .apply((names) => Object.fromEntries(plan.map((a, i) => [a.id, names[i]])));
    this.criticalAlarmNames = pulumi.all(this.criticalAlarms.map((al) => al.name));
    this.alarmArns = pulumi.all(this.alarms.map((al) => al.arn));
    this.registerOutputs({
      topicArn: this.topicArn,
      keyArn: this.keyArn,
      alarmNames: this.alarmNames,
      criticalAlarmNames: this.criticalAlarmNames,
      alarmArns: this.alarmArns,
    });
  }

  private alarm(
    name: string,
    a: PlannedAlarm<pulumi.Input<string>>,
    topicArn: pulumi.Output<string>,
    tags: Record<string, string>,
  ): aws.cloudwatch.MetricAlarm {
    const common: aws.cloudwatch.MetricAlarmArgs = {
      alarmDescription: describe(a),
      comparisonOperator: a.spec.comparison,
      threshold: a.threshold,
      evaluationPeriods: a.spec.evaluationPeriods,
      datapointsToAlarm: a.spec.datapointsToAlarm,
      treatMissingData: a.spec.treatMissingData,
      alarmActions: [topicArn],
      okActions: [topicArn],
      tags: { ...tags, "paved:severity": a.spec.severity, "paved:target": a.target.name },
    };
    const q = a.spec.query;
    let specific: aws.cloudwatch.MetricAlarmArgs;
    switch (q.kind) {
      case "metric":
        specific = {
          namespace: q.metric.namespace,
          metricName: q.metric.metricName,
          dimensions: a.dimensions,
          period: a.spec.period,
          ...metricStat(q.metric.stat),
          ...(/^p\d/.test(q.metric.stat) ? { evaluateLowSampleCountPercentiles: "ignore" } : {}),
        };
        break;
      case "expression":
        specific = {
          metricQueries: [
            ...Object.entries(q.metrics).map(([id, metric]) => ({
              id,
              returnData: false,
              metric: {
                namespace: metric.namespace,
                metricName: metric.metricName,
                dimensions: a.dimensions,
                period: a.spec.period,
                stat: metric.stat,
              },
            })),
            { id: "e1", expression: q.expression, label: q.label, returnData: true },
          ],
        };
        break;
      default: {
        const never: never = q;
        throw new Error(`unknown query ${JSON.stringify(never)}`);
      }
    }
    return new aws.cloudwatch.MetricAlarm(
      childName(name, a.id),
      { ...common, ...specific },
      { parent: this },
    );
  }
}
