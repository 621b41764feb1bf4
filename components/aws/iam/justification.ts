/**
 * How a justified wildcard travels from LeastPrivilegeRole to the policy pack.
 * IAM JSON has no field for a reason, so the component
 * - gives each Allow statement that holds a whole-service wildcard and a
 *   `justification` a Sid (the user's, or `PavedJustified<8 hex>` derived from
 *   the statement's position and justification): the justification id;
 * - tags the role `paved:justification:<Sid>` (the justification, as far as a
 *   tag value can hold it) and `paved:justification-ticket:<Sid>` (the change
 *   ticket that approved it), next to the governance `owner` tag.
 * `aws-iam-no-wildcard-action` trusts that pair only when the policy's parent
 * is a genuine LeastPrivilegeRole (registered type, stamped role): it reports
 * an advisory note naming the owner and ticket instead of a violation.
 * Pure: no Pulumi.
 */
import { isKnownString, isServiceWideWildcard } from "./match";

/** The role tag holding a statement's justification: `paved:justification:<Sid>`. */
export const JUSTIFICATION_TAG_PREFIX = "paved:justification:";
/** The role tag holding the ticket that approved it: `paved:justification-ticket:<Sid>`. */
export const JUSTIFICATION_TICKET_TAG_PREFIX = "paved:justification-ticket:";
/** The prefix of a generated justification Sid. */
export const JUSTIFICATION_SID_PREFIX = "PavedJustified";
/** The most justified wildcard statements one role may carry (two tags each; IAM allows 50 tags per role). */
export const MAX_JUSTIFIED_STATEMENTS = 10;

/** The longest IAM tag value. */
const TAG_VALUE_MAX = 256;

/** FNV-1a, 32 bits, as 8 hex digits: a short stable id, not a secret. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The generated Sid of a justified statement: `PavedJustified` + 8 hex of its index and justification. */
export function justificationSid(index: number, justification: string): string {
  return `${JUSTIFICATION_SID_PREFIX}${fnv1a(`${index}\n${justification.trim()}`)}`;
}

/**
 * A text as an IAM tag value: characters IAM refuses in tag values (anything
 * but letters, digits, spaces and `_ . : / = + - @`) become spaces, runs of
 * spaces one, at most 256 characters (cut with `...`).
 */
export function asTagValue(text: string): string {
  const clean = text
    .replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length <= TAG_VALUE_MAX ? clean : `${clean.slice(0, TAG_VALUE_MAX - 3).trimEnd()}...`;
}

/** The fields of a statement this file reads. */
export interface JustifiableStatement {
  actions: readonly unknown[];
  justification?: string;
  effect?: "Allow" | "Deny";
  sid?: string;
}

/** True when the statement is an Allow whose wildcard actions rest on its justification. */
export function isJustifiedWildcard(s: JustifiableStatement): boolean {
  return (
    (s.effect ?? "Allow") === "Allow" &&
    typeof s.justification === "string" &&
    s.justification.trim() !== "" &&
    Array.isArray(s.actions) &&
    s.actions.some((a) => isKnownString(a) && isServiceWideWildcard(a))
  );
}

/** The statements with a Sid on every justified wildcard (the user's Sid is kept). */
export function withJustificationSids<S extends JustifiableStatement>(statements: readonly S[]): S[] {
  return statements.map((s, i) =>
    isJustifiedWildcard(s) && s.sid === undefined
      ? { ...s, sid: justificationSid(i, s.justification as string) }
      : s,
  );
}

/**
 * The role tags that carry the justifications to the pack, for statements
 * already passed through {@link withJustificationSids}; `ticketOf(i)` is the
 * ticket of statement `i` (undefined: no ticket tag).
 */
export function justificationTags(
  statements: readonly JustifiableStatement[],
  ticketOf: (i: number) => string | undefined,
): Record<string, string> {
  const tags: Record<string, string> = {};
  statements.forEach((s, i) => {
    if (!isJustifiedWildcard(s) || s.sid === undefined) return;
    tags[`${JUSTIFICATION_TAG_PREFIX}${s.sid}`] = asTagValue(s.justification as string);
    const ticket = ticketOf(i);
    if (ticket !== undefined && ticket.trim() !== "") {
      tags[`${JUSTIFICATION_TICKET_TAG_PREFIX}${s.sid}`] = asTagValue(ticket);
    }
  });
  return tags;
}
