/**
 * Deterministic names. A child's Pulumi name (its identity) is derived from
 * the component's name, so two instances never collide and the same inputs
 * always give the same URNs. Physical names are checked against the limits of
 * the service that holds them, with a clear error when one cannot fit.
 */
import type { ValidationProblem } from "./errors";

/** Joins a component name and parts into a child's Pulumi name: `core-app-a`. */
export function childName(parent: string, ...parts: (string | number)[]): string {
  return [parent, ...parts.map(String)].filter((p) => p !== "").join("-");
}

/** The letter suffix for an AZ index: 0 → `a`, 1 → `b`. Stable for a given index. */
export function azSuffix(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 25) {
    throw new RangeError(`azSuffix: index ${index} is out of 0..25`);
  }
  return String.fromCharCode(97 + index);
}

/** A name rule: the limit and alphabet of one kind of physical name. */
export interface NameRule {
  /** Shown in messages: `an IAM role name`. */
  readonly what: string;
  readonly min: number;
  readonly max: number;
  readonly pattern: RegExp;
  /** Describes `pattern` for the fix. */
  readonly alphabet: string;
}

/**
 * Limits of the physical names Paved sets or lets providers derive. Sources:
 * the AWS API references (CreateRole, CreateBucket, CreateLogGroup,
 * PutMetricAlarm, CreateTopic, CreateAlias) and Kubernetes' apimachinery
 * validation (IsDNS1123Label, IsDNS1123Subdomain, IsValidLabelValue).
 */
export const NAME_RULES = {
  iamRole: {
    what: "an IAM role name",
    min: 1,
    max: 64,
    pattern: /^[\w+=,.@-]+$/,
    alphabet: "letters, digits and +=,.@_-",
  },
  iamPolicy: {
    what: "an IAM policy name",
    min: 1,
    max: 128,
    pattern: /^[\w+=,.@-]+$/,
    alphabet: "letters, digits and +=,.@_-",
  },
  s3Bucket: {
    what: "an S3 bucket name",
    min: 3,
    max: 63,
    pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    alphabet: "lower-case letters, digits, '.' and '-', starting and ending alphanumeric",
  },
  logGroup: {
    what: "a log group name",
    min: 1,
    max: 512,
    pattern: /^[\w\-/.#]+$/,
    alphabet: "letters, digits and _-/.#",
  },
  alarm: {
    what: "an alarm name",
    min: 1,
    max: 255,
    pattern: /^[^\x00-\x1f]+$/,
    alphabet: "printable characters",
  },
  snsTopic: {
    what: "an SNS topic name",
    min: 1,
    max: 256,
    pattern: /^[\w-]+$/,
    alphabet: "letters, digits, '_' and '-'",
  },
  kmsAlias: {
    what: "a KMS alias",
    min: 1,
    max: 250,
    pattern: /^[\w/-]+$/,
    alphabet: "letters, digits and _/-",
  },
  securityGroup: {
    what: "a security group name",
    min: 1,
    max: 255,
    pattern: /^[\w .:/()#,@[\]+=&;{}!$*-]+$/,
    alphabet: "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
  },
  tagValue: {
    what: "a tag value",
    min: 0,
    max: 256,
    pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
    alphabet: "letters, digits, spaces and _.:/=+-@",
  },
  k8sDnsLabel: {
    what: "a Kubernetes name (RFC 1123 label)",
    min: 1,
    max: 63,
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    alphabet: "lower-case letters, digits and '-', starting and ending alphanumeric",
  },
  k8sDnsSubdomain: {
    what: "a Kubernetes name (RFC 1123 subdomain)",
    min: 1,
    max: 253,
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    alphabet: "lower-case letters, digits, '-' and '.', starting and ending alphanumeric",
  },
  k8sLabelValue: {
    what: "a Kubernetes label value",
    min: 0,
    max: 63,
    pattern: /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/,
    alphabet: "letters, digits, '-', '_' and '.', starting and ending alphanumeric",
  },
} as const satisfies Record<string, NameRule>;

export type NameKind = keyof typeof NAME_RULES;

/**
 * Pulumi's auto-naming appends `-` and 7 random characters to a Pulumi name.
 * A name left to auto-naming must leave room for them.
 */
export const AUTONAME_SUFFIX_LENGTH = 8;

/**
 * Checks a physical name against its rule. Returns the problem, or undefined
 * when the name fits. With `autonamed`, the room for Pulumi's random suffix is
 * reserved.
 */
export function nameProblem(
  kind: NameKind,
  value: string,
  arg: string,
  opts: { autonamed?: boolean } = {},
): ValidationProblem | undefined {
  const rule: NameRule = NAME_RULES[kind];
  const max = opts.autonamed ? rule.max - AUTONAME_SUFFIX_LENGTH : rule.max;
  if (value.length < rule.min || value.length > max) {
    const room = opts.autonamed
      ? ` (${rule.max} less ${AUTONAME_SUFFIX_LENGTH} for Pulumi's random suffix)`
      : "";
    return {
      arg,
      problem: `"${value}" is ${value.length} characters, too ${value.length < rule.min ? "short" : "long"} for ${rule.what}`,
      fix: `use ${rule.min}..${max} characters${room}; a shorter component name shortens every child's name`,
      code: "PAVED_NAME_LENGTH",
    };
  }
  if (!rule.pattern.test(value)) {
    return {
      arg,
      problem: `"${value}" is not valid as ${rule.what}`,
      fix: `use ${rule.alphabet}`,
      code: "PAVED_NAME_CHARS",
    };
  }
  return undefined;
}
