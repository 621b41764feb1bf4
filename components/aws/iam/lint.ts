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
import {
  conditionEntries,
  hasAnyCondition,
  LintFinding,
  NormalizedStatement,
  parsePolicyDocument,
} from "./parse";

export * from "./parse";
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

function where(s: NormalizedStatement): string {
  return s.sid ? `statement ${s.index} (Sid "${s.sid}")` : `statement ${s.index}`;
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
    const at = where(s);
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
    const onAll = resources.some(isResourceWildcard);
    const onAnyRole = resources.some(isAnyRole);
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
          message: `${at} allows action "${a}" (iam:PassRole) on any role, so the holder can hand any role, including admin roles, to a service`,
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
          message: `${at} allows action "${a}" on Resource "*", but the action supports resource-level permissions`,
          fix: 'name the ARNs the action needs; Resource "*" is accepted only for actions with no resource-level permissions (ec2:Describe*, sts:GetCallerIdentity, ...)',
          severity: "high",
        });
      }
    }
  }
  return findings;
}

/** Condition keys that pin an anyone-principal (`"*"`) to an account, organization or source. */
const PINNING_KEYS = [
  "aws:PrincipalOrgID",
  "aws:PrincipalOrgPaths",
  "aws:PrincipalAccount",
  "aws:PrincipalArn",
  "aws:SourceAccount",
  "aws:SourceArn",
  "aws:SourceOwner",
  "aws:SourceOrgID",
  "sts:ExternalId",
];

/** The OIDC issuer host of a `Federated` principal (`arn:aws:iam::1:oidc-provider/<host>` or the host itself). */
export function oidcIssuerOf(federated: string): string | undefined {
  const f = federated.trim();
  const m = /^arn:[^:]+:iam::[^:]*:oidc-provider\/(.+)$/.exec(f);
  if (m) return m[1];
  if (f.startsWith("arn:")) return undefined; // a SAML provider or something else
  return /^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(f) ? f : undefined;
}

/** True for GitHub Actions' issuer (`token.actions.githubusercontent.com`, with an optional enterprise path). */
export function isGitHubIssuer(issuer: string): boolean {
  return /^token\.actions\.githubusercontent\.com(\/[^/]+)?$/i.test(issuer);
}

/** True for an EKS cluster's issuer (`oidc.eks.<region>.amazonaws.com/id/<ID>`). */
export function isEksIssuer(issuer: string): boolean {
  return /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[A-Za-z0-9]+$/i.test(issuer);
}

function subIsWildcard(issuer: string, value: string): boolean {
  const v = value.trim();
  if (v === "*" || v === "") return true;
  if (isGitHubIssuer(issuer)) return /^repo:[^:]*[*?]/.test(v);
  if (isEksIssuer(issuer))
    return /^system:serviceaccount:[^:]*[*?]/.test(v) || v === "system:serviceaccount:*";
  return false;
}

function lintFederated(s: NormalizedStatement, federated: string, findings: LintFinding[]): void {
  const at = where(s);
  if (/:saml-provider\//.test(federated)) {
    if (conditionEntries(s, "SAML:aud").length === 0) {
      findings.push({
        code: "PAVED_IAM_TRUST_SAML_NO_AUD",
        statementIndex: s.index,
        message: `${at} trusts SAML provider "${federated}" without a SAML:aud condition`,
        fix: 'add "StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}',
        severity: "medium",
      });
    }
    return;
  }
  const issuer = oidcIssuerOf(federated);
  if (issuer === undefined) return;
  if (isGitHubIssuer(issuer) || isEksIssuer(issuer)) {
    const subs = conditionEntries(s, `${issuer}:sub`);
    const example = isGitHubIssuer(issuer)
      ? `"repo:<org>/<repo>:ref:refs/heads/main"`
      : `"system:serviceaccount:<namespace>:<serviceaccount>"`;
    if (subs.length === 0) {
      findings.push({
        code: "PAVED_IAM_TRUST_OIDC_NO_SUB",
        statementIndex: s.index,
        action: "sts:AssumeRoleWithWebIdentity",
        message: `${at} trusts OIDC issuer "${issuer}" without a "${issuer}:sub" condition, so any ${isGitHubIssuer(issuer) ? "repository on GitHub" : "service account in the cluster"} can assume the role`,
        fix: `add "StringEquals": {"${issuer}:sub": ${example}}`,
        severity: "critical",
      });
    } else {
      for (const e of subs) {
        for (const v of e.values) {
          if (subIsWildcard(issuer, v)) {
            findings.push({
              code: "PAVED_IAM_TRUST_OIDC_SUB_WILDCARD",
              statementIndex: s.index,
              action: "sts:AssumeRoleWithWebIdentity",
              message: `${at} condition ${e.key} "${v}" matches any ${isGitHubIssuer(issuer) ? "repository" : "namespace"}`,
              fix: `pin the subject, for example ${example}`,
              severity: "critical",
            });
          }
        }
      }
    }
    if (conditionEntries(s, `${issuer}:aud`).length === 0) {
      findings.push({
        code: "PAVED_IAM_TRUST_OIDC_NO_AUD",
        statementIndex: s.index,
        action: "sts:AssumeRoleWithWebIdentity",
        message: `${at} trusts OIDC issuer "${issuer}" without a "${issuer}:aud" condition`,
        fix: `add "StringEquals": {"${issuer}:aud": "sts.amazonaws.com"}`,
        severity: "medium",
      });
    }
    return;
  }
  const anyIssuerKey = Object.values(s.condition ?? {}).some((block) =>
    Object.keys(block).some((k) => k.toLowerCase().startsWith(`${issuer.toLowerCase()}:`)),
  );
  if (!anyIssuerKey) {
    findings.push({
      code: "PAVED_IAM_TRUST_OIDC_UNCONDITIONED",
      statementIndex: s.index,
      action: "sts:AssumeRoleWithWebIdentity",
      message: `${at} trusts OIDC issuer "${issuer}" without a condition on its claims`,
      fix: `add a condition on "${issuer}:aud" and "${issuer}:sub"`,
      severity: "high",
    });
  }
}

