/**
 * When a condition pins an anyone-principal (`"*"`, `arn:aws:iam::*:root`)
 * to an organization, account, source or network: one pure rule shared by
 * the IAM lint (LeastPrivilegeRole's trust self-check, `lint-trust.ts`) and
 * the policy pack (`policies/lib/principals.ts` re-exports it), so the
 * component and the pack never disagree on what "pinned" means. No Pulumi.
 *
 * What pins the caller: an operator among StringEquals, StringEqualsIgnoreCase,
 * StringLike, ArnEquals, ArnLike (operator case is not significant; a
 * `ForAnyValue:` prefix is allowed) on one of {@link PINNING_KEYS} (key case is
 * not significant), whose values are all concrete: not only wildcards (`*`,
 * `?`, `arn:aws:s3:::*`) and not an ARN in any account (`arn:aws:iam::*:role/x`);
 * see `isWildcardOnly`. `StringNotEquals` and the other `Not` operators,
 * `...IfExists`, `ForAllValues:` (true for an absent key), a wildcard value, or
 * an unrelated key (aws:SecureTransport) do not pin. `sts:ExternalId` does
 * not pin `"*"` either: it is not a secret. Options add service keys
 * (`kms:CallerAccount`) and, for OpenSearch, `IpAddress aws:SourceIp` with
 * private (or allow-listed) CIDRs.
 */
import { cidrContains, classifyCidr, parseCidr } from "../../core/cidr";
import { UNKNOWN_SENTINEL } from "./match";

/** Condition keys that, pinned to concrete values, narrow an anyone-principal to an organization, account, source or network. */
export const PINNING_KEYS: readonly string[] = [
  "aws:PrincipalOrgID",
  "aws:PrincipalOrgPaths",
  "aws:PrincipalAccount",
  "aws:PrincipalArn",
  "aws:SourceArn",
  "aws:SourceAccount",
  "aws:SourceOwner",
  "aws:SourceOrgID",
  "aws:SourceOrgPaths",
  "aws:SourceVpce",
  "aws:SourceVpc",
];

/** Operators (lower-cased, without `ForAnyValue:`) that require the key's value to be present and to match. */
const PINNING_OPERATORS = ["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike"];

/** What else pins, for one service. */
export interface PinOptions {
  /** More condition keys that pin (`kms:CallerAccount`), any case. @default [] */
  readonly extraKeys?: readonly string[];
  /**
   * Whether `IpAddress aws:SourceIp` pins (OpenSearch): when set, it pins if
   * every CIDR is private, or lies inside one of `trustedCidrs`. 0.0.0.0/0 never pins.
   */
  readonly sourceIp?: { readonly trustedCidrs?: readonly string[] };
}

const NO_OPTIONS: PinOptions = {};

type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
export const isUnknown = (v: unknown): boolean =>
  v === UNKNOWN_SENTINEL || (typeof v === "string" && v.includes(UNKNOWN_SENTINEL));
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
export const quote = (v: unknown): string => JSON.stringify(v);

/**
 * True when a condition value matches anyone's: only `*` / `?`, an ARN whose
 * account holds a wildcard (`arn:aws:iam::*:role/x`: anyone can create that
 * role in their own account), or an ARN whose account and resource are only
 * wildcards (`arn:aws:s3:::*`, `arn:aws:sns:*:*:*`).
 */
export function isWildcardOnly(value: string): boolean {
  const v = value.trim();
  if (v === "" || /^[*?]+$/.test(v)) return true;
  const arn = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):(.*)$/.exec(v);
  if (!arn) return false;
  if (/[*?]/.test(arn[1])) return true;
  return arn[1] === "" && /^[*?/:]*$/.test(arn[2]);
}

/** True for one AWS principal value that stands for anyone: `*`, or an ARN or account id with a wildcard account (`arn:aws:iam::*:root`). */
export function awsValueIsPublic(value: string): boolean {
  const v = value.trim();
  if (/^[*?]+$/.test(v)) return true;
  const arn = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/.exec(v);
  return arn !== null && /[*?]/.test(arn[1]);
}

/** The detail of {@link conditionPin}. */
export interface ConditionPin {
  /** True when some entry narrows the caller. */
  readonly pins: boolean;
  /** The entry that pins: `StringEquals aws:PrincipalOrgID`. */
  readonly by?: string;
  /** True when an entry that could pin has a value not known until apply (and none pins). */
  readonly unknown: boolean;
  /** Entries on a pinning key that do not pin, and why: `StringNotEquals aws:PrincipalOrgID: a negated operator ...`. */
  readonly weak: readonly string[];
}

