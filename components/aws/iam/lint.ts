/**
 * The IAM lint: pure functions over policy documents, shared by
 * LeastPrivilegeRole (before it creates anything) and the policy pack.
 * No Pulumi import. Documents may be objects or JSON strings; unknown values
 * (a preview) are skipped, never a crash.
 *
 * Codes are stable; the policy pack and tests match them:
 * - `PAVED_IAM_MALFORMED`              not JSON, no Statement, bad Effect, no Action/Resource/Principal
 * - `PAVED_IAM_ACTION_FORMAT`          an action that is not `service:Name`
 * - `PAVED_IAM_ADMIN`                  Allow `*` (or `*:*`) on every resource
 * - `PAVED_IAM_WILDCARD_ACTION`        Allow `*`, `*:*`, `service:*` without a justification
 * - `PAVED_IAM_ALLOW_NOT_ACTION`       Allow with NotAction
 * - `PAVED_IAM_ALLOW_NOT_RESOURCE`     Allow with NotResource
 * - `PAVED_IAM_RESOURCE_WILDCARD`      Allow on `*` for an action that supports resource-level permissions
 * - `PAVED_IAM_PASSROLE_WILDCARD`      Allow `iam:PassRole` on any role
 * - `PAVED_IAM_TRUST_*`                trust-policy findings (see {@link lintTrustDocument})
 */
import {
  actionMatches,
  isFullWildcard,
  isKnownString,
  isServiceWideWildcard,
  isWellFormedAction,
} from "./match";
import { isNoResourceLevelAction } from "./no-resource-actions";
import { LintFinding, parsePolicyDocument, statementLabel } from "./parse";

export * from "./parse";
export { lintTrustDocument, oidcIssuerOf } from "./lint-trust";
export {
  isAppIdIssuer,
  isCognitoIssuer,
  isEksIssuer,
  isGitHubIssuer,
  isPinningOperator,
  subIsWildcard,
} from "./lint-oidc";
export { NO_RESOURCE_LEVEL_ACTIONS, isNoResourceLevelAction } from "./no-resource-actions";
export {
  actionMatches,
  actionCoveredBy,
  isServiceWideWildcard,
  isFullWildcard,
  isWellFormedAction,
  serviceOf,
  UNKNOWN_SENTINEL,
} from "./match";

/** Options for {@link lintPermissionsDocument}. */
export interface PermissionsLintOptions {
  /**
   * Indexes of statements that carry a written justification: a whole-service
   * wildcard action in them is accepted. (IAM JSON has no field for it;
   * LeastPrivilegeRole passes the statements with `justification`.)
   * @default []
   */
  justifiedStatements?: readonly number[];
  /** More actions to accept on `Resource: "*"` (a policy's allow-list), as globs. @default [] */
  noResourceLevelActions?: readonly string[];
}

/**
 * True when a resource element grants every resource of its kind: `*`, or
 * an ARN whose resource part is `*` (`arn:aws:s3:::*`, `arn:aws:logs:*:*:*`).
 */
export function isResourceWildcard(resource: string): boolean {
  const r = resource.trim();
  return r === "*" || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(r);
}

/** True when a resource element covers every IAM role: `*`, `arn:aws:iam::*:role/*`, `arn:aws:iam::123456789012:role/*`. */
function isAnyRole(resource: string): boolean {
  const r = resource.trim();
  return (
    isResourceWildcard(r) || /^arn:[^:]*:iam::[^:]*:role\/\*$/.test(r) || /^arn:[^:]*:iam::[^:]*:\*$/.test(r)
  );
}

/**
 * Lints an identity (permissions) policy. Deny statements are exempt from the
 * least-privilege rules: a broad Deny is a guardrail, not a grant.
 */
