/**
 * The web-identity (OIDC) half of the trust lint: who may call
 * `sts:AssumeRoleWithWebIdentity` through a `Federated` OIDC principal. Pure:
 * no Pulumi. Used by lint-trust.ts.
 *
 * The rule: the trust pins the caller. For every OIDC issuer that is a
 * `<issuer>:sub` condition (the subject claim: the repository, service
 * account, GitLab project, Terraform Cloud workspace, Google account) with an
 * operator that pins it (see {@link PINNING_OPERATORS}) and a value that is not
 * only a wildcard. An `aud` alone does not pin the caller: anyone the issuer
 * signs a token for (any GitHub repository, any GitLab project, any Google
 * service account that asks for that audience) can present it.
 *
 * Documented exceptions, where the issuer's token names an application or a
 * pool rather than a workload, and the subject is a per-end-user id no trust
 * policy can list:
 * - Amazon Cognito identity pools (`cognito-identity.amazonaws.com`, and the
 *   regional and China forms): the pattern AWS documents and STS requires for
 *   cross-account use is `<cognito>:aud` = the identity pool id plus
 *   `<cognito>:amr` (`authenticated` / `unauthenticated`). Codes
 *   `PAVED_IAM_TRUST_COGNITO_NO_AUD` and `PAVED_IAM_TRUST_COGNITO_NO_AMR`.
 * - Login with Amazon (`www.amazon.com`) and Facebook (`graph.facebook.com`),
 *   the legacy web identity federation: `<issuer>:app_id` pins the
 *   application. Code `PAVED_IAM_TRUST_WEB_APP_NO_APP_ID`.
 *
 * GitHub Actions and EKS also need `aud` (`PAVED_IAM_TRUST_OIDC_NO_AUD`); for
 * other issuers STS checks `aud` against the provider's client id list.
 */
import { statementLabel, type LintFinding, type NormalizedStatement } from "./parse";

/**
 * Operators under which a condition on a claim restricts who may call: the
 * value must be present and match. `...IfExists` passes when the claim is
 * absent, `ForAllValues:` passes for an empty set, and the `Not` operators
 * let everything else in, so none of those pins the caller.
 */
export const PINNING_OPERATORS: readonly string[] = ["StringEquals", "StringLike", "StringEqualsIgnoreCase"];

/** True when the condition operator pins the key's value (`ForAnyValue:` allowed for multi-valued claims). */
export function isPinningOperator(operator: string): boolean {
  const base = operator.replace(/^ForAnyValue:/i, "");
  return PINNING_OPERATORS.some((op) => op.toLowerCase() === base.toLowerCase());
}

/** True for GitHub Actions' issuer (`token.actions.githubusercontent.com`, with an optional enterprise path). */
export function isGitHubIssuer(issuer: string): boolean {
  return /^token\.actions\.githubusercontent\.com(\/[^/]+)?$/i.test(issuer);
}

/** True for an EKS cluster's issuer (`oidc.eks.<region>.amazonaws.com/id/<ID>`). */
export function isEksIssuer(issuer: string): boolean {
  return /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[A-Za-z0-9]+$/i.test(issuer);
}

