/**
 * Who may assume a LeastPrivilegeRole: the trust union, its runtime
 * validation (for JavaScript callers, who have no type checker) and the trust
 * policy it renders. Pure: no Pulumi.
 *
 * Each variant carries the condition it needs, so a trust without one is
 * impossible to write in TypeScript and refused at runtime: GitHub OIDC always
 * pins `aud` and `sub`, EKS always pins the service account, and another
 * account must present an external id or MFA.
 */
import type { ValidationProblem } from "../../core/errors";
import { nameProblem } from "../../core/naming";

/** A list with at least one element. */
export type NonEmpty<T> = readonly [T, ...T[]];

/** An AWS service assumes the role, for example `ec2.amazonaws.com` or `lambda.amazonaws.com`. */
export interface ServiceTrust {
  service: string;
  accounts?: never;
  githubOidc?: never;
  eksServiceAccount?: never;
}

/** Principals of other accounts assume the role; at least one of `externalId` or `requireMfa: true`. */
export type AccountsTrustSpec =
  | {
      /** The trusted 12-digit account ids. */
      accountIds: NonEmpty<string>;
      /** The `sts:ExternalId` the caller must present (a third party's confused-deputy guard). */
      externalId: string;
      /** Also require `aws:MultiFactorAuthPresent` (people, not machines). @default false */
      requireMfa?: boolean;
    }
  | {
      accountIds: NonEmpty<string>;
      externalId?: undefined;
      /** Require `aws:MultiFactorAuthPresent`. */
      requireMfa: true;
    };

export interface AccountsTrust {
  accounts: AccountsTrustSpec;
  service?: never;
  githubOidc?: never;
  eksServiceAccount?: never;
}

interface GitHubOidcBase<A> {
  /** The repository, `org/repo`. No wildcards. */
  repo: string;
  /**
   * The account's GitHub OIDC provider ARN
   * (`arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com`).
   * @default the provider in the deploying account and partition
   */
  oidcProviderArn?: A;
}

/** GitHub Actions workflows of one repository, pinned to branches or to deployment environments. */
export type GitHubOidcTrustSpec<A = string> =
  | (GitHubOidcBase<A> & {
      /** Branches (`main`) or full refs (`refs/tags/v1.2.0`) whose workflows may assume the role. */
      refs: NonEmpty<string>;
      environments?: never;
    })
  | (GitHubOidcBase<A> & {
      /** GitHub deployment environments (`prod`) whose jobs may assume the role. */
      environments: NonEmpty<string>;
      refs?: never;
    });

export interface GitHubOidcTrust<A = string> {
  githubOidc: GitHubOidcTrustSpec<A>;
  service?: never;
  accounts?: never;
  eksServiceAccount?: never;
}

/** One Kubernetes service account of an EKS cluster (IRSA). */
export interface EksServiceAccountTrustSpec<A = string> {
  /** The cluster's IAM OIDC provider ARN (`arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<ID>`). */
  oidcProviderArn: A;
  namespace: string;
  serviceAccount: string;
}

export interface EksServiceAccountTrust<A = string> {
  eksServiceAccount: EksServiceAccountTrustSpec<A>;
  service?: never;
  accounts?: never;
  githubOidc?: never;
}

/** Exactly one way to assume the role. */
/**
 * Exactly one way to assume the role. `A` is the type of OIDC provider ARNs:
 * `string` in pure code, `pulumi.Input<string>` in LeastPrivilegeRole (a
 * provider created in the same program).
 */
export type RoleTrust<A = string> =
  ServiceTrust | AccountsTrust | GitHubOidcTrust<A> | EksServiceAccountTrust<A>;

/** The trust kinds, in the order they are checked. */
export const TRUST_KINDS = ["service", "accounts", "githubOidc", "eksServiceAccount"] as const;
export type TrustKind = (typeof TRUST_KINDS)[number];

export const GITHUB_ISSUER = "token.actions.githubusercontent.com";
export const STS_AUDIENCE = "sts.amazonaws.com";