/** Lints a trust (assume-role) policy. Deny statements are exempt. */
export function lintTrustDocument(doc: unknown): LintFinding[] {
  const parsed = parsePolicyDocument(doc);
  const findings: LintFinding[] = [...parsed.problems];
  for (const s of parsed.statements) {
    if (s.effect !== "Allow") continue;
    const at = where(s);
    if (s.notPrincipal !== undefined) {
      findings.push({
        code: "PAVED_IAM_TRUST_NOT_PRINCIPAL",
        statementIndex: s.index,
        message: `${at} uses NotPrincipal with Allow: everyone except the listed principals may assume the role`,
        fix: "name the trusted principals in Principal",
        severity: "critical",
      });
    }
    if (s.principal === undefined && s.notPrincipal === undefined && !s.partial) {
      findings.push({
        code: "PAVED_IAM_MALFORMED",
        statementIndex: s.index,
        message: `${at} has no Principal`,
        fix: "name the principal that may assume the role",
        severity: "high",
      });
    }
    for (const a of s.actions ?? []) {
      if (isServiceWideWildcard(a)) {
        findings.push({
          code: "PAVED_IAM_TRUST_WILDCARD_ACTION",
          statementIndex: s.index,
          action: a,
          message: `${at} allows wildcard action "${a}" in a trust policy`,
          fix: "allow exactly sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML (plus sts:TagSession if needed)",
          severity: "high",
        });
      }
    }
    const p = s.principal;
    if (p === undefined) continue;
    // A statement with unknown values: condition-based checks cannot tell.
    if (s.partial) continue;
    const action = s.actions?.find(isKnownString);
    if (p.anyone) {
      const pinned = PINNING_KEYS.some((k) => conditionEntries(s, k).length > 0);
      if (!hasAnyCondition(s)) {
        findings.push({
          code: "PAVED_IAM_TRUST_PUBLIC",
          statementIndex: s.index,
          action,
          message: `${at} trusts Principal "*" with no condition: anyone with an AWS account can assume the role`,
          fix: "name the trusted account, role or service, or pin it with aws:PrincipalOrgID / aws:SourceAccount",
          severity: "critical",
        });
      } else if (!pinned) {
        findings.push({
          code: "PAVED_IAM_TRUST_PUBLIC_WEAK_CONDITION",
          statementIndex: s.index,
          action,
          message: `${at} trusts Principal "*" and no condition pins the caller's account or organization`,
          fix: `add one of ${PINNING_KEYS.join(", ")}`,
          severity: "high",
        });
      }
    }
    for (const f of p.federated) lintFederated(s, f, findings);
    for (const a of p.aws) {
      const root = /^(\d{12})$|^arn:[^:]+:iam::(\d{12}):root$/.exec(a.trim());
      if (root && !hasAnyCondition(s)) {
        findings.push({
          code: "PAVED_IAM_TRUST_ACCOUNT_UNCONDITIONED",
          statementIndex: s.index,
          action,
          message: `${at} trusts every principal account ${root[1] ?? root[2]} allows, with no condition`,
          fix: "name the role ARN, or require sts:ExternalId (third parties) or aws:MultiFactorAuthPresent (people)",
          severity: "low",
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
