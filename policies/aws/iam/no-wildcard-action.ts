/**
 * No wildcard actions (`*`, `*:*`, `service:*`, `*:Get*`), wherever they hide in an Action list.
 *
 * One escape hatch, the one LeastPrivilegeRole documents: a statement with a
 * written justification (`components/aws/iam/justification.ts`). The
 * component gives the statement a Sid and tags the role
 * `paved:justification:<Sid>` and `paved:justification-ticket:<Sid>`. The
 * pack trusts it only on an `aws.iam.RolePolicy` whose parent is a genuine
 * LeastPrivilegeRole (registered type token; the role it depends on, under
 * the same parent, stamped with the component's pattern and a compatible
 * version: the spoof check of paved-approved-components), and only when the
 * role carries the justification, a ticket and an owner: then the finding is
 * an advisory note naming the owner and ticket, not a violation. The same
 * statement on a raw policy, or under a look-alike component, is a violation.
 *
 * A stack policy, because the justification sits on the role and the
 * wildcard on its RolePolicy, a separate resource.
 */
import { parsePolicyDocument } from "../../../components/aws/iam/lint";
import {
  JUSTIFICATION_TAG_PREFIX,
  JUSTIFICATION_TICKET_TAG_PREFIX,
} from "../../../components/aws/iam/justification";
import { PAVED_COMPONENT_TYPES } from "../../../components/core/component-types";
import { TAG_KEYS } from "../../../components/core/governance";
import { genuinePavedParent } from "../../governance/approved-components";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { defineStackPolicy } from "../../lib/define";
import { asRecord, asString, isUnknownValueError, peek } from "../../lib/props";
import { rawProps } from "../../lib/sdk";
import type { Finding, StackResource } from "../../lib/types";
import {
  documentsOf,
  lintDocument,
  PERMISSION_POLICY_TYPES,
  ROLE_TYPE,
  unknownStatementNote,
} from "./documents";
import { ofType } from "../../lib/stack-index";

const CODES = ["PAVED_IAM_ADMIN", "PAVED_IAM_WILDCARD_ACTION", "PAVED_IAM_TRUST_WILDCARD_ACTION"];
const TYPES: readonly string[] = [...PERMISSION_POLICY_TYPES, ROLE_TYPE];
/** The statement keys the wildcard and admin checks read. */
const WILDCARD_FIELDS: readonly string[] = ["Effect", "Action", "Resource"];
const ROLE_POLICY_TYPE = "aws:iam/rolePolicy:RolePolicy";
const LEAST_PRIVILEGE_ROLE = PAVED_COMPONENT_TYPES.LeastPrivilegeRole;

/** The ancestor types of a stack resource: from its URN, or its resolved parents when the URN has none. */
function ancestorsOf(r: StackResource): string[] {
  const fromUrn = (r.urn.split("::")[2] ?? "").split("$").slice(0, -1);
  if (fromUrn.length > 0) return fromUrn;
  const out: string[] = [];
  for (let p = r.parent; p; p = p.parent) out.unshift(p.type);
  return out;
}

/** The URN prefix shared by siblings: everything but the last type segment and the name. */
function parentChain(r: StackResource): string {
  const [head = "", project = "", qualified = ""] = r.urn.split("::");
  return `${head}::${project}::${qualified.split("$").slice(0, -1).join("$")}`;
}

/** A justification LeastPrivilegeRole recorded for a Sid, when the pack can trust it. */
interface Trusted {
  readonly role: string;
  readonly justification: string;
  readonly ticket: string;
  readonly owner: string;
}

/**
 * The justification of statement `sid` of a RolePolicy, from the role it
 * belongs to, when both are children of one genuine LeastPrivilegeRole.
 */