const ACCOUNT_ID = /^\d{12}$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const GITHUB_REPO = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9_.-]{1,100}$/;
const GITHUB_REF = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;
const GITHUB_PROVIDER_ARN =
  /^arn:aws(-cn|-us-gov)?:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;
const EKS_PROVIDER_ARN =
  /^arn:aws(-cn|-us-gov)?:iam::\d{12}:oidc-provider\/(oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[A-Za-z0-9]+)$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** The kind of a trust, or the list of kinds set when it is not exactly one. */
export function trustKinds(trust: unknown): TrustKind[] {
  if (typeof trust !== "object" || trust === null) return [];
  return TRUST_KINDS.filter((k) => (trust as Record<string, unknown>)[k] !== undefined);
}

function isNonEmptyStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string");
}

/** Checks a trust as a JavaScript caller may pass it; returns every problem. */
export function validateTrust(trust: unknown, arg = "trust"): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (a: string, problem: string, fix: string, code: string) =>
    problems.push({ arg: a, problem, fix, code });
  const kinds = trustKinds(trust);
  if (kinds.length === 0) {
    add(
      arg,
      "is missing",
      `set exactly one of ${TRUST_KINDS.map((k) => `${arg}.${k}`).join(", ")}`,
      "PAVED_IAM_TRUST_MISSING",
    );
    return problems;
  }
  if (kinds.length > 1) {
    add(
      arg,
      `sets ${kinds.join(" and ")} at once`,
      "set exactly one trust; make one role per trusted party",
      "PAVED_IAM_TRUST_CONFLICT",
    );
    return problems;
  }
  const t = trust as Record<string, unknown>;
  const kind = kinds[0];
  switch (kind) {
    case "service": {
      const s = t.service;
      if (typeof s !== "string" || !SERVICE_PRINCIPAL.test(s)) {
        add(
          `${arg}.service`,
          `"${String(s)}" is not a service principal`,
          'use the service\'s principal, for example "ec2.amazonaws.com"',
          "PAVED_IAM_SERVICE_PRINCIPAL_INVALID",
        );
      }
      break;
    }
    case "accounts": {
      const a = (t.accounts ?? {}) as Record<string, unknown>;
      if (!isNonEmptyStringList(a.accountIds)) {
        add(
          `${arg}.accounts.accountIds`,
          "is empty",
          "list the 12-digit account ids to trust",
          "PAVED_IAM_ACCOUNT_ID_INVALID",
        );
      } else {
        a.accountIds.forEach((id, i) => {
          if (!ACCOUNT_ID.test(id)) {
            add(
              `${arg}.accounts.accountIds[${i}]`,
              `"${id}" is not an account id`,
              "use the 12-digit account id, for example 123456789012",
              "PAVED_IAM_ACCOUNT_ID_INVALID",
            );
          }
        });
      }
      if (a.externalId === undefined && a.requireMfa !== true) {
        add(
          `${arg}.accounts`,
          "has neither externalId nor requireMfa",
          "set externalId (a third party) or requireMfa: true (people)",
          "PAVED_IAM_ACCOUNTS_CONDITION_MISSING",
        );
      } else if (
        a.externalId !== undefined &&
        (typeof a.externalId !== "string" || !EXTERNAL_ID.test(a.externalId))
      ) {
        add(
          `${arg}.accounts.externalId`,
          "is not a valid external id",
          "use 2..1224 characters: letters, digits and +=,.@:/-_",
          "PAVED_IAM_EXTERNAL_ID_INVALID",
        );
      }
      break;
    }
    case "githubOidc": {
      const g = (t.githubOidc ?? {}) as Record<string, unknown>;
      if (g.repo === undefined || g.repo === "") {
        add(
          `${arg}.githubOidc.repo`,
          "is required",
          'name the repository, for example "acme/payments"',
          "PAVED_IAM_OIDC_REPO_MISSING",
        );
      } else if (typeof g.repo !== "string" || !GITHUB_REPO.test(g.repo)) {
        add(
          `${arg}.githubOidc.repo`,
          `"${String(g.repo)}" is not an org/repo name`,
          'use "org/repo" with no wildcards',
          "PAVED_IAM_OIDC_REPO_INVALID",
        );
      }
      const hasRefs = g.refs !== undefined;
      const hasEnvs = g.environments !== undefined;
      if (hasRefs === hasEnvs) {
        add(
          `${arg}.githubOidc`,
          hasRefs ? "sets both refs and environments" : "sets neither refs nor environments",
          "set refs (branches) or environments (deployment environments), exactly one",
          "PAVED_IAM_OIDC_SUBJECT_MISSING",
        );
      }
      for (const field of ["refs", "environments"] as const) {
        const list = g[field];
        if (list === undefined) continue;
        if (!isNonEmptyStringList(list)) {
          add(
            `${arg}.githubOidc.${field}`,
            "is empty",
            `list at least one ${field === "refs" ? "branch" : "environment"}`,
            "PAVED_IAM_OIDC_SUBJECT_MISSING",
          );
          continue;
        }
        list.forEach((v, i) => {
          if (!GITHUB_REF.test(v) || v.includes("..")) {
            add(
              `${arg}.githubOidc.${field}[${i}]`,
              `"${v}" is not a plain ${field === "refs" ? "branch or ref" : "environment name"}`,
              "name it exactly, with no wildcards",
              "PAVED_IAM_OIDC_SUBJECT_INVALID",
            );
          }
        });
      }
      // An ARN from another resource (an Output) is checked when it resolves.
      if (
        g.oidcProviderArn !== undefined &&
        (typeof g.oidcProviderArn !== "object" || g.oidcProviderArn === null)
      ) {
        const p = githubProviderArnProblem(g.oidcProviderArn, `${arg}.githubOidc.oidcProviderArn`);
        if (p) problems.push(p);
      }
      break;
    }
    case "eksServiceAccount": {
      const e = (t.eksServiceAccount ?? {}) as Record<string, unknown>;
      // An ARN from another resource (an Output) is checked when it resolves.
      if (typeof e.oidcProviderArn !== "object" || e.oidcProviderArn === null) {
        const p = eksProviderArnProblem(e.oidcProviderArn, `${arg}.eksServiceAccount.oidcProviderArn`);
        if (p) problems.push(p);
      }
      const ns = nameProblem(
        "k8sDnsLabel",
        typeof e.namespace === "string" ? e.namespace : "",
        `${arg}.eksServiceAccount.namespace`,
      );
      if (ns) problems.push(ns);
      const sa = nameProblem(
        "k8sDnsSubdomain",
        typeof e.serviceAccount === "string" ? e.serviceAccount : "",
        `${arg}.eksServiceAccount.serviceAccount`,
      );
      if (sa) problems.push(sa);
      break;
    }
    default: {
      const never: never = kind;
      throw new Error(`unhandled trust kind ${String(never)}`);
    }
  }
  return problems;
}

