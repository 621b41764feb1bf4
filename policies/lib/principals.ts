/**
 * Who a resource or trust policy lets in: the shared reading behind the
 * policies that keep data from being opened to everyone (KMS, SQS, SNS, ECR,
 * OpenSearch, Secrets Manager, S3 bucket policies, IAM trust policies). Pure.
 *
 * API (stable; other families import it):
 * - `parsePolicyDocument(doc)`: the IAM lint's parser (components/aws/iam),
 *   re-exported: normalized statements of a JSON string or object document.
 * - `principalIsPublic(principal)`: `{ public, why, unknown? }` for a raw
 *   `Principal` value as written: `"*"`, `{AWS: "*"}`, `{AWS: ["*", "arn:..."]}`,
 *   an account wildcard (`arn:aws:iam::*:root`), `{CanonicalUser: "*"}`,
 *   `{Federated: "*"}`, `{Service: "*"}`. A named Service, Federated provider,
 *   account or role is not public. JSON keys are case-sensitive (`AWS`).
 * - `conditionPinsCaller(condition, options?)`: true when some condition entry
 *   really narrows the caller (see below). `conditionPin(...)` gives the detail:
 *   `{ pins, by?, unknown, weak[] }`.
 * - `statementIsPublic(statement, options?)`: `{ public, why, unknown? }` for
 *   one raw statement object: Allow with a public Principal and no pinning
 *   condition, or Allow with NotPrincipal, is public; Deny never is.
 * - `publicStatements(doc, options?)`: every public statement of a document
 *   (JSON string or object, `Statement` as an object or an array):
 *   `{ statements: [{ index, sid, why }], unknown }`.
 * - `rawStatements(doc)`: the raw statement objects of a document, for a policy
 *   that words its own messages (`{ statements, unknown }`).
 * - `PINNING_KEYS`, `isWildcardOnly(value)`: the keys and the value test below.
 * - `publicDocumentFindings(refs, options)`: policy findings for the documents
 *   of one resource, one per public statement, as `<input> statement <i>: <why>;
 *   <fix>`; throws `previewUnknown` when there is none but something was unknown.
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
 *
 * Preview unknowns (Pulumi's sentinel) never throw: a verdict that depends on
 * one is `unknown: true` ("cannot tell"), and a definite verdict elsewhere is
 * kept. The statement reader works on the raw JSON (not the normalized
 * statements) so that it can tell which element is unknown.
 */
import { parsePolicyDocument } from "../../components/aws/iam/lint";
import {
  awsValueIsPublic,
  type ConditionPin,
  conditionPin,
  conditionPinsCaller,
  isObject,
  isUnknown,
  isWildcardOnly,
  list,
  PINNING_KEYS,
  type PinOptions,
  quote,
} from "../../components/aws/iam/pinning";
import type { Finding } from "./types";
import { previewUnknown } from "./unknown";

export { parsePolicyDocument };
// The pinning rule lives with the IAM lint (components/aws/iam/pinning.ts), so the component and the pack share it.
export { conditionPin, conditionPinsCaller, isWildcardOnly, PINNING_KEYS };
export type { ConditionPin, PinOptions };

const NO_OPTIONS: PinOptions = {};

/** A verdict on a principal or a statement. `unknown: true` means "cannot tell until apply" (and `public` is false). */
export interface PublicVerdict {
  readonly public: boolean;
  /** Why, quoting what was written: `Principal "*" with no condition`. */
  readonly why: string;
  readonly unknown?: boolean;
}

/** The principal kinds of a `Principal` object, and whether a value stands for anyone. */
const KINDS: readonly [string, (v: string) => boolean][] = [
  ["AWS", awsValueIsPublic],
  ["CanonicalUser", (v) => /^[*?]+$/.test(v.trim())],
  ["Federated", (v) => /^[*?]+$/.test(v.trim())],
  ["Service", (v) => /^[*?]+$/.test(v.trim())],
];

/** Whether a raw `Principal` value (as written) lets anyone in. */
export function principalIsPublic(principal: unknown): PublicVerdict {
  if (principal === undefined || principal === null) return { public: false, why: "no Principal" };
  if (isUnknown(principal))
    return { public: false, unknown: true, why: "Principal is not known until apply" };
  if (typeof principal === "string") {
    return awsValueIsPublic(principal)
      ? { public: true, why: `Principal ${quote(principal)}` }
      : { public: false, why: `Principal ${quote(principal)}` };
  }
  if (!isObject(principal)) return { public: false, why: `Principal ${quote(principal)} is not readable` };
  let unknown = false;
  for (const [kind, isPublic] of KINDS) {
    for (const v of list(principal[kind])) {
      if (isUnknown(v)) unknown = true;
      else if (typeof v === "string" && isPublic(v)) {
        return { public: true, why: `Principal {"${kind}": ${quote(v)}}` };
      }
    }
  }
  if (unknown) return { public: false, unknown: true, why: "a Principal value is not known until apply" };
  return { public: false, why: `Principal ${quote(principal)}` };
}

