/**
 * No role trusts Principal "*" (or NotPrincipal) unless a condition pins the caller's account or organization.
 *
 * Reads the trust document with the shared principal reader (`lib/principals.ts`), whose
 * pinning rule needs a matching operator (StringEquals, ArnEquals, ... not StringNotEquals or
 * ...IfExists) with concrete values: a negated or wildcard condition on aws:PrincipalOrgID is
 * not a pin.
 */
import { nist80053 } from "../../lib/frameworks";
import { defineResourcePolicy } from "../../lib/define";
import { conditionPin, rawStatements, statementIsPublic } from "../../lib/principals";
import { rawProps } from "../../lib/sdk";
import type { Finding } from "../../lib/types";
import { previewUnknown } from "../../lib/unknown";
import { ROLE_TYPE, documentsOf } from "./documents";

const PIN_FIX =
  "name the trusted account, role or service, or pin it with a StringEquals condition on aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceAccount with concrete values";

type TrustVerdict = {
  readonly findings: readonly Finding[];
  readonly unknown: boolean;
  readonly partial: readonly string[];
};

/**
 * Verdicts by path and document text: a stack's roles repeat a few trust
 * documents (every role of a service trusts the same principal), and judging
 * one parses its JSON. Bounded: cleared when full. Frozen, as they are shared.
 */
const verdicts = new Map<string, TrustVerdict>();

/**
 * The findings for one trust document at `path`; `unknown` when the document is
 * not known, `partial` the statements that cannot be judged yet (the others are).
 */
function trustFindings(path: string, doc: unknown): TrustVerdict {
  if (typeof doc !== "string") return judge(path, doc);
  const key = `${path}\0${doc}`;
  let v = verdicts.get(key);
  if (v === undefined) {
    if (verdicts.size >= 4096) verdicts.clear();
    const j = judge(path, doc);
    v = Object.freeze({
      ...j,
      findings: Object.freeze(j.findings.map((f) => Object.freeze(f))),
      partial: Object.freeze(j.partial),
    });
    verdicts.set(key, v);
  }
  return v;
}

function judge(path: string, doc: unknown): { findings: Finding[]; unknown: boolean; partial: string[] } {
  const raw = rawStatements(doc);
  const partial: string[] = [];
  const findings: Finding[] = [];
  raw.statements.forEach((s, i) => {
    const verdict = statementIsPublic(s);
    const st = (s ?? {}) as Record<string, unknown>;
    const at = typeof st.Sid === "string" ? `statement ${i} (Sid "${st.Sid}")` : `statement ${i}`;
    if (verdict.unknown) partial.push(at);
    if (!verdict.public) return;
    if (st.NotPrincipal !== undefined) {
      findings.push({
        message: `${path}: ${at} uses NotPrincipal with Allow: everyone except ${JSON.stringify(st.NotPrincipal)} may assume the role; name the trusted principals in Principal`,
      });
      return;
    }
    const anyone =
      st.Principal === "*" ? 'Principal "*"' : `Principal "*" (written ${JSON.stringify(st.Principal)})`;
    const pin = conditionPin(st.Condition);
    const hasCondition =
      typeof st.Condition === "object" && st.Condition !== null && Object.keys(st.Condition).length > 0;
    findings.push({
      message: hasCondition
        ? `${path}: ${at} trusts ${anyone} and no condition pins the caller's account or organization${pin.weak.length ? ` (${pin.weak.join("; ")})` : ""}; ${PIN_FIX}`
        : `${path}: ${at} trusts ${anyone} with no condition: anyone with an AWS account can assume the role; ${PIN_FIX}`,
    });
  });
  return { findings, unknown: raw.unknown, partial };
}

export const iamNoPublicTrust = defineResourcePolicy({
  name: "aws-iam-no-public-trust",
  description: 'IAM roles do not trust Principal "*" (anyone with an AWS account).',
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the trusted account, role or service in `Principal`.",
    'If "*" is unavoidable, pin it with a StringEquals (or ArnEquals) condition on aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceAccount with concrete values; StringNotEquals, ...IfExists and "*" values do not pin.',
    "Replace Allow + NotPrincipal with the principals you trust.",
  ],
  frameworks: [nist80053("AC-3")],
  types: [ROLE_TYPE],
  check(resource) {
    const out: Finding[] = [];
    const notes: Finding[] = [];
    const unknown: string[] = [];
    for (const ref of documentsOf(resource.type, rawProps(resource.props))) {
      if (ref.kind !== "trust") continue;
      const r = trustFindings(ref.path, ref.doc);
      out.push(...r.findings);
      if (r.unknown) unknown.push(ref.path);
      if (r.partial.length > 0) {
        // Only the statements that cannot be judged yet: the others were checked.
        notes.push({
          advisory: true,
          message: `${ref.path}: ${r.partial.join(", ")} ${r.partial.length === 1 ? "is" : "are"} not known until apply (its principal or condition), so ${r.partial.length === 1 ? "it is" : "they are"} checked again on update`,
        });
      }
    }
    if (out.length === 0 && notes.length === 0 && unknown.length > 0) {
      throw previewUnknown(`${unknown.join(", ")} is not fully known until apply`);
    }
    return [...out, ...notes];
  },
});