/** The problem with a GitHub OIDC provider ARN, if any. */
export function githubProviderArnProblem(arn: unknown, arg: string): ValidationProblem | undefined {
  if (typeof arn === "string" && GITHUB_PROVIDER_ARN.test(arn)) return undefined;
  return {
    arg,
    problem: `"${String(arn)}" is not a GitHub OIDC provider ARN`,
    fix: "use arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com",
    code: "PAVED_IAM_ARN_INVALID",
  };
}

/** The problem with an EKS OIDC provider ARN, if any. */
export function eksProviderArnProblem(arn: unknown, arg: string): ValidationProblem | undefined {
  if (typeof arn === "string" && EKS_PROVIDER_ARN.test(arn)) return undefined;
  return {
    arg,
    problem: `"${String(arn)}" is not an EKS OIDC provider ARN`,
    fix: "use the cluster's arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<ID>",
    code: "PAVED_IAM_ARN_INVALID",
  };
}

/** The issuer host of an EKS OIDC provider ARN. */
export function eksIssuerOf(oidcProviderArn: string): string {
  const m = EKS_PROVIDER_ARN.exec(oidcProviderArn);
  if (!m) throw new Error(`not an EKS OIDC provider ARN: ${oidcProviderArn}`);
  return m[2];
}