function operatorParts(op: string): {
  base: string;
  anyValue: boolean;
  allValues: boolean;
  ifExists: boolean;
} {
  let base = op.trim().toLowerCase();
  const anyValue = base.startsWith("foranyvalue:");
  const allValues = base.startsWith("forallvalues:");
  base = base.replace(/^for(anyvalue|allvalues):/, "");
  const ifExists = base.endsWith("ifexists");
  if (ifExists) base = base.slice(0, -"ifexists".length);
  return { base, anyValue, allValues, ifExists };
}

/** Why a CIDR list does not pin, or undefined when it does. */
function sourceIpWeakness(values: string[], trusted: readonly string[]): string | undefined {
  for (const v of values) {
    const cls = classifyCidr(v.trim());
    if (cls === "any") return `${v} is everyone`;
    if (cls === "invalid") return `${v} is not a CIDR`;
    if (cls === "public") {
      const p = parseCidr(v.includes("/") ? v.trim() : `${v.trim()}/${v.includes(":") ? 128 : 32}`);
      const inTrusted = trusted.some((t) => {
        const tp = parseCidr(t);
        return tp !== undefined && p !== undefined && tp.version === p.version && cidrContains(tp, p);
      });
      if (!inTrusted) return `${v} is a public range not among the trusted CIDRs`;
    }
  }
  return undefined;
}

/**
 * Whether a raw `Condition` block narrows the caller to an organization,
 * account, source or network (see the file header for the rule).
 */
export function conditionPin(condition: unknown, options: PinOptions = NO_OPTIONS): ConditionPin {
  const none: ConditionPin = { pins: false, unknown: false, weak: [] };
  if (condition === undefined || condition === null) return none;
  if (isUnknown(condition)) return { ...none, unknown: true };
  if (!isObject(condition)) return none;
  const keys = new Set([...PINNING_KEYS, ...(options.extraKeys ?? [])].map((k) => k.toLowerCase()));
  let unknown = false;
  const weak: string[] = [];
  for (const [op, block] of Object.entries(condition)) {
    if (isUnknown(block)) {
      unknown = true;
      continue;
    }
    if (!isObject(block)) continue;
    const { base, allValues, ifExists } = operatorParts(op);
    for (const [key, raw] of Object.entries(block)) {
      const k = key.trim().toLowerCase();
      const isIp = k === "aws:sourceip" && options.sourceIp !== undefined;
      if (!keys.has(k) && !isIp) continue;
      const at = `${op} ${key}`;
      const values = list(raw);
      const strings = values.filter(
        (v): v is string | number => typeof v === "string" || typeof v === "number",
      );
      const unknownValue = values.some(isUnknown);
      const opPins = isIp ? base === "ipaddress" : PINNING_OPERATORS.includes(base);
      if (!opPins || allValues || ifExists) {
        const reason = base.includes("not")
          ? "a negated operator lets every other caller in"
          : ifExists
            ? "...IfExists passes when the key is absent"
            : allValues
              ? "ForAllValues passes when the key is absent"
              : "the operator does not require a match";
        weak.push(`${at}: ${reason}`);
        continue;
      }
      if (unknownValue) {
        unknown = true;
        continue;
      }
      const known = strings.map(String);
      if (known.length === 0 || known.length < values.length) {
        weak.push(`${at}: no value`);
        continue;
      }
      if (isIp) {
        const why = sourceIpWeakness(known, options.sourceIp?.trustedCidrs ?? []);
        if (why) {
          weak.push(`${at}: ${why}`);
          continue;
        }
      } else {
        const wild = known.find(isWildcardOnly);
        if (wild !== undefined) {
          weak.push(`${at}: value ${quote(wild)} matches anyone`);
          continue;
        }
      }
      return { pins: true, by: at, unknown: false, weak };
    }
  }
  return { pins: false, unknown, weak };
}

/** True when a raw `Condition` block narrows the caller (see {@link conditionPin}). */
export function conditionPinsCaller(condition: unknown, options: PinOptions = NO_OPTIONS): boolean {
  return conditionPin(condition, options).pins;
}
