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

/**
 * The CloudWatch dimension value each id field takes. A value of another form
 * (most often a full ARN where the dimension wants an id or ARN suffix) makes
 * an alarm that never sees a data point, so it is refused.
 */
const ID_FORMATS: Readonly<Record<string, { readonly pattern: RegExp; readonly fix: string }>> = {
  instanceId: { pattern: /^i-[0-9a-f]+$/, fix: "use the instance id, i-0123456789abcdef0" },
  volumeId: { pattern: /^vol-[0-9a-f]+$/, fix: "use the volume id, vol-0123456789abcdef0" },
  natGatewayId: { pattern: /^nat-[0-9a-f]+$/, fix: "use the NAT gateway id, nat-0123456789abcdef0" },
  loadBalancer: {
    pattern: /^app\/[A-Za-z0-9-]+\/[0-9a-f]+$/,
    fix: "use the load balancer's ARN suffix, app/<name>/<id> (the arnSuffix output), not its ARN",
  },
  targetGroup: {
    pattern: /^targetgroup\/[A-Za-z0-9-]+\/[0-9a-f]+$/,
    fix: "use the target group's ARN suffix, targetgroup/<name>/<id> (the arnSuffix output), not its ARN",
  },
  dbInstanceIdentifier: {
    pattern: /^[A-Za-z][A-Za-z0-9-]{0,62}$/,
    fix: "use the DB instance identifier (letters, digits, '-'), not its ARN",
  },
  queueName: { pattern: /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/, fix: "use the queue's name, not its URL or ARN" },
  functionName: { pattern: /^[A-Za-z0-9_-]{1,64}$/, fix: "use the function's name, not its ARN" },
};

/**
 * The problem with a target id given as a plain string, if any (ids that come
 * from other resources are checked by AWS). Shared by the targets and
 * HealthScore's ALB source.
 */
export function targetIdProblem(field: string, value: unknown, arg: string): ValidationProblem | undefined {
  const format = ID_FORMATS[field];
  if (format === undefined || typeof value !== "string" || value === "" || format.pattern.test(value)) {
    return undefined;
  }
  return {
    arg,
    problem: `${JSON.stringify(value)} is not a ${field}`,
    fix: format.fix,
    code: "PAVED_TARGET_ID_INVALID",
  };
}

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
        const bad = targetIdProblem(field, t[field], `${a}.${field}`);
        if (bad) p.push(bad);
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
