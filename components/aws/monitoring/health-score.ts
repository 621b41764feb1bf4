/**
 * HealthScore: the deployment gate.
 *
 * One metric-math expression (health-expression.ts) scores a service from 0
 * to 100. An alarm fires when the score stays below `threshold`; a composite
 * alarm (the gate) fires when the score alarm OR any critical alarm of the
 * given AlarmSets fires.
 *
 * How a canary or a pipeline uses it: before promoting, read the gate's state
 * and proceed only on `OK`:
 *
 *     aws cloudwatch describe-alarms --alarm-types CompositeAlarm \
 *       --alarm-names "$(pulumi stack output gateAlarmName)" \
 *       --query 'CompositeAlarms[0].StateValue' --output text
 *
 * `ALARM` stops the rollout; `INSUFFICIENT_DATA` also stops it (the score
 * alarm treats missing data as breaching, so a gate that cannot see health
 * stays closed).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { Problems } from "../../core/errors";
import { arnProblems } from "../../core/validation";
import { resolveGovernance } from "../../core/config";
import { componentTags, Governance } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import type { AlarmSet } from "./alarm-set";
import { targetIdProblem } from "./targets";
import { listArg } from "../arg-shape";
import {
  albSignals,
  buildHealthScore,
  DEFAULT_HEALTH_WEIGHTS,
  gateRule,
  HealthQuery,
  HealthSignals,
  HealthWeights,
  MAX_EXPRESSION_LENGTH,
  validateHealthTargets,
} from "./health-expression";

const PATTERN = "HealthScore";

/** Where the signals come from. */
export type HealthSource =
  /** An ALB target group: p99 TargetResponseTime, target 5xx, RequestCount, healthy/unhealthy hosts. */
  | {
      readonly kind: "albTargetGroup";
      /** The load balancer's ARN suffix (`app/web/50dc...`). */
      readonly loadBalancer: pulumi.Input<string>;
      /** The target group's ARN suffix (`targetgroup/web/73e2...`). */
      readonly targetGroup: pulumi.Input<string>;
    }
  /** Any four signals, for example a Lambda function with a Synthetics canary's SuccessPercent. */
  | { readonly kind: "custom"; readonly signals: HealthSignals<pulumi.Input<string>> };

/** Composite alarms reference at most this many alarms here (keeps the rule well under 10,240 characters). */
export const MAX_GATE_ALARMS = 100;

/** Arguments of {@link HealthScore}. */
export interface HealthScoreArgs {
  /** The service's signals. */
  readonly source: HealthSource;
  /**
   * The p99 latency target, milliseconds: full marks at or under it, none at twice it.
   * @default 500
   */
  readonly latencyTargetMs?: number;
  /**
   * The error rate, percent, at which the errors part scores 0.
   * @default 1
   */
  readonly errorRateLimitPercent?: number;
  /**
   * Requests per period that count as normal traffic. Required unless `weights.throughput` is 0.
   * @default none
   */
  readonly throughputBaseline?: number;
  /**
   * Weights of the parts; each 0..1, summing to 1.
   * @default { latency: 0.3, errors: 0.35, throughput: 0.1, availability: 0.25 }
   */
  readonly weights?: HealthWeights;
  /**
   * The score alarm fires when the score is below this (0..100).
   * @default 80
   */
  readonly threshold?: number;
  /**
   * Seconds per datapoint (60 or a multiple of 60).
   * @default 60
   */
  readonly periodSeconds?: number;
  /**
   * Consecutive low datapoints before the score alarm fires.
   * @default 3
   */
  readonly evaluationPeriods?: number;
  /**
   * AlarmSets whose critical alarms join the gate.
   * @default []
   */
  readonly alarmSets?: readonly AlarmSet[];
  /**
   * More alarm names to join the gate.
   * @default []
   */
  readonly criticalAlarmNames?: readonly pulumi.Input<string>[];
  /**
   * Where the gate notifies.
   * @default the topic of the first AlarmSet, or none
   */
  readonly alarmTopicArn?: pulumi.Input<string>;
  /**
   * The gate's alarm name (composite alarms need one).
   * @default `<appId>-<environment>-<name>-gate`
   */
  readonly gateAlarmName?: string;
  /** Governance metadata; fields override `paved:*` stack config. @default from stack config */
  readonly governance?: Partial<Governance>;
  /** Extra tags; they win over governance tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The health score alarm and the composite deployment gate.
 * Type token `paved:aws:HealthScore`.
 */
export class HealthScore extends pulumi.ComponentResource {
  /** The metric-math expression of the score. */
  readonly expression: string;
  /** The queries (hidden metrics, then `score`), for dashboards. */
  readonly queries: readonly HealthQuery<pulumi.Input<string>>[];
  /** The score alarm's threshold. */
  readonly threshold: number;
  /** Seconds per datapoint. */
  readonly periodSeconds: number;
  /** The score alarm's name. */
  readonly scoreAlarmName: pulumi.Output<string>;
  /** The gate (composite alarm) name: what pipelines query. */
  readonly gateAlarmName: pulumi.Output<string>;
  readonly gateAlarmArn: pulumi.Output<string>;

