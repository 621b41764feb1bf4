/**
 * The trust-policy half of the IAM lint (re-exported by lint.ts, which is the
 * public entry point). Pure: no Pulumi.
 *
 * Codes: `PAVED_IAM_TRUST_PUBLIC`, `PAVED_IAM_TRUST_PUBLIC_WEAK_CONDITION`,
 * `PAVED_IAM_TRUST_NOT_PRINCIPAL`, `PAVED_IAM_TRUST_WILDCARD_ACTION`,
 * the web-identity codes of lint-oidc.ts (`PAVED_IAM_TRUST_OIDC_*`,
 * `PAVED_IAM_TRUST_COGNITO_*`, `PAVED_IAM_TRUST_WEB_APP_NO_APP_ID`),
 * `PAVED_IAM_TRUST_SAML_NO_AUD`, `PAVED_IAM_TRUST_ACCOUNT_UNCONDITIONED`, and
 * `PAVED_IAM_MALFORMED` for a statement without Principal.
 */
import { lintWebIdentity } from "./lint-oidc";
import { isKnownString, isServiceWideWildcard } from "./match";
import { conditionPin, PINNING_KEYS } from "./pinning";
import {
  conditionEntries,
  hasAnyCondition,
  LintFinding,
  NormalizedStatement,
  parsePolicyDocument,
  statementLabel,
} from "./parse";

/** The OIDC issuer host of a `Federated` principal (`arn:aws:iam::1:oidc-provider/<host>` or the host itself). */
export function oidcIssuerOf(federated: string): string | undefined {
  const f = federated.trim();
  const m = /^arn:[^:]+:iam::[^:]*:oidc-provider\/(.+)$/.exec(f);
  if (m) return m[1];
  if (f.startsWith("arn:")) return undefined; // a SAML provider or something else
  return /^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(f) ? f : undefined;
}

function lintFederated(s: NormalizedStatement, federated: string, findings: LintFinding[]): void {
  const at = statementLabel(s);
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
  if (issuer !== undefined) lintWebIdentity(s, issuer, findings);
}

/** Lints a trust (assume-role) policy. Deny statements are exempt. */
export function lintTrustDocument(doc: unknown): LintFinding[] {
  const parsed = parsePolicyDocument(doc);
  const findings: LintFinding[] = [...parsed.problems];
  for (const s of parsed.statements) {
    if (s.effect !== "Allow") continue;
    const at = statementLabel(s);
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
      // The pack's rule (pinning.ts): a matching operator with concrete values on an account, org or source key.
      const pin = conditionPin(s.condition);
      if (!hasAnyCondition(s)) {
        findings.push({
          code: "PAVED_IAM_TRUST_PUBLIC",
          statementIndex: s.index,
          action,
          message: `${at} trusts Principal "*" with no condition: anyone with an AWS account can assume the role`,
          fix: "name the trusted account, role or service, or pin it with aws:PrincipalOrgID / aws:SourceAccount",
          severity: "critical",
        });
      } else if (!pin.pins) {
        const weak = pin.weak.length > 0 ? ` (${pin.weak.join("; ")})` : "";
        findings.push({
          code: "PAVED_IAM_TRUST_PUBLIC_WEAK_CONDITION",
          statementIndex: s.index,
          action,
          message: `${at} trusts Principal "*" and no condition pins the caller's account or organization${weak}`,
          fix: `pin it with StringEquals (or ArnEquals) and concrete values on one of ${PINNING_KEYS.join(", ")}; StringNotEquals, ...IfExists, "*" values and sts:ExternalId do not pin`,
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
