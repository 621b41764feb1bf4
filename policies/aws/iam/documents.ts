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
 * its statement "partial". Definite findings are reported; when a policy finds
 * nothing but some document it reads is unknown or partial, it throws a
 * `previewUnknown` error, which the pack reports as one advisory "skipped during
 * preview" note.
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
type Linted = { findings: LintFinding[]; unknown: boolean };
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
  const result = { findings, unknown: parsed.unknown || parsed.statements.some((s) => s.partial) };
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

/** What one IAM policy asks of {@link iamFindings}. */
export interface IamRule {
  /** The document kinds this policy reads. */
  readonly kinds: readonly DocumentKind[];
  /** The lint codes this policy reports. */
  readonly codes: readonly string[];
  /** Options for the permissions lint (an allow-list of no-resource-level actions). */
  readonly options?: PermissionsLintOptions;
}

/**
 * The policy findings for one resource: every lint finding with one of the
 * rule's codes, as `<input>: <message>; <fix>`. Throws an
 * `previewUnknown` error (`lib/unknown.ts`) when there is none but a document read is unknown.
 */
export function iamFindings(resource: ResourceUnderCheck, rule: IamRule): Finding[] {
  const refs = documentsRead(resource.type, rawProps(resource.props));
  const out: Finding[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    if (!rule.kinds.includes(ref.kind)) continue;
    const { findings, unknown: isUnknown } = lintDocument(ref.kind, ref.doc, rule.options);
    for (const f of findings) {
      if (rule.codes.includes(f.code)) out.push({ message: `${ref.path}: ${f.message}; ${f.fix}` });
    }
    if (isUnknown) unknown.push(ref.path);
  }
  if (out.length === 0 && unknown.length > 0) {
    throw previewUnknown(`${unknown.join(", ")} is not fully known until apply`);
  }
  return out;
}