  constructor(name: string, args: HealthScoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super("paved:aws:HealthScore", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as HealthScoreArgs);
    const problems = new Problems(PATTERN, name);
    const gov = resolveGovernance(problems, args.governance);
    const weights = args.weights ?? DEFAULT_HEALTH_WEIGHTS;
    const targets = {
      latencyTargetMs: args.latencyTargetMs ?? 500,
      errorRateLimitPercent: args.errorRateLimitPercent ?? 1,
      throughputBaseline: args.throughputBaseline,
      weights,
    };
    problems.addAll(validateHealthTargets(targets));
    problems.addAll(
      arnProblems("alarmTopicArn", args.alarmTopicArn, {
        service: "sns",
        what: "SNS topic",
        example: "arn:aws:sns:eu-west-1:123456789012:<topic>",
      }),
    );
    const threshold = args.threshold ?? 80;
    problems.check(
      typeof threshold === "number" && threshold >= 0 && threshold <= 100,
      "threshold",
      `${String(threshold)} is out of range`,
      "use a score from 0 to 100, for example 80",
      "PAVED_THRESHOLD_RANGE",
    );
    const period = args.periodSeconds ?? 60;
    problems.check(
      Number.isInteger(period) && period >= 60 && period % 60 === 0,
      "periodSeconds",
      `${String(period)} is not a whole number of minutes`,
      "use 60 or a multiple of 60",
      "PAVED_PERIOD_INVALID",
    );
    const evaluations = args.evaluationPeriods ?? 3;
    problems.check(
      Number.isInteger(evaluations) && evaluations >= 1 && evaluations * period <= 86_400,
      "evaluationPeriods",
      `${String(evaluations)} is out of range`,
      "use 1 or more periods, a day at most",
      "PAVED_PERIOD_INVALID",
    );
    const source = args.source;
    const kind = (source as { kind?: unknown } | undefined)?.kind;
    if (kind !== "albTargetGroup" && kind !== "custom") {
      problems.add(
        "source.kind",
        `"${String(kind)}" is not a health source`,
        "use albTargetGroup | custom",
        "PAVED_HEALTH_SOURCE",
      );
    } else if (source.kind === "albTargetGroup") {
      for (const field of ["loadBalancer", "targetGroup"] as const) {
        const bad = targetIdProblem(field, source[field], `source.${field}`);
        if (bad) problems.addAll([bad]);
      }
    }
    const setList = listArg(args.alarmSets, "alarmSets", "object");
    problems.addAll(setList.problems);
    setList.list.forEach((set, i) =>
      problems.check(
        Array.isArray((set as { criticalAlarms?: unknown }).criticalAlarms),
        `alarmSets[${i}]`,
        "is not an AlarmSet",
        "pass the AlarmSet components whose critical alarms join the gate",
        "PAVED_ARG_NOT_A_LIST",
      ),
    );
    const alarmSets = setList.list.filter((set) => Array.isArray(set.criticalAlarms));
    // Names may come from other resources (Outputs), so only the list itself is checked here.
    const extra = Array.isArray(args.criticalAlarmNames) ? args.criticalAlarmNames : [];
    problems.check(
      args.criticalAlarmNames === undefined || Array.isArray(args.criticalAlarmNames),
      "criticalAlarmNames",
      "is not a list",
      "give a list of alarm names",
      "PAVED_ARG_NOT_A_LIST",
    );
    const gateCount = 1 + extra.length + alarmSets.reduce((n, s) => n + s.criticalAlarms.length, 0);
    problems.check(
      gateCount <= MAX_GATE_ALARMS,
      "alarmSets",
      `bring ${gateCount} alarms into the gate`,
      `keep the gate to ${MAX_GATE_ALARMS} alarms: only critical alarms belong in it`,
      "PAVED_GATE_TOO_MANY",
    );
    const gateName = args.gateAlarmName ?? `${gov.appId}-${gov.environment}-${name}-gate`;
    if (problems.count === 0) {
      const bad = nameProblem("alarm", gateName, "gateAlarmName");
      if (bad) problems.addAll([bad]);
    }
    const signals =
      kind === "albTargetGroup" && source.kind === "albTargetGroup"
        ? albSignals(source.loadBalancer, source.targetGroup)
        : kind === "custom" && source.kind === "custom"
          ? source.signals
          : undefined;
    const queries = problems.count === 0 && signals ? buildHealthScore(signals, targets) : [];
    const score = queries.find((q) => q.kind === "expression");
    if (score && score.kind === "expression" && score.expression.length > MAX_EXPRESSION_LENGTH) {
      problems.add(
        "weights",
        `give an expression of ${score.expression.length} characters`,
        `set unused weights to 0 (CloudWatch accepts ${MAX_EXPRESSION_LENGTH})`,
        "PAVED_HEALTH_EXPRESSION_LENGTH",
      );
    }
    problems.throwIfAny(this);

    const tags = componentTags(gov, PATTERN, args.tags);
    this.queries = queries;
    this.expression = score && score.kind === "expression" ? score.expression : "";
    this.threshold = threshold;
    this.periodSeconds = period;
    const topic = args.alarmTopicArn ?? alarmSets[0]?.topicArn;
    const actions = topic !== undefined ? [topic] : [];

    const scoreAlarm = new aws.cloudwatch.MetricAlarm(
      childName(name, "score"),
      {
        alarmDescription:
          `Health score of ${name} below ${threshold} for ${evaluations} x ${period}s. ` +
          "Missing data: breaching (a gate that cannot compute health stays closed).",
        comparisonOperator: "LessThanThreshold",
        threshold,
        evaluationPeriods: evaluations,
        datapointsToAlarm: evaluations,
        treatMissingData: "breaching",
        metricQueries: queries.map((q) =>
          q.kind === "metric"
            ? {
                id: q.id,
                returnData: false,
                metric: {
                  namespace: q.metric.namespace,
                  metricName: q.metric.metricName,
                  dimensions: q.metric.dimensions,
                  period,
                  stat: q.metric.stat,
                },
              }
            : { id: q.id, expression: q.expression, label: q.label, returnData: true },
        ),
        alarmActions: actions,
        okActions: actions,
        tags: { ...tags, "paved:severity": "critical" },
      },
      { parent: this },
    );
    const critical = [...alarmSets.flatMap((s) => s.criticalAlarms.map((a) => a.name)), ...extra];
    const gate = new aws.cloudwatch.CompositeAlarm(
      childName(name, "gate"),
      {
        alarmName: gateName,
        alarmDescription:
          `Deployment gate of ${name}: OK only when the health score is at or above ${threshold} ` +
          "and no critical alarm fires. Pipelines proceed only on OK.",
        alarmRule: pulumi
          .all([scoreAlarm.name, pulumi.all(critical)])
          .apply(([scoreName, names]) => gateRule(scoreName, names)),
        alarmActions: actions,
        okActions: actions,
        tags,
      },
      { parent: this },
    );
    this.scoreAlarmName = scoreAlarm.name;
    this.gateAlarmName = gate.alarmName;
    this.gateAlarmArn = gate.arn;
    this.registerOutputs({
      expression: this.expression,
      scoreAlarmName: this.scoreAlarmName,
      gateAlarmName: this.gateAlarmName,
      gateAlarmArn: this.gateAlarmArn,
    });
  }
}