const COGNITO = /^cognito-identity(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/i;

/** True for Amazon Cognito identity pools' issuer (`cognito-identity.amazonaws.com`, regional, China). */
export function isCognitoIssuer(issuer: string): boolean {
  return COGNITO.test(issuer);
}

/** True for the legacy web identity providers whose trust pins an application id (Amazon, Facebook). */
export function isAppIdIssuer(issuer: string): boolean {
  return /^(www\.amazon\.com|graph\.facebook\.com)$/i.test(issuer);
}

/** Condition entries in the statement whose key matches `key`, split by whether their operator pins. */
function entries(s: NormalizedStatement, key: (k: string) => boolean) {
  const out: { operator: string; key: string; values: readonly string[]; pins: boolean }[] = [];
  for (const [operator, block] of Object.entries(s.condition ?? {})) {
    for (const [k, values] of Object.entries(block)) {
      if (key(k)) out.push({ operator, key: k, values, pins: isPinningOperator(operator) });
    }
  }
  return out;
}

const keyIs = (want: string) => (k: string) => k.toLowerCase() === want.toLowerCase();

/** True when a value matches anything: empty, or only `*` / `?`. */
function onlyWildcards(v: string): boolean {
  return /^[*?]*$/.test(v.trim());
}

/** True when a subject value leaves the issuer's top-level owner (org, project, namespace) open. */
export function subIsWildcard(issuer: string, value: string): boolean {
  const v = value.trim();
  if (onlyWildcards(v)) return true;
  if (isGitHubIssuer(issuer)) return /^repo:[^:]*[*?]/.test(v);
  if (isEksIssuer(issuer)) return /^system:serviceaccount:[^:]*[*?]/.test(v);
  // `project_path:*` (GitLab), `organization:*` (Terraform Cloud): the first claim segment is open.
  return /^[a-z_]+:[*?]/i.test(v);
}

function subjectExample(issuer: string): string {
  if (isGitHubIssuer(issuer)) return '"repo:<org>/<repo>:ref:refs/heads/main"';
  if (isEksIssuer(issuer)) return '"system:serviceaccount:<namespace>:<serviceaccount>"';
  if (/^gitlab\./i.test(issuer)) return '"project_path:<group>/<project>:ref_type:branch:ref:main"';
  if (/^app\.terraform\.io$/i.test(issuer))
    return '"organization:<org>:project:<project>:workspace:<workspace>:run_phase:apply"';
  if (/^accounts\.google\.com$/i.test(issuer)) return '"<the service account\'s unique id>"';
  return '"<the subject claim of the trusted workload>"';
}

function whoElse(issuer: string): string {
  if (isGitHubIssuer(issuer)) return "any repository on GitHub";
  if (isEksIssuer(issuer)) return "any service account in the cluster";
  return `any identity "${issuer}" issues a token for`;
}

function lintCognito(s: NormalizedStatement, issuer: string, findings: LintFinding[]): void {
  const at = statementLabel(s);
  const cognitoKey = (claim: string) => (k: string) => {
    const i = k.lastIndexOf(":");
    return i > 0 && COGNITO.test(k.slice(0, i)) && k.slice(i + 1).toLowerCase() === claim;
  };
  const auds = entries(s, cognitoKey("aud")).filter((e) => e.pins);
  if (!auds.some((e) => e.values.length > 0 && e.values.every((v) => !onlyWildcards(v)))) {
    findings.push({
      code: "PAVED_IAM_TRUST_COGNITO_NO_AUD",
      statementIndex: s.index,
      action: "sts:AssumeRoleWithWebIdentity",
      message: `${at} trusts Cognito identity pools ("${issuer}") without a "${issuer}:aud" condition naming the pool, so an identity from another pool can assume the role`,
      fix: `add "StringEquals": {"${issuer}:aud": "<region>:<identity pool id>"}`,
      severity: "critical",
    });
  }
  if (!entries(s, cognitoKey("amr")).some((e) => e.pins && e.values.some((v) => !onlyWildcards(v)))) {
    findings.push({
      code: "PAVED_IAM_TRUST_COGNITO_NO_AMR",
      statementIndex: s.index,
      action: "sts:AssumeRoleWithWebIdentity",
      message: `${at} trusts Cognito identity pools without a "${issuer}:amr" condition, so unauthenticated (guest) identities can assume the role as well as signed-in ones`,
      fix: `add "ForAnyValue:StringLike": {"${issuer}:amr": "authenticated"}`,
      severity: "high",
    });
  }
}

function lintAppId(s: NormalizedStatement, issuer: string, findings: LintFinding[]): void {
  const pinned = entries(s, keyIs(`${issuer}:app_id`)).some(
    (e) => e.pins && e.values.length > 0 && e.values.every((v) => !onlyWildcards(v)),
  );
  if (pinned) return;
  findings.push({
    code: "PAVED_IAM_TRUST_WEB_APP_NO_APP_ID",
    statementIndex: s.index,
    action: "sts:AssumeRoleWithWebIdentity",
    message: `${statementLabel(s)} trusts "${issuer}" without a "${issuer}:app_id" condition, so a user of any application can assume the role`,
    fix: `add "StringEquals": {"${issuer}:app_id": "<your application id>"}, or move to a Cognito identity pool`,
    severity: "critical",
  });
}

function lintSubject(s: NormalizedStatement, issuer: string, findings: LintFinding[]): void {
  const at = statementLabel(s);
  const example = subjectExample(issuer);
  const subs = entries(s, keyIs(`${issuer}:sub`));
  const pinning = subs.filter((e) => e.pins);
  const pinned = pinning.some((e) => e.values.length > 0 && e.values.every((v) => !subIsWildcard(issuer, v)));
  if (pinned) return;
  const wildcards = pinning.flatMap((e) =>
    e.values.filter((v) => subIsWildcard(issuer, v)).map((v) => ({ key: e.key, v })),
  );
  for (const { key, v } of wildcards) {
    findings.push({
      code: "PAVED_IAM_TRUST_OIDC_SUB_WILDCARD",
      statementIndex: s.index,
      action: "sts:AssumeRoleWithWebIdentity",
      message: `${at} condition ${key} "${v}" matches ${isGitHubIssuer(issuer) ? "any repository" : isEksIssuer(issuer) ? "any namespace" : "any subject"}, so ${whoElse(issuer)} can assume the role`,
      fix: `pin the subject, for example ${example}`,
      severity: "critical",
    });
  }
  if (wildcards.length > 0) return;
  // No pinning operator on sub, or one with no value at all.
  const weak = subs.filter((e) => !e.pins).map((e) => e.operator);
  findings.push({
    code: "PAVED_IAM_TRUST_OIDC_NO_SUB",
    statementIndex: s.index,
    action: "sts:AssumeRoleWithWebIdentity",
    message:
      pinning.length > 0
        ? `${at} has a "${issuer}:sub" condition with no value, so it does not pin the subject`
        : weak.length > 0
          ? `${at} conditions "${issuer}:sub" only with ${weak.join(", ")}, which does not pin the subject, so ${whoElse(issuer)} can assume the role`
          : `${at} trusts OIDC issuer "${issuer}" without a "${issuer}:sub" condition, so ${whoElse(issuer)} can assume the role`,
    fix: `add "StringEquals": {"${issuer}:sub": ${example}} (StringLike for a pattern)`,
    severity: "critical",
  });
}

/** Lints one `Federated` OIDC principal of an Allow statement (whose values are all known). */
export function lintWebIdentity(s: NormalizedStatement, issuer: string, findings: LintFinding[]): void {
  const anyIssuerKey = Object.values(s.condition ?? {}).some((block) =>
    Object.keys(block).some((k) => {
      const i = k.lastIndexOf(":");
      const prefix = i > 0 ? k.slice(0, i).toLowerCase() : "";
      return prefix === issuer.toLowerCase() || (isCognitoIssuer(issuer) && COGNITO.test(prefix));
    }),
  );
  const subjectAndAudience = isGitHubIssuer(issuer) || isEksIssuer(issuer);
  // GitHub and EKS report the missing sub and aud one by one (NO_SUB, NO_AUD), as they always have.
  if (!anyIssuerKey && !subjectAndAudience) {
    const needs = isCognitoIssuer(issuer)
      ? `"${issuer}:aud" (the identity pool id) and "${issuer}:amr"`
      : isAppIdIssuer(issuer)
        ? `"${issuer}:app_id"`
        : `"${issuer}:sub"`;
    findings.push({
      code: "PAVED_IAM_TRUST_OIDC_UNCONDITIONED",
      statementIndex: s.index,
      action: "sts:AssumeRoleWithWebIdentity",
      message: `${statementLabel(s)} trusts OIDC issuer "${issuer}" without a condition on its claims, so ${whoElse(issuer)} can assume the role`,
      fix: `add a condition on ${needs}`,
      severity: "critical",
    });
    return;
  }
  if (isCognitoIssuer(issuer)) return lintCognito(s, issuer, findings);
  if (isAppIdIssuer(issuer)) return lintAppId(s, issuer, findings);
  lintSubject(s, issuer, findings);
  if (subjectAndAudience && entries(s, keyIs(`${issuer}:aud`)).length === 0) {
    findings.push({
      code: "PAVED_IAM_TRUST_OIDC_NO_AUD",
      statementIndex: s.index,
      action: "sts:AssumeRoleWithWebIdentity",
      message: `${statementLabel(s)} trusts OIDC issuer "${issuer}" without a "${issuer}:aud" condition`,
      fix: `add "StringEquals": {"${issuer}:aud": "sts.amazonaws.com"}`,
      severity: "medium",
    });
  }
}
