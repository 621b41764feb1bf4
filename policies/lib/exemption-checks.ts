/**
 * Checks on an exemption beyond its schema: a real calendar date and a selector
 * that can match something. Pure. (The closest name for a misspelling: ./did-you-mean.ts.)
 */
import type { Exemption } from "./exemptions";

/** True for a real calendar date in `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Characters of a regular expression that a glob takes literally: a namePattern with them is almost surely a regex. */
const REGEX_SYNTAX = /[\^$\\()[\]{}+?|]|\.\*/;

/** Why a selector can never match a resource, if it cannot. */
export function selectorProblem(e: Pick<Exemption, "urn" | "type" | "namePattern">): string | undefined {
  if (e.urn !== undefined && (!e.urn.startsWith("urn:pulumi:") || e.urn.split("::").length < 4)) {
    return `urn "${e.urn}" is not a URN (urn:pulumi:<stack>::<project>::<type>::<name>), so it matches nothing; copy it from the report or \`pulumi stack --show-urns\``;
  }
  if (e.type !== undefined && !/^[^:\s]+:[^:\s]*:[^:\s]+$/.test(e.type)) {
    return `type "${e.type}" is not a type token (package:module:Type, e.g. aws:ebs/volume:Volume), so it matches nothing`;
  }
  if (e.namePattern !== undefined) {
    if (e.namePattern.trim() !== e.namePattern) {
      return `namePattern "${e.namePattern}" starts or ends with a space, so it matches no resource name; remove the spaces`;
    }
    if (REGEX_SYNTAX.test(e.namePattern)) {
      return `namePattern "${e.namePattern}" looks like a regular expression, but it is a glob where only * is special, so it matches nothing you meant; write e.g. "scratch-*"`;
    }
  }
  return undefined;
}
