/**
 * Threshold overrides and the alarm plan. Pure: no Pulumi.
 *
 * Precedence, lowest to highest:
 * 1. the catalogue default;
 * 2. stack config `paved:alarmThresholds`, an object keyed by `<kind>.<alarm>`
 *    (one per stack, so per environment: `stacks/Pulumi.prod.yaml`);
 * 3. the component's `thresholds` argument, same keys;
 * 4. a target's own `thresholds`, keyed by `<alarm>`.
 *
 * Every value is checked against its unit: a percentage is 0..100; seconds,
 * milliseconds, counts and bytes are not negative.
 */
import type { ValidationProblem } from "../../core/errors";
import { ALARM_CATALOGUE, alarmKeys, AlarmSpec, ThresholdUnit } from "./catalogue";
import { dimensionsOf, isTargetKind, MonitoredTarget, TargetKind } from "./targets";

/** The valid range of a threshold, by unit. */
export const UNIT_RANGES: Readonly<Record<ThresholdUnit, { min: number; max: number }>> = {
  percent: { min: 0, max: 100 },
  seconds: { min: 0, max: Number.MAX_SAFE_INTEGER },
  milliseconds: { min: 0, max: Number.MAX_SAFE_INTEGER },
  count: { min: 0, max: Number.MAX_SAFE_INTEGER },
  bytes: { min: 0, max: Number.MAX_SAFE_INTEGER },
};

/** Checks one threshold value against its unit. */
export function thresholdProblem(
  value: unknown,
  unit: ThresholdUnit,
  arg: string,
): ValidationProblem | undefined {
  const range = UNIT_RANGES[unit];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return {
      arg,
      problem: `${JSON.stringify(value)} is not a number`,
      fix: `use a number of ${unit}`,
      code: "PAVED_THRESHOLD_INVALID",
    };
  }
  if (value < range.min || value > range.max) {
    return {
      arg,
      problem: `${value} is out of range for ${unit}`,
      fix: unit === "percent" ? "use 0..100 (percent)" : `use a value of ${unit} that is not negative`,
      code: "PAVED_THRESHOLD_RANGE",
    };
  }
  return undefined;
}

/** A source of `<kind>.<alarm>` overrides, with the name used in messages. */
export interface OverrideSource {
  /** How the user wrote it: `thresholds` or `paved:alarmThresholds`. */
  readonly arg: string;
  readonly values: unknown;
}

/**
 * Merges `<kind>.<alarm>` overrides in order (later wins) and checks each key
 * and value. Returns the merged map and every problem.
 */
export function mergeOverrides(sources: readonly OverrideSource[]): {
  values: Record<string, number>;
  problems: ValidationProblem[];
} {
  const known = new Set(alarmKeys());
  const values: Record<string, number> = {};
  const problems: ValidationProblem[] = [];
  for (const src of sources) {
    if (src.values === undefined || src.values === null) continue;
    if (typeof src.values !== "object" || Array.isArray(src.values)) {
      problems.push({
        arg: src.arg,
        problem: "is not an object",
        fix: 'use an object keyed by "<kind>.<alarm>", for example {"ec2Instance.cpuHigh": 90}',
        code: "PAVED_THRESHOLD_INVALID",
      });
      continue;
    }
    for (const [key, value] of Object.entries(src.values as Record<string, unknown>)) {
      const arg = `${src.arg}["${key}"]`;
      if (!known.has(key)) {
        problems.push({
          arg,
          problem: "is not a known alarm",
          fix: `use "<kind>.<alarm>", one of ${[...known].join(", ")}`,
          code: "PAVED_THRESHOLD_UNKNOWN",
        });
        continue;
      }
      const [kind, alarm] = key.split(".") as [TargetKind, string];
      const spec = ALARM_CATALOGUE[kind].find((s) => s.key === alarm) as AlarmSpec;
      const bad = thresholdProblem(value, spec.unit, arg);
      if (bad) problems.push(bad);
      else values[key] = value as number;
    }
  }
  return { values, problems };
}

/** Checks each target's own `thresholds` (keyed by alarm). Targets of unknown kinds are skipped. */
export function validateTargetThresholds(
  targets: readonly MonitoredTarget<unknown>[],
  arg = "targets",
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  targets.forEach((t, i) => {
    if (!isTargetKind(t?.kind) || t.thresholds === undefined) return;
    for (const [alarm, value] of Object.entries(t.thresholds)) {
      const a = `${arg}[${i}].thresholds.${alarm}`;
      const spec = ALARM_CATALOGUE[t.kind].find((s) => s.key === alarm);
      if (!spec) {
        problems.push({
          arg: a,
          problem: `is not an alarm of ${t.kind}`,
          fix: `use one of ${ALARM_CATALOGUE[t.kind].map((s) => s.key).join(", ")}`,
          code: "PAVED_THRESHOLD_UNKNOWN",
        });
        continue;
      }
      const bad = thresholdProblem(value, spec.unit, a);
      if (bad) problems.push(bad);
    }
  });
  return problems;
}

/** One alarm to create. */
export interface PlannedAlarm<I> {
  /** `<target>-<alarm>`: the suffix of the child's name. */
  readonly id: string;
  readonly target: MonitoredTarget<I>;
  readonly spec: AlarmSpec;
  readonly threshold: number;
  /** Where the threshold came from: `default`, an override key or `targets[i].thresholds`. */
  readonly thresholdFrom: string;
  readonly dimensions: Record<string, I>;
}

/** The alarms for every target, in target order then catalogue order. Validate first. */
export function planAlarms<I>(
  targets: readonly MonitoredTarget<I>[],
  overrides: Record<string, number>,
): PlannedAlarm<I>[] {
  const out: PlannedAlarm<I>[] = [];
  for (const target of targets) {
    for (const spec of ALARM_CATALOGUE[target.kind]) {
      if (spec.appliesTo && !spec.appliesTo(target)) continue;
      const key = `${target.kind}.${spec.key}`;
      let threshold = spec.threshold;
      let from = "default";
      if (key in overrides) {
        threshold = overrides[key];
        from = key;
      }
      const own = target.thresholds?.[spec.key];
      if (own !== undefined) {
        threshold = own;
        from = `target ${target.name}`;
      }
      out.push({
        id: `${target.name}-${spec.key}`,
        target,
        spec,
        threshold,
        thresholdFrom: from,
        dimensions: dimensionsOf(target),
      });
    }
  }
  return out;
}
