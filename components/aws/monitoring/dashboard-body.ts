/**
 * The CloudWatch dashboard body, built by a pure function from the same plan
 * the alarms use. No Pulumi here: the component resolves ids first.
 *
 * Structure (CloudWatch API Reference, "Dashboard body structure and syntax",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
 * `{ widgets: [{ type, x, y, width, height, properties }] }` on a 24-column
 * grid; metric widgets need `properties.region` and `properties.metrics`,
 * each metric an array `[namespace, name, dimName, dimValue, ..., {options}]`
 * or `[{ expression, label, id }]`; text widgets need `markdown`; alarm widgets
 * need `alarms` (ARNs).
 *
 * Layout, top to bottom: the health score (full width), the alarm status
 * (full width), then per target a title row and one widget per alarm, three
 * to a row.
 */
import type { AlarmQuery, MetricRef, ThresholdUnit } from "./catalogue";
import type { HealthQuery } from "./health-expression";
import type { PlannedAlarm } from "./thresholds";

/** The dashboard grid is 24 columns wide. */
export const GRID_WIDTH = 24;

/** An alarm status widget shows at most 100 alarms; more are split over several widgets. */
export const MAX_ALARMS_PER_WIDGET = 100;

/** A dashboard holds at most 500 widgets. */
export const MAX_WIDGETS = 500;

/** How many widgets a body will have, before ids are known (for validation). */
export function widgetCount(opts: {
  healthScore: boolean;
  alarmCount: number;
  withAlarmStatus: boolean;
  targetCount: number;
}): number {
  const status = opts.withAlarmStatus ? Math.ceil(opts.alarmCount / MAX_ALARMS_PER_WIDGET) : 0;
  return (opts.healthScore ? 1 : 0) + status + opts.targetCount + opts.alarmCount;
}

/** What a widget needs from one planned alarm (plain data, so ids can be resolved in one go). */
export interface WidgetAlarm<I = string> {
  readonly targetKind: string;
  readonly targetName: string;
  readonly key: string;
  readonly description: string;
  readonly unit: ThresholdUnit;
  readonly threshold: number;
  readonly period: number;
  readonly query: AlarmQuery;
  readonly dimensions: Readonly<Record<string, I>>;
}

/** Reduces a planned alarm to what its widget needs. */
export function widgetAlarm<I>(a: PlannedAlarm<I>): WidgetAlarm<I> {
  return {
    targetKind: a.target.kind,
    targetName: a.target.name,
    key: a.spec.key,
    description: a.spec.description,
    unit: a.spec.unit,
    threshold: a.threshold,
    period: a.spec.period,
    query: a.spec.query,
    dimensions: a.dimensions,
  };
}

/** A metric line in a metric widget. */
export type MetricLine = (string | Record<string, unknown>)[];

/** One widget. */
export interface Widget {
  type: "metric" | "text" | "alarm";
  x: number;
  y: number;
  width: number;
  height: number;
  properties: Record<string, unknown>;
}

/** The dashboard body. */
export interface DashboardBody {
  start?: string;
  periodOverride?: "auto" | "inherit";
  widgets: Widget[];
}

/** What the body is built from. */
export interface DashboardInput {
  readonly region: string;
  readonly title: string;
  readonly healthScore?: {
    readonly queries: readonly HealthQuery<string>[];
    readonly threshold: number;
    readonly period: number;
  };
  /** Alarm ARNs for the status widget. */
  readonly alarmArns?: readonly string[];
  readonly alarms: readonly WidgetAlarm<string>[];
}

function metricLine(
  ref: MetricRef,
  dims: Readonly<Record<string, string>>,
  opts: Record<string, unknown>,
): MetricLine {
  const line: MetricLine = [ref.namespace, ref.metricName];
  for (const [k, v] of Object.entries(dims)) line.push(k, v);
  line.push({ stat: ref.stat, ...opts });
  return line;
}

function alarmMetrics(a: WidgetAlarm<string>): MetricLine[] {
  const q = a.query;
  switch (q.kind) {
    case "metric":
      return [metricLine(q.metric, a.dimensions, { label: a.key })];
    case "expression":
      return [
        ...Object.entries(q.metrics).map(([id, ref]) =>
          metricLine(ref, a.dimensions, { id, visible: false }),
        ),
        [{ expression: q.expression, label: q.label, id: "e1" }],
      ];
    default: {
      const never: never = q;
      throw new Error(`unknown query ${JSON.stringify(never)}`);
    }
  }
}

/** Builds the body. Same input, same JSON: widgets keep the plan's order. */
export function buildDashboardBody(input: DashboardInput): DashboardBody {
  const widgets: Widget[] = [];
  let y = 0;
  if (input.healthScore) {
    const hs = input.healthScore;
    widgets.push({
      type: "metric",
      x: 0,
      y,
      width: GRID_WIDTH,
      height: 6,
      properties: {
        title: `${input.title}: health score (gate below ${hs.threshold})`,
        region: input.region,
        view: "timeSeries",
        stacked: false,
        period: hs.period,
        yAxis: { left: { min: 0, max: 100 } },
        annotations: { horizontal: [{ label: "Gate", value: hs.threshold }] },
        metrics: hs.queries.map((q): MetricLine =>
          q.kind === "metric"
            ? metricLine(q.metric, q.metric.dimensions, { id: q.id, visible: false })
            : [{ expression: q.expression, label: q.label, id: q.id }],
        ),
      },
    });
    y += 6;
  }
  const arns = input.alarmArns ?? [];
  for (let i = 0; i < arns.length; i += MAX_ALARMS_PER_WIDGET) {
    widgets.push({
      type: "alarm",
      x: 0,
      y,
      width: GRID_WIDTH,
      height: 4,
      properties: {
        title: arns.length > MAX_ALARMS_PER_WIDGET ? `Alarms (${i / MAX_ALARMS_PER_WIDGET + 1})` : "Alarms",
        alarms: arns.slice(i, i + MAX_ALARMS_PER_WIDGET),
        sortBy: "stateUpdatedTimestamp",
      },
    });
    y += 4;
  }
  const byTarget = new Map<string, WidgetAlarm<string>[]>();
  for (const a of input.alarms) {
    const key = `${a.targetKind}\u0000${a.targetName}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), a]);
  }
  for (const alarms of byTarget.values()) {
    const { targetKind, targetName } = alarms[0];
    widgets.push({
      type: "text",
      x: 0,
      y,
      width: GRID_WIDTH,
      height: 1,
      properties: { markdown: `### ${targetName} (${targetKind})`, background: "transparent" },
    });
    y += 1;
    alarms.forEach((a, i) => {
      const col = i % 3;
      if (i > 0 && col === 0) y += 6;
      widgets.push({
        type: "metric",
        x: col * 8,
        y,
        width: 8,
        height: 6,
        properties: {
          title: `${targetName}: ${a.description}`,
          region: input.region,
          view: "timeSeries",
          stacked: false,
          period: a.period,
          annotations: { horizontal: [{ label: `${a.key} threshold`, value: a.threshold }] },
          metrics: alarmMetrics(a),
        },
      });
    });
    y += 6;
  }
  return { widgets };
}
