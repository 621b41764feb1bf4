/**
 * Dashboard: a CloudWatch dashboard generated from the same targets as an
 * AlarmSet, with the health score on top. The body is built by the pure
 * `buildDashboardBody` (dashboard-body.ts); this file only resolves ids.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { Problems } from "../../core/errors";
import { resolveGovernance } from "../../core/config";
import { Governance } from "../../core/governance";
import { childName } from "../../core/naming";
import { AlarmSet, resolveOverrides } from "./alarm-set";
import { buildDashboardBody, MAX_WIDGETS, WidgetAlarm, widgetAlarm, widgetCount } from "./dashboard-body";
import type { HealthScore } from "./health-score";
import { planAlarms, validateTargetThresholds } from "./thresholds";
import { MonitoredTarget, validateTargets } from "./targets";
import { listArg } from "../arg-shape";

const PATTERN = "Dashboard";

/** Dashboard names: up to 255 of A-Z, a-z, 0-9, '-' and '_' (PutDashboard). */
export const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Arguments of {@link Dashboard}. */
export interface DashboardArgs {
  /**
   * The targets to chart.
   * @default the targets of `alarmSet`
   */
  readonly targets?: readonly MonitoredTarget<pulumi.Input<string>>[];
  /**
   * An AlarmSet over the same targets: its thresholds annotate the charts and its alarms fill the status widget.
   * @default none
   */
  readonly alarmSet?: AlarmSet;
  /**
   * A HealthScore whose score is charted on top, with its gate threshold.
   * @default none
   */
  readonly healthScore?: HealthScore;
  /**
   * Threshold overrides (`<kind>.<alarm>`) for the annotations, when there is no alarmSet.
   * @default stack config `paved:alarmThresholds`
   */
  readonly thresholds?: Readonly<Record<string, number>>;
  /**
   * The dashboard's name (unique in the account and region).
   * @default `<appId>-<environment>-<name>`
   */
  readonly dashboardName?: string;
  /** Governance metadata (names the dashboard). @default from stack config */
  readonly governance?: Partial<Governance>;
}

/** A generated CloudWatch dashboard. Type token `paved:aws:Dashboard`. */
export class Dashboard extends pulumi.ComponentResource {
  /** The dashboard's name. */
  readonly dashboardName: pulumi.Output<string>;
  /** The dashboard body JSON. */
  readonly body: pulumi.Output<string>;

  constructor(name: string, args: DashboardArgs, opts?: pulumi.ComponentResourceOptions) {
    super("paved:aws:Dashboard", name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as DashboardArgs);
    const problems = new Problems(PATTERN, name);
    const gov = resolveGovernance(problems, args.governance);
    const targetList = listArg(args.targets ?? args.alarmSet?.targets, "targets", "object");
    problems.addAll(targetList.problems);
    const targets = targetList.list;
    if (targets.length === 0) {
      problems.add("targets", "is empty", "list targets, or pass an alarmSet", "PAVED_TARGETS_EMPTY");
    }
    problems.addAll(validateTargets(targets));
    problems.addAll(validateTargetThresholds(targets));
    const overrides = args.alarmSet
      ? { ...args.alarmSet.thresholdOverrides }
      : resolveOverrides(problems, args);
    const dashboardName = args.dashboardName ?? `${gov.appId}-${gov.environment}-${name}`;
    if (problems.count === 0 && !DASHBOARD_NAME.test(dashboardName)) {
      problems.add(
        "dashboardName",
        `"${dashboardName}" is not a valid dashboard name`,
        "use up to 255 letters, digits, '-' and '_'",
        "PAVED_NAME_CHARS",
      );
    }
    const alarms: WidgetAlarm<pulumi.Input<string>>[] =
      problems.count === 0 ? planAlarms(targets, overrides).map(widgetAlarm) : [];
    const count = widgetCount({
      healthScore: args.healthScore !== undefined,
      alarmCount: alarms.length,
      withAlarmStatus: args.alarmSet !== undefined,
      targetCount: targets.length,
    });
    problems.check(
      count <= MAX_WIDGETS,
      "targets",
      `need ${count} widgets`,
      `split the targets over dashboards of at most ${MAX_WIDGETS} widgets`,
      "PAVED_DASHBOARD_TOO_LARGE",
    );
    problems.throwIfAny(this);

    const region = aws.getRegionOutput({}, { parent: this }).region;
    const hs = args.healthScore;
    const health = hs
      ? pulumi.output({ queries: hs.queries, threshold: hs.threshold, period: hs.periodSeconds })
      : undefined;
    const body = pulumi
      .all([region, pulumi.output(alarms), health, args.alarmSet?.alarmArns])
      .apply(([r, resolved, h, arns]) =>
        JSON.stringify(
          buildDashboardBody({
            region: r,
            title: name,
            alarms: resolved as WidgetAlarm<string>[],
            healthScore: h as Parameters<typeof buildDashboardBody>[0]["healthScore"],
            alarmArns: arns,
          }),
        ),
      );
    const dashboard = new aws.cloudwatch.Dashboard(
      childName(name, "dashboard"),
      { dashboardName, dashboardBody: body },
      { parent: this },
    );
    this.dashboardName = dashboard.dashboardName;
    this.body = body;
    this.registerOutputs({ dashboardName: this.dashboardName });
  }
}
