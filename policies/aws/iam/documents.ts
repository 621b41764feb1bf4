/**
 * Where IAM documents sit on raw AWS resources, and the one way the IAM
 * policies run the shared lint (`components/aws/iam/lint.ts`) over them.
 *
 * Shapes read: `policy` on aws.iam.Policy / RolePolicy / UserPolicy /
 * GroupPolicy, and on aws.iam.Role its `assumeRolePolicy` (trust) and every
 * `inlinePolicies[].policy`. A document may be a JSON string or an object.
 *
 * Preview unknowns: the lint reads the raw inputs (the SDK proxy would throw on
 * the first nested unknown), so an unknown value inside a document only makes
 * its statement "partial": every statement that is known is checked, and each
 * policy notes (advisory) only the statements whose fields it reads are not
 * known yet, naming them: `policy: statement 0 (Sid "Read"): Resource is not
 * known until apply`. A document that is wholly unknown (a `pulumi.jsonStringify`
 * or `getPolicyDocument` output over an unknown ARN: the engine hands the pack
 * one unknown string) and gives nothing definite throws a `previewUnknown`
 * error, which the pack reports as one advisory "skipped during preview" note.
 *
 * Lint results are cached per JSON string: the same document string (a shared
 * `getPolicyDocument` output, a copy-pasted policy) is parsed once per process.
 */
import {
  type LintFinding,
  lintPermissionsDocument,
  lintTrustDocument,
  parsePolicyDocument,
  type PermissionsLintOptions,
} from "../../../components/aws/iam/lint";
import { UNKNOWN_SENTINEL } from "../../../components/aws/iam/match";
import { lastResourceMemo } from "../../lib/props";
import { rawProps } from "../../lib/sdk";
import type { Finding, ResourceUnderCheck } from "../../lib/types";
import { previewUnknown } from "../../lib/unknown";

export type DocumentKind = "permissions" | "trust";

/** One IAM document on a resource, located. */
export interface DocumentRef {
  readonly kind: DocumentKind;
  /** The input that holds it: `policy`, `assumeRolePolicy`, `inlinePolicies[1].policy`. */
  readonly path: string;
  readonly doc: unknown;
}

/** The resource types whose `policy` input is a permissions document. */
export const PERMISSION_POLICY_TYPES: readonly string[] = [
  "aws:iam/policy:Policy",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/userPolicy:UserPolicy",
  "aws:iam/groupPolicy:GroupPolicy",
];
export const ROLE_TYPE = "aws:iam/role:Role";

/** The IAM documents a resource holds, from its raw inputs. */
export function documentsOf(type: string, props: Record<string, unknown>): DocumentRef[] {
  const present = (doc: unknown) => doc !== undefined && doc !== null && doc !== "";
  if (PERMISSION_POLICY_TYPES.includes(type)) {
    return present(props.policy) ? [{ kind: "permissions", path: "policy", doc: props.policy }] : [];
  }
  if (type !== ROLE_TYPE) return [];
  const out: DocumentRef[] = [];
  if (present(props.assumeRolePolicy))
    out.push({ kind: "trust", path: "assumeRolePolicy", doc: props.assumeRolePolicy });
  const inline = props.inlinePolicies;
  if (Array.isArray(inline)) {
    inline.forEach((p, i) => {
      const doc = p !== null && typeof p === "object" ? (p as Record<string, unknown>).policy : p;
      // An inline policy entry with only a name (and no policy) is AWS's way of saying "none".
      if (present(doc)) out.push({ kind: "permissions", path: `inlinePolicies[${i}].policy`, doc });
    });
  } else if (inline !== undefined) {
    out.push({ kind: "permissions", path: "inlinePolicies", doc: inline });
  }
  return out;
}

/** The documents of a resource, for the IAM policies that read them from one resource in a row. */
const documentsRead = lastResourceMemo(documentsOf);

const MAX_CACHE = 10_000;
/** A statement with values not known until apply: which of its fields hold them. */
export interface UnknownStatement {
  readonly index: number;
  readonly sid?: string;
  /** The statement's own keys (`Resource`, `Condition`), or `["*"]` when the whole statement is unknown. */
  readonly fields: readonly string[];
}
type Linted = {
  findings: LintFinding[];
  /** Anything in the document not known until apply. */
  unknown: boolean;
  /** The whole document (or its Statement) is not known: nothing in it was checked. */
  whole: boolean;
  /** The statements with an unknown value; every other statement was checked. */
  partial: readonly UnknownStatement[];
};
/** Per kind, per options, per document string (keyed by the string itself, whose hash V8 keeps on it). */
const cache: Record<DocumentKind, Map<string, Map<string, Linted>>> = {
  permissions: new Map(),
  trust: new Map(),
};
let cached = 0;
const NO_OPTIONS: PermissionsLintOptions = {};
/** The cache key of an options object (policies pass the same object every time). */
const optionKeys = new WeakMap<PermissionsLintOptions, string>();

function cacheFor(kind: DocumentKind, opts: PermissionsLintOptions): Map<string, Linted> {
  let optKey = optionKeys.get(opts);
  if (optKey === undefined) {
    // Empty lists are the defaults: the same lint as no options at all.
    const { justifiedStatements: j = [], noResourceLevelActions: n = [] } = opts;
    optKey = JSON.stringify([j, n]);
    optionKeys.set(opts, optKey);
  }
  let docs = cache[kind].get(optKey);
  if (!docs) cache[kind].set(optKey, (docs = new Map()));
  return docs;
}

