/**
 * Reading IAM policy documents in every shape a user can write them: an
 * object or a JSON string, `Statement` as one object or an array, `Action`,
 * `NotAction`, `Resource`, `NotResource` as a string or an array, every
 * `Principal` form, and `Condition` blocks. Pure: no Pulumi.
 *
 * Values that are not known yet (undefined, or Pulumi's preview sentinel)
 * never throw: they are left out, and the statement is marked `partial` so a
 * rule that needs the whole picture can skip it ("cannot tell").
 */
import { isKnownString, UNKNOWN_SENTINEL } from "./match";
import { awsValueIsPublic } from "./pinning";

/** How bad a finding is; the policy pack maps it onto its own severities. */
export type LintSeverity = "critical" | "high" | "medium" | "low";

/** One problem the lint found. Messages name the statement index and the action. */
export interface LintFinding {
  /** A stable code (`PAVED_IAM_WILDCARD_ACTION`). Tests and allow-lists match codes. */
  readonly code: string;
  /** The index of the statement in `Statement` (0 for a single-object `Statement`). */
  readonly statementIndex?: number;
  /** The action at fault, as written. */
  readonly action?: string;
  /** What is wrong: `statement 2 allows action "s3:*" ...`. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  readonly severity: LintSeverity;
}

/** A `Principal` or `NotPrincipal`, by kind. Values as written; unknown entries left out. */
export interface NormalizedPrincipal {
  /** `"*"`, or among the `AWS` principals `"*"` or an ARN in any account (`arn:aws:iam::*:root`): anyone. */
  readonly anyone: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}

/** `Condition`: operator → key → values. Keys keep their case as written. */
export type NormalizedCondition = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** One statement, normalized. A field is undefined when the statement lacks the element. */
export interface NormalizedStatement {
  readonly index: number;
  readonly sid?: string;
  /** `unknown` when the value is not known yet or is not `Allow`/`Deny`. */
  readonly effect: "Allow" | "Deny" | "unknown";
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly principal?: NormalizedPrincipal;
  readonly notPrincipal?: NormalizedPrincipal;
  readonly condition?: NormalizedCondition;
  /** True when some value in the statement was unknown and left out: "cannot tell" for rules that need all of it. */
  readonly partial: boolean;
}

/** The result of {@link parsePolicyDocument}. */
export interface ParsedPolicyDocument {
  readonly statements: NormalizedStatement[];
  /** Structural problems: malformed JSON, no `Statement`, a bad `Effect`. */
  readonly problems: LintFinding[];
  /** True when the whole document is not known yet (a preview): nothing to check. */
  readonly unknown: boolean;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads a string-or-array element; unknown entries are dropped and reported through `partial`. */
function stringList(v: unknown, partial: { value: boolean }): string[] | undefined {
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of list) {
    if (isKnownString(item)) out.push(item);
    else partial.value = true;
  }
  return out;
}

function principalOf(v: unknown, partial: { value: boolean }): NormalizedPrincipal | undefined {
  if (v === undefined) return undefined;
  const empty = { anyone: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (isKnownString(v)) return { ...empty, anyone: awsValueIsPublic(v), aws: v.trim() === "*" ? ["*"] : [] };
  if (!isObject(v)) {
    partial.value = true;
    return undefined;
  }
  const read = (key: string) => stringList(v[key], partial) ?? [];
  const aws = read("AWS");
  return {
    anyone: aws.some(awsValueIsPublic),
    aws,
    service: read("Service"),
    federated: read("Federated"),
    canonicalUser: read("CanonicalUser"),
  };
}

function conditionOf(v: unknown, partial: { value: boolean }): NormalizedCondition | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    partial.value = true;
    return undefined;
  }
  const out: Record<string, Record<string, readonly string[]>> = {};
  for (const [op, block] of Object.entries(v)) {
    if (!isObject(block)) {
      partial.value = true;
      continue;
    }
    const keys: Record<string, readonly string[]> = {};
    for (const [key, values] of Object.entries(block)) {
      const list = Array.isArray(values) ? values : [values];
      const strings: string[] = [];
      for (const x of list) {
        if (isKnownString(x)) strings.push(x);
        else if (typeof x === "number" || typeof x === "boolean") strings.push(String(x));
        else partial.value = true;
      }
      keys[key] = strings;
    }
    out[op] = keys;
  }
  return out;
}

function malformed(message: string, fix: string, statementIndex?: number): LintFinding {
  return { code: "PAVED_IAM_MALFORMED", statementIndex, message, fix, severity: "high" };
}