function trustedJustification(policy: StackResource, sid: string): Trusted | undefined {
  if (policy.type !== ROLE_POLICY_TYPE) return undefined;
  const only = { only: [LEAST_PRIVILEGE_ROLE] };
  if (!genuinePavedParent({ type: policy.type, ancestors: ancestorsOf(policy), props: {} }, only).genuine) {
    return undefined;
  }
  const role = (policy.dependencies ?? []).find(
    (d) =>
      d.type === ROLE_TYPE &&
      parentChain(d) === parentChain(policy) &&
      (policy.parent === undefined || d.parent === undefined || d.parent.urn === policy.parent.urn),
  );
  if (!role) return undefined;
  if (
    !genuinePavedParent({ type: role.type, ancestors: ancestorsOf(role), props: role.props }, only).genuine
  ) {
    return undefined;
  }
  const tags = peek(() => asRecord(role.props.tags));
  if (!tags) return undefined;
  const read = (k: string) => peek(() => asString(tags[k]))?.trim() || undefined;
  const justification = read(`${JUSTIFICATION_TAG_PREFIX}${sid}`);
  const ticket = read(`${JUSTIFICATION_TICKET_TAG_PREFIX}${sid}`);
  const owner = read(TAG_KEYS.owner);
  if (!justification || !ticket || !owner) return undefined;
  return { role: role.name, justification, ticket, owner };
}

/** The findings for one resource; throws a preview-unknown error when a document cannot be read yet. */
function findingsFor(r: StackResource): Finding[] {
  const out: Finding[] = [];
  const unknown: string[] = [];
  for (const ref of documentsOf(r.type, rawProps(r.props))) {
    const { findings, whole, partial } = lintDocument(ref.kind, ref.doc);
    let statements: ReturnType<typeof parsePolicyDocument>["statements"] | undefined;
    for (const f of findings) {
      if (!CODES.includes(f.code)) continue;
      const message = `${ref.path}: ${f.message}; ${f.fix}`;
      if (f.code === "PAVED_IAM_WILDCARD_ACTION" && f.statementIndex !== undefined) {
        statements ??= parsePolicyDocument(ref.doc).statements;
        const sid = statements.find((s) => s.index === f.statementIndex)?.sid;
        const trusted = sid !== undefined ? trustedJustification(r, sid) : undefined;
        if (trusted) {
          out.push({
            urn: r.urn,
            advisory: true,
            message: `${ref.path}: statement ${f.statementIndex} (Sid "${sid}") allows wildcard action "${f.action ?? "*"}", accepted as justified by LeastPrivilegeRole role "${trusted.role}" (owner ${trusted.owner}, ticket ${trusted.ticket}): ${trusted.justification}`,
          });
          continue;
        }
      }
      out.push({ urn: r.urn, message });
    }
    if (whole) unknown.push(ref.path);
    // Only the statements whose actions are not known yet: the others were checked.
    const note = unknownStatementNote(ref.path, partial, WILDCARD_FIELDS);
    if (note) out.push({ urn: r.urn, advisory: true, message: `"${r.name}": ${note}` });
  }
  if (out.length === 0 && unknown.length > 0) {
    out.push({
      urn: r.urn,
      advisory: true,
      message: `"${r.name}": ${unknown.join(", ")} is not fully known until apply; it is checked again on update`,
    });
  }
  return out;
}

export const iamNoWildcardAction = defineStackPolicy({
  name: "aws-iam-no-wildcard-action",
  description: "IAM policies allow no wildcard action (*, service:*), including administrator access.",
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Replace each wildcard action with the specific actions the workload calls (s3:GetObject, not s3:*).",
    "Use Paved's `LeastPrivilegeRole`, which accepts a service-wide wildcard only with a written `justification` and a `ticket`; the pack then reports it as an advisory note naming the owner and ticket.",
    "IAM Access Analyzer's policy generation lists the actions a role actually used.",
  ],
  frameworks: [cisAws("1.16"), awsFsbp("IAM.1"), awsFsbp("IAM.21")],
  check(resources) {
    const out: Finding[] = [];
    for (const r of ofType(resources, ...TYPES)) {
      try {
        out.push(...findingsFor(r));
      } catch (e) {
        if (!isUnknownValueError(e)) throw e;
        out.push({
          urn: r.urn,
          advisory: true,
          message: `"${r.name}": ${e.message}; checked again on update`,
        });
      }
    }
    return out;
  },
});