export function lintPermissionsDocument(doc: unknown, opts: PermissionsLintOptions = {}): LintFinding[] {
  const parsed = parsePolicyDocument(doc);
  const findings: LintFinding[] = [...parsed.problems];
  const justified = new Set(opts.justifiedStatements ?? []);
  const extra = opts.noResourceLevelActions ?? [];
  for (const s of parsed.statements) {
    const at = statementLabel(s);
    for (const a of [...(s.actions ?? []), ...(s.notActions ?? [])]) {
      if (!isWellFormedAction(a.trim())) {
        findings.push({
          code: "PAVED_IAM_ACTION_FORMAT",
          statementIndex: s.index,
          action: a,
          message: `${at} action "${a}" is not of the form service:Action`,
          fix: 'write the service prefix, a colon and the action name, for example "s3:GetObject"',
          severity: "medium",
        });
      }
    }
    if (s.effect !== "Allow") continue;
    if (s.actions === undefined && s.notActions === undefined && !s.partial) {
      findings.push({
        code: "PAVED_IAM_MALFORMED",
        statementIndex: s.index,
        message: `${at} has no Action`,
        fix: "list the actions the statement allows",
        severity: "high",
      });
    }
    if (s.resources === undefined && s.notResources === undefined && !s.partial) {
      findings.push({
        code: "PAVED_IAM_MALFORMED",
        statementIndex: s.index,
        message: `${at} has no Resource`,
        fix: "list the ARNs the statement applies to",
        severity: "high",
      });
    }
    for (const a of s.notActions ?? []) {
      findings.push({
        code: "PAVED_IAM_ALLOW_NOT_ACTION",
        statementIndex: s.index,
        action: a,
        message: `${at} allows every action except NotAction "${a}", including actions AWS adds later`,
        fix: "list the allowed actions in Action; use NotAction only with Deny",
        severity: "high",
      });
    }
    if (s.notResources !== undefined) {
      findings.push({
        code: "PAVED_IAM_ALLOW_NOT_RESOURCE",
        statementIndex: s.index,
        message: `${at} allows its actions on every resource except NotResource [${s.notResources.join(", ")}]`,
        fix: "list the allowed ARNs in Resource; use NotResource only with Deny",
        severity: "high",
      });
    }
    const resources = s.resources ?? [];
    // The element as the program wrote it (`arn:aws:logs:*:*:*`), quoted in messages.
    const wildcard = resources.find(isResourceWildcard);
    const anyRole = resources.find(isAnyRole);
    const onAll = wildcard !== undefined;
    const onAnyRole = anyRole !== undefined;
    for (const a of s.actions ?? []) {
      const action = a.trim();
      if (isFullWildcard(action) && onAll) {
        findings.push({
          code: "PAVED_IAM_ADMIN",
          statementIndex: s.index,
          action: a,
          message: `${at} allows action "${a}" on every resource: full administrator access`,
          fix: "grant the specific actions the workload calls, on the ARNs it uses",
          severity: "critical",
        });
        continue;
      }
      if (isServiceWideWildcard(action) && !justified.has(s.index)) {
        findings.push({
          code: "PAVED_IAM_WILDCARD_ACTION",
          statementIndex: s.index,
          action: a,
          message: `${at} allows wildcard action "${a}", which grants every action of ${isFullWildcard(action) ? "every service" : "the service"}, present and future`,
          fix: "list the specific actions (for example s3:GetObject), or add a justification to the statement",
          severity: isFullWildcard(action) ? "critical" : "high",
        });
      }
      if (onAnyRole && actionMatches(action, "iam:PassRole")) {
        findings.push({
          code: "PAVED_IAM_PASSROLE_WILDCARD",
          statementIndex: s.index,
          action: a,
          message: `${at} allows action "${a}" (iam:PassRole) on any role (Resource "${anyRole}"), so the holder can hand any role, including admin roles, to a service`,
          fix: "name the role ARNs that may be passed, and add the condition iam:PassedToService",
          severity: "critical",
        });
        if (!isFullWildcard(action) && !isServiceWideWildcard(action)) continue;
      }
      if (onAll && !isNoResourceLevelAction(action, extra)) {
        findings.push({
          code: "PAVED_IAM_RESOURCE_WILDCARD",
          statementIndex: s.index,
          action: a,
          message: `${at} allows action "${a}" on Resource "${wildcard}"${wildcard === "*" ? "" : " (every resource of its kind)"}, but the action supports resource-level permissions`,
          fix: 'name the ARNs the action needs; Resource "*" is accepted only for actions with no resource-level permissions (ec2:Describe*, sts:GetCallerIdentity, ...)',
          severity: "high",
        });
      }
    }
  }
  return findings;
}

/**
 * True for an AWS managed policy that grants administrator or full access:
 * AdministratorAccess (and its variants), PowerUserAccess, IAMFullAccess and
 * any `*FullAccess`, in any partition and under any path (`job-function/`).
 */
export function isAdminManagedPolicyArn(arn: string): boolean {
  if (!isKnownString(arn)) return false;
  const m = /^arn:aws[a-z-]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/i.exec(arn.trim());
  if (!m) return false;
  const name = m[1];
  return (
    /^AdministratorAccess/i.test(name) ||
    /^PowerUserAccess$/i.test(name) ||
    /^IAMFullAccess$/i.test(name) ||
    /FullAccess$/i.test(name)
  );
}