/** The GitHub OIDC provider ARN in an account and partition. */
export function githubProviderArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${GITHUB_ISSUER}`;
}

/** The `sub` claims a GitHub trust accepts: one per ref or environment. */
export function githubSubjects<A>(spec: GitHubOidcTrustSpec<A>): string[] {
  if (spec.refs !== undefined) {
    return spec.refs.map((r) => `repo:${spec.repo}:ref:${r.startsWith("refs/") ? r : `refs/heads/${r}`}`);
  }
  return spec.environments.map((e) => `repo:${spec.repo}:environment:${e}`);
}

/** A trust policy document as JSON-ready data. */
export interface TrustPolicyDocument {
  Version: "2012-10-17";
  Statement: Record<string, unknown>[];
}

/**
 * Renders the trust policy of a validated trust. `githubProviderArnDefault`
 * is the provider in the deploying account, used when the trust names none.
 */
export function trustPolicyDocument(
  trust: RoleTrust,
  githubProviderArnDefault?: string,
): TrustPolicyDocument {
  const doc = (statement: Record<string, unknown>): TrustPolicyDocument => ({
    Version: "2012-10-17",
    Statement: [statement],
  });
  if (trust.service !== undefined) {
    return doc({ Effect: "Allow", Principal: { Service: trust.service }, Action: "sts:AssumeRole" });
  }
  if (trust.accounts !== undefined) {
    const a = trust.accounts;
    const condition: Record<string, Record<string, string>> = {};
    if (a.externalId !== undefined) condition.StringEquals = { "sts:ExternalId": a.externalId };
    if (a.requireMfa === true) condition.Bool = { "aws:MultiFactorAuthPresent": "true" };
    return doc({
      Effect: "Allow",
      Principal: { AWS: [...a.accountIds] },
      Action: "sts:AssumeRole",
      Condition: condition,
    });
  }
  if (trust.githubOidc !== undefined) {
    const g = trust.githubOidc;
    const federated = g.oidcProviderArn ?? githubProviderArnDefault;
    if (federated === undefined)
      throw new Error("trustPolicyDocument: the GitHub OIDC provider ARN is unknown");
    return doc({
      Effect: "Allow",
      Principal: { Federated: federated },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: {
          [`${GITHUB_ISSUER}:aud`]: STS_AUDIENCE,
          [`${GITHUB_ISSUER}:sub`]: githubSubjects(g),
        },
      },
    });
  }
  const e = trust.eksServiceAccount;
  const issuer = eksIssuerOf(e.oidcProviderArn);
  return doc({
    Effect: "Allow",
    Principal: { Federated: e.oidcProviderArn },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: {
        [`${issuer}:aud`]: STS_AUDIENCE,
        [`${issuer}:sub`]: `system:serviceaccount:${e.namespace}:${e.serviceAccount}`,
      },
    },
  });
}

/** One line describing who may assume the role, for the review summary. */
export function describeTrust<A>(trust: RoleTrust<A>): string {
  if (trust.service !== undefined) return `service ${trust.service}`;
  if (trust.accounts !== undefined) {
    const a = trust.accounts;
    const conds = [a.externalId !== undefined ? "external id" : "", a.requireMfa ? "MFA" : ""].filter(
      Boolean,
    );
    return `accounts ${a.accountIds.join(", ")} (with ${conds.join(" and ")})`;
  }
  if (trust.githubOidc !== undefined) return `GitHub Actions ${githubSubjects(trust.githubOidc).join(", ")}`;
  const e = trust.eksServiceAccount;
  const issuer = typeof e.oidcProviderArn === "string" ? ` (${eksIssuerOf(e.oidcProviderArn)})` : "";
  return `EKS service account ${e.namespace}/${e.serviceAccount}${issuer}`;
}
