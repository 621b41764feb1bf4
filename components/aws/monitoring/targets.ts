/**
 * The monitored targets shared by AlarmSet and Dashboard. Pure: no Pulumi.
 * Ids are a type parameter: components pass `pulumi.Input<string>`, the pure
 * planners and tests pass strings. Kinds and names are always plain values:
 * they decide which alarms and widgets exist and how they are named.
 */
import type { ValidationProblem } from "../../core/errors";

/** The kinds of target, in catalogue order. */
export const TARGET_KINDS = [
  "ec2Instance",
  "ebsVolume",
  "natGateway",
  "albTargetGroup",
  "rdsInstance",
  "sqsQueue",
  "lambdaFunction",
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** EBS volume types; burst balance exists only for the burstable ones. */
export const EBS_VOLUME_TYPES = ["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"] as const;
export type EbsVolumeType = (typeof EBS_VOLUME_TYPES)[number];
/** Types that publish `BurstBalance` (EBS User Guide, "Amazon EBS metrics"). */
export const BURSTABLE_VOLUME_TYPES: readonly EbsVolumeType[] = ["gp2", "st1", "sc1"];

/** Fields every target has. */
interface TargetBase {
  /**
   * A short key for child names and widget titles: 1..40 lower-case letters,
   * digits and '-', unique within the list.
   */
  readonly name: string;
  /**
   * Thresholds for this target only, keyed by alarm (`cpuHigh`); they win over
   * every other source.
   * @default {}
   */
  readonly thresholds?: Readonly<Record<string, number>>;
}

/** A monitored resource. `I` is the type of ids (`pulumi.Input<string>` in components). */
export type MonitoredTarget<I = string> =
  | (TargetBase & { readonly kind: "ec2Instance"; readonly instanceId: I })
  | (TargetBase & {
      readonly kind: "ebsVolume";
      readonly volumeId: I;
      /** The volume type (decides whether burst balance is watched). @default "gp3" */
      readonly volumeType?: EbsVolumeType;
    })
  | (TargetBase & { readonly kind: "natGateway"; readonly natGatewayId: I })
  | (TargetBase & {
      readonly kind: "albTargetGroup";
      /** The load balancer's ARN suffix (`app/web/50dc6c495c0c9188`), the `LoadBalancer` dimension. */
      readonly loadBalancer: I;
      /** The target group's ARN suffix (`targetgroup/web/73e2d6bc24d8a067`), the `TargetGroup` dimension. */
      readonly targetGroup: I;
    })
  | (TargetBase & { readonly kind: "rdsInstance"; readonly dbInstanceIdentifier: I })
  | (TargetBase & { readonly kind: "sqsQueue"; readonly queueName: I })
  | (TargetBase & { readonly kind: "lambdaFunction"; readonly functionName: I });

/** The CloudWatch dimensions of a target, in the order CloudWatch documents them. */
export function dimensionsOf<I>(t: MonitoredTarget<I>): Record<string, I> {
  switch (t.kind) {
    case "ec2Instance":
      return { InstanceId: t.instanceId };
    case "ebsVolume":
      return { VolumeId: t.volumeId };
    case "natGateway":
      return { NatGatewayId: t.natGatewayId };
    case "albTargetGroup":
      return { TargetGroup: t.targetGroup, LoadBalancer: t.loadBalancer };
    case "rdsInstance":
      return { DBInstanceIdentifier: t.dbInstanceIdentifier };
    case "sqsQueue":
      return { QueueName: t.queueName };
    case "lambdaFunction":
      return { FunctionName: t.functionName };
    default: {
      const never: never = t;
      throw new Error(`unknown target kind ${JSON.stringify((never as { kind?: unknown }).kind)}`);
    }
  }
}

/** The id fields each kind requires. */
export const ID_FIELDS: Readonly<Record<TargetKind, readonly string[]>> = {
  ec2Instance: ["instanceId"],
  ebsVolume: ["volumeId"],
  natGateway: ["natGatewayId"],
  albTargetGroup: ["loadBalancer", "targetGroup"],
  rdsInstance: ["dbInstanceIdentifier"],
  sqsQueue: ["queueName"],
  lambdaFunction: ["functionName"],
};

const TARGET_NAME = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

/** True when `kind` is a known target kind. */
export function isTargetKind(kind: unknown): kind is TargetKind {
  return typeof kind === "string" && (TARGET_KINDS as readonly string[]).includes(kind);
}

/**
 * Checks the list: known kinds (a JavaScript caller or config may pass any
 * string), unique names, and the id fields of each kind.
 */
export function validateTargets(targets: readonly unknown[], arg = "targets"): ValidationProblem[] {
  const p: ValidationProblem[] = [];
  const names = new Set<string>();
  if (!Array.isArray(targets)) {
    return [{ arg, problem: "is not a list", fix: "pass a list of targets", code: "PAVED_TARGETS_INVALID" }];
  }
  targets.forEach((raw, i) => {
    const t = (raw ?? {}) as Record<string, unknown>;
    const a = `${arg}[${i}]`;
    if (!isTargetKind(t.kind)) {
      p.push({
        arg: `${a}.kind`,
        problem: `"${String(t.kind)}" is not a known target kind`,
        fix: `use one of ${TARGET_KINDS.join(" | ")}`,
        code: "PAVED_TARGET_KIND_UNKNOWN",
      });
    } else {
      for (const field of ID_FIELDS[t.kind]) {
        if (t[field] === undefined || t[field] === null || t[field] === "") {
          p.push({
            arg: `${a}.${field}`,
            problem: "is required",
            fix: `give the ${field} of the ${t.kind}`,
            code: "PAVED_TARGET_ID_MISSING",
          });
        }
      }
      if (
        t.kind === "ebsVolume" &&
        t.volumeType !== undefined &&
        !(EBS_VOLUME_TYPES as readonly unknown[]).includes(t.volumeType)
      ) {
        p.push({
          arg: `${a}.volumeType`,
          problem: `"${String(t.volumeType)}" is not an EBS volume type`,
          fix: `use one of ${EBS_VOLUME_TYPES.join(" | ")}`,
          code: "PAVED_TARGET_INVALID",
        });
      }
    }
    if (typeof t.name !== "string" || !TARGET_NAME.test(t.name)) {
      p.push({
        arg: `${a}.name`,
        problem: `"${String(t.name)}" is not a valid target name`,
        fix: "use 1..40 lower-case letters, digits and '-' (it names the alarms)",
        code: "PAVED_TARGET_NAME",
      });
    } else if (names.has(t.name)) {
      p.push({
        arg: `${a}.name`,
        problem: `"${t.name}" is used twice`,
        fix: "give each target its own name",
        code: "PAVED_TARGET_DUPLICATE",
      });
    }
    if (typeof t.name === "string") names.add(t.name);
  });
  return p;
}