/** Lints one document (cached when it is a string): its findings, and whether any of it is unknown. */
export function lintDocument(
  kind: DocumentKind,
  doc: unknown,
  opts: PermissionsLintOptions = NO_OPTIONS,
): Linted {
  const docs = typeof doc === "string" ? cacheFor(kind, opts) : undefined;
  const hit = docs?.get(doc as string);
  if (hit) return hit;
  const parsed = parsePolicyDocument(doc);
  const findings = kind === "trust" ? lintTrustDocument(doc) : lintPermissionsDocument(doc, opts);
  const partial = parsed.unknown ? [] : unknownStatements(doc);
  const result = {
    findings,
    unknown: parsed.unknown || partial.length > 0 || parsed.statements.some((s) => s.partial),
    whole: parsed.unknown,
    partial,
  };
  if (docs) {
    if (cached >= MAX_CACHE) {
      cache.permissions.clear();
      cache.trust.clear();
      cached = 0;
    }
    cacheFor(kind, opts).set(doc as string, result);
    cached++;
  }
  return result;
}

/** True when a raw value is, or holds anywhere inside, the preview unknown. */
function holdsUnknown(v: unknown, depth = 0): boolean {
  if (v === UNKNOWN_SENTINEL) return true;
  if (depth > 8 || v === null || typeof v !== "object") return false;
  return Object.values(v as Record<string, unknown>).some((x) => holdsUnknown(x, depth + 1));
}

/**
 * The statements of a document (object or JSON string) that hold a preview
 * unknown, with the fields that do. A statement that is itself unknown has
 * fields `["*"]` (the parser leaves it out: without this it would pass unseen).
 */
export function unknownStatements(doc: unknown): UnknownStatement[] {
  let value = doc;
  if (typeof doc === "string") {
    if (!doc.includes(UNKNOWN_SENTINEL)) return [];
    try {
      value = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  if (value === null || typeof value !== "object") return [];
  const raw = (value as Record<string, unknown>).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const out: UnknownStatement[] = [];
  list.forEach((st, index) => {
    if (st === UNKNOWN_SENTINEL) {
      out.push({ index, fields: ["*"] });
      return;
    }
    if (st === null || typeof st !== "object" || Array.isArray(st)) return;
    const rec = st as Record<string, unknown>;
    const fields = Object.keys(rec).filter((k) => holdsUnknown(rec[k]));
    if (fields.length === 0) return;
    const sid = typeof rec.Sid === "string" && rec.Sid !== UNKNOWN_SENTINEL ? rec.Sid : undefined;
    out.push({ index, sid, fields });
  });
  return out;
}

/**
 * The advisory note for the statements of one document that a rule cannot
 * read yet (`fields`: the statement keys the rule reads; a statement unknown
 * as a whole always counts), or undefined when none.
 */
export function unknownStatementNote(
  path: string,
  partial: readonly UnknownStatement[],
  fields?: readonly string[],
): string | undefined {
  const hit = partial.filter(
    (s) => s.fields.includes("*") || !fields || s.fields.some((f) => fields.includes(f)),
  );
  if (hit.length === 0) return undefined;
  const label = (s: UnknownStatement) => {
    const at = s.sid ? `statement ${s.index} (Sid "${s.sid}")` : `statement ${s.index}`;
    if (s.fields.includes("*")) return `${at} is`;
    const shown = fields ? s.fields.filter((f) => fields.includes(f)) : s.fields;
    return `${at}: ${shown.join(", ")} ${shown.length === 1 ? "is" : "are"}`;
  };
  return `${path}: ${hit.map(label).join("; ")} not known until apply, so ${hit.length === 1 ? "it is" : "they are"} checked again on update (the other statements were checked)`;
}

/** What one IAM policy asks of {@link iamFindings}. */
export interface IamRule {
  /** The document kinds this policy reads. */
  readonly kinds: readonly DocumentKind[];
  /** The lint codes this policy reports. */
  readonly codes: readonly string[];
  /** Options for the permissions lint (an allow-list of no-resource-level actions). */
  readonly options?: PermissionsLintOptions;
  /**
   * The statement keys the rule's codes read (`Action`, `Resource`): an unknown
   * elsewhere in a statement gets no note from this rule. @default every key
   */
  readonly fields?: readonly string[];
}

/**
 * The policy findings for one resource: every lint finding with one of the
 * rule's codes, as `<input>: <message>; <fix>`, then an advisory note per
 * document naming the statements the rule could not read yet. Throws a
 * `previewUnknown` error (`lib/unknown.ts`) when a document is wholly unknown
 * and nothing else was found or noted.
 */
export function iamFindings(resource: ResourceUnderCheck, rule: IamRule): Finding[] {
  const refs = documentsRead(resource.type, rawProps(resource.props));
  const out: Finding[] = [];
  const notes: Finding[] = [];
  const whole: string[] = [];
  for (const ref of refs) {
    if (!rule.kinds.includes(ref.kind)) continue;
    const linted = lintDocument(ref.kind, ref.doc, rule.options);
    for (const f of linted.findings) {
      if (rule.codes.includes(f.code)) out.push({ message: `${ref.path}: ${f.message}; ${f.fix}` });
    }
    if (linted.whole) whole.push(ref.path);
    const note = unknownStatementNote(ref.path, linted.partial, rule.fields);
    if (note) notes.push({ message: note, advisory: true });
  }
  if (out.length === 0 && notes.length === 0 && whole.length > 0) {
    throw previewUnknown(`${whole.join(", ")} is not known until apply`);
  }
  if (whole.length > 0) {
    notes.push({
      message: `${whole.join(", ")} is not known until apply, so it is checked again on update`,
      advisory: true,
    });
  }
  return [...out, ...notes];
}