/** Whether one raw statement lets anyone in. */
export function statementIsPublic(statement: unknown, options: PinOptions = NO_OPTIONS): PublicVerdict {
  if (isUnknown(statement))
    return { public: false, unknown: true, why: "the statement is not known until apply" };
  if (!isObject(statement)) return { public: false, why: "not a statement object" };
  const effect = statement.Effect;
  if (effect === "Deny") return { public: false, why: "Deny never opens access" };
  const effectUnknown = isUnknown(effect);
  if (!effectUnknown && effect !== "Allow")
    return { public: false, why: `Effect ${quote(effect)} is not Allow` };
  let verdict: PublicVerdict;
  if (statement.NotPrincipal !== undefined) {
    verdict = {
      public: true,
      why: `it uses NotPrincipal ${quote(statement.NotPrincipal)} with Allow, which lets in everyone except the listed principals`,
    };
  } else {
    const principal = principalIsPublic(statement.Principal);
    if (!principal.public) return principal;
    const pin = conditionPin(statement.Condition, options);
    if (pin.pins) return { public: false, why: `${principal.why} pinned by ${pin.by}` };
    if (pin.unknown)
      return { public: false, unknown: true, why: "a condition value is not known until apply" };
    const hasCondition = isObject(statement.Condition) && Object.keys(statement.Condition).length > 0;
    verdict = {
      public: true,
      why: !hasCondition
        ? `it allows ${principal.why} with no condition`
        : `it allows ${principal.why} and no condition pins the caller${pin.weak.length ? ` (${pin.weak.join("; ")})` : ""}`,
    };
  }
  if (effectUnknown) return { public: false, unknown: true, why: "Effect is not known until apply" };
  return verdict;
}

/** One public statement of a document. */
export interface PublicStatement {
  readonly index: number;
  readonly sid?: string;
  readonly why: string;
}

/**
 * The raw statements of a document (JSON string or object, `Statement` as an
 * object or an array), for a policy that words its own messages; `unknown`
 * when the document or its `Statement` is not known until apply. Malformed
 * JSON gives no statements (AWS rejects it at apply; the IAM lint reports it).
 */
export function rawStatements(doc: unknown): { statements: unknown[]; unknown: boolean } {
  if (doc === undefined || doc === null || doc === "") return { statements: [], unknown: false };
  if (isUnknown(doc)) return { statements: [], unknown: true };
  let value: unknown = doc;
  if (typeof doc === "string") {
    try {
      value = JSON.parse(doc);
    } catch {
      // Malformed JSON is rejected by AWS at apply (and reported by the IAM lint): nothing public to read.
      return { statements: [], unknown: false };
    }
  }
  if (!isObject(value)) return { statements: [], unknown: false };
  if (isUnknown(value.Statement)) return { statements: [], unknown: true };
  return { statements: list(value.Statement), unknown: false };
}

/** Every statement of a document that lets anyone in, and whether some statement could not be judged yet. */
export function publicStatements(
  doc: unknown,
  options: PinOptions = NO_OPTIONS,
): { statements: PublicStatement[]; unknown: boolean } {
  const raw = rawStatements(doc);
  let unknown = raw.unknown;
  const statements: PublicStatement[] = [];
  raw.statements.forEach((s, index) => {
    const v = statementIsPublic(s, options);
    if (v.unknown) unknown = true;
    if (!v.public) return;
    const sid = isObject(s) && typeof s.Sid === "string" && !isUnknown(s.Sid) ? s.Sid : undefined;
    statements.push({ index, sid, why: v.why });
  });
  return { statements, unknown };
}

/** One document on a resource: the input that holds it and its value. */
export interface DocumentInput {
  /** `policy`, `accessPolicies`, `assumeRolePolicy`. */
  readonly path: string;
  readonly doc: unknown;
}

/** What {@link publicDocumentFindings} says and accepts. */
export interface PublicFindingOptions extends PinOptions {
  /** The fix, appended to every message after "; ". */
  readonly fix: string;
}

/**
 * Findings for the documents of one resource: one per public statement, as
 * `<path> statement <i> (Sid "x"): <why>; <fix>`. Throws a `previewUnknown`
 * error when there is no finding but some statement could not be judged.
 */
export function publicDocumentFindings(
  refs: readonly DocumentInput[],
  options: PublicFindingOptions,
): Finding[] {
  const out: Finding[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    const found = publicStatements(ref.doc, options);
    for (const s of found.statements) {
      const at = s.sid ? `statement ${s.index} (Sid "${s.sid}")` : `statement ${s.index}`;
      out.push({ message: `${ref.path} ${at}: ${s.why}; ${options.fix}` });
    }
    if (found.unknown) unknown.push(ref.path);
  }
  if (out.length === 0 && unknown.length > 0) {
    throw previewUnknown(`${unknown.join(", ")} is not fully known until apply`);
  }
  return out;
}