function statementOf(raw: unknown, index: number, problems: LintFinding[]): NormalizedStatement | undefined {
  if (raw === undefined || raw === UNKNOWN_SENTINEL) return undefined;
  if (!isObject(raw)) {
    problems.push(
      malformed(`statement ${index} is not an object`, "write each statement as a JSON object", index),
    );
    return undefined;
  }
  const partial = { value: false };
  let effect: NormalizedStatement["effect"] = "unknown";
  if (raw.Effect === "Allow" || raw.Effect === "Deny") effect = raw.Effect;
  else if (raw.Effect === undefined && !("Effect" in raw)) {
    problems.push(malformed(`statement ${index} has no Effect`, 'add "Effect": "Allow" or "Deny"', index));
  } else if (isKnownString(raw.Effect)) {
    problems.push(
      malformed(
        `statement ${index} has Effect "${raw.Effect}"`,
        'use exactly "Allow" or "Deny" (IAM reads Effect case-sensitively)',
        index,
      ),
    );
  } else partial.value = true;
  const sid = isKnownString(raw.Sid) ? raw.Sid : undefined;
  return {
    index,
    sid,
    effect,
    actions: stringList(raw.Action, partial),
    notActions: stringList(raw.NotAction, partial),
    resources: stringList(raw.Resource, partial),
    notResources: stringList(raw.NotResource, partial),
    principal: principalOf(raw.Principal, partial),
    notPrincipal: principalOf(raw.NotPrincipal, partial),
    condition: conditionOf(raw.Condition, partial),
    partial: partial.value,
  };
}

/**
 * Parses a policy document (identity or trust) given as an object or a JSON
 * string. Never throws: malformed input becomes a `PAVED_IAM_MALFORMED`
 * problem, and unknown input (undefined, the preview sentinel) gives
 * `unknown: true` with no statements.
 */
export function parsePolicyDocument(doc: unknown): ParsedPolicyDocument {
  // The policy pack parses a document, then lints it (which parses it again):
  // remember the last JSON string. Callers only read the result.
  if (typeof doc === "string" && last?.doc === doc) return last.parsed;
  const parsed = parse(doc);
  if (typeof doc === "string") last = { doc, parsed };
  return parsed;
}

let last: { doc: string; parsed: ParsedPolicyDocument } | undefined;

function parse(doc: unknown): ParsedPolicyDocument {
  const problems: LintFinding[] = [];
  if (doc === undefined || doc === null || doc === UNKNOWN_SENTINEL) {
    return { statements: [], problems, unknown: true };
  }
  let value: unknown = doc;
  if (typeof doc === "string") {
    if (doc.includes(UNKNOWN_SENTINEL)) return { statements: [], problems, unknown: true };
    try {
      value = JSON.parse(doc);
    } catch (e) {
      problems.push(
        malformed(
          `the policy document is not valid JSON (${(e as Error).message})`,
          "write the document as an object, or build the string with JSON.stringify / pulumi.jsonStringify",
        ),
      );
      return { statements: [], problems, unknown: false };
    }
  }
  if (!isObject(value)) {
    problems.push(
      malformed(
        "the policy document is not an object",
        'write {"Version": "2012-10-17", "Statement": [...]}',
      ),
    );
    return { statements: [], problems, unknown: false };
  }
  const rawStatements = value.Statement;
  if (rawStatements === undefined || rawStatements === UNKNOWN_SENTINEL) {
    if (!("Statement" in value)) {
      problems.push(malformed("the policy document has no Statement", "add a Statement array"));
    }
    return { statements: [], problems, unknown: rawStatements === UNKNOWN_SENTINEL };
  }
  const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  const statements: NormalizedStatement[] = [];
  list.forEach((raw, i) => {
    const s = statementOf(raw, i, problems);
    if (s) statements.push(s);
  });
  return { statements, problems, unknown: false };
}

/**
 * Every `(operator, key, values)` in a statement's `Condition` whose key
 * equals `key` case-insensitively (IAM condition keys are case-insensitive).
 */
export function conditionEntries(
  s: NormalizedStatement,
  key: string,
): { operator: string; key: string; values: readonly string[] }[] {
  const out: { operator: string; key: string; values: readonly string[] }[] = [];
  const want = key.toLowerCase();
  for (const [operator, block] of Object.entries(s.condition ?? {})) {
    for (const [k, values] of Object.entries(block)) {
      if (k.toLowerCase() === want) out.push({ operator, key: k, values });
    }
  }
  return out;
}

/** True when the statement has at least one condition key. */
export function hasAnyCondition(s: NormalizedStatement): boolean {
  return Object.values(s.condition ?? {}).some((block) => Object.keys(block).length > 0);
}

/** How messages name a statement: `statement 2`, or `statement 2 (Sid "ReadData")`. */
export function statementLabel(s: NormalizedStatement): string {
  return s.sid ? `statement ${s.index} (Sid "${s.sid}")` : `statement ${s.index}`;
}
