/**
 * The readers the encryption policies share: a boolean setting that must be
 * true (with what unset means in AWS), and a customer managed key required
 * where the data is classified sensitive.
 */
import {
  type CustomerKeyConfig,
  dataClassification,
  describeClassification,
  isSensitive,
  keyKind,
} from "../../lib/classification";
import { asString, isTrue } from "../../lib/props";
import type { CheckContext, Finding, ResourceUnderCheck } from "../../lib/types";

/** True for `false` or `"false"` (any case). */
export function isFalse(v: unknown): boolean {
  return v === false || (typeof v === "string" && v.trim().toLowerCase() === "false");
}

/** How a value the program wrote reads in a message: `false`, `"no"`. */
export function quote(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** A boolean setting that must be true. */
export interface RequiredSetting {
  /** The input path as the user writes it: `encryptAtRest.enabled`. */
  readonly field: string;
  /** The value read (undefined when unset). */
  readonly value: unknown;
  /** What unset means in AWS: `insecure` (a finding) or `secure` (the default protects). */
  readonly unset: "insecure" | "secure";
  /** What is left unprotected: `the file system is not encrypted at rest`. */
  readonly consequence: string;
  /** The fix: `set encrypted: true`. */
  readonly fix: string;
}

/** The finding for a setting that must be true, or none. */
export function requireTrue(s: RequiredSetting): Finding[] {
  if (isTrue(s.value)) return [];
  if (s.value === undefined || s.value === null) {
    return s.unset === "secure" ? [] : [{ message: `${s.field} is unset, so ${s.consequence}; ${s.fix}` }];
  }
  return [{ message: `${s.field} is ${quote(s.value)}, so ${s.consequence}; ${s.fix}` }];
}

/** What a customer-key policy says about its resource. */
export interface CustomerKeySetting {
  /** The key input as the user writes it: `kmsKeyId`. */
  readonly field: string;
  /** Reads the key input (may throw for a preview unknown). */
  readonly read: () => unknown;
  /** The resource in words: `the log group`. */
  readonly what: string;
  /** The fix. @default `set <field> to the ARN of a KMS key you manage` */
  readonly fix?: string;
}

/**
 * The finding when the resource's data is classified sensitive and its key
 * is not a customer managed one. The key is read first, so a resource with a
 * customer key never needs its classification.
 */
export function customerKeyFindings(
  r: ResourceUnderCheck,
  ctx: CheckContext<CustomerKeyConfig>,
  s: CustomerKeySetting,
): Finding[] {
  const kind = keyKind(s.read);
  if (kind === "customer") return [];
  const c = dataClassification(r, ctx.stack);
  if (!c || !isSensitive(c, ctx.config.sensitiveClassifications)) return [];
  const key =
    kind === "none"
      ? `${s.field} is unset, so ${s.what} uses an AWS owned or managed key`
      : `${s.field} names the AWS managed key ${quote(asString(s.read()))}`;
  return [
    {
      message: `${key} although its ${describeClassification(c)} requires a customer managed key; ${s.fix ?? `set ${s.field} to the ARN of a KMS key you manage`}`,
    },
  ];
}
