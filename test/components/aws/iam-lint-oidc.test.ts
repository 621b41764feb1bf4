/**
 * The web-identity rules of the trust lint (components/aws/iam/lint-oidc.ts):
 * every OIDC issuer pins the subject, with the documented Cognito and
 * app-id exceptions. Real-world shapes: GitLab, Terraform Cloud, Google,
 * GitHub Enterprise, Cognito identity pools, Login with Amazon.
 */
import {
  isPinningOperator,
  LintFinding,
  lintTrustDocument,
  subIsWildcard,
} from "../../../components/aws/iam/lint";

const ACCOUNT = "123456789012";
const provider = (issuer: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer}`;
const trust = (federated: string, condition?: Record<string, unknown>) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Federated: federated },
      Action: "sts:AssumeRoleWithWebIdentity",
      ...(condition ? { Condition: condition } : {}),
    },
  ],
});
const codes = (f: LintFinding[]) => f.map((x) => x.code).sort();

const GITLAB = "gitlab.com";
const TFC = "app.terraform.io";
const GOOGLE = "accounts.google.com";
const GHE = "token.actions.githubusercontent.com/acme";
const COGNITO = "cognito-identity.amazonaws.com";
const POOL = "us-east-1:12345678-aaaa-bbbb-cccc-1234567890ab";

/** [name, trust document, expected codes (sorted)]. */
const CASES: [string, unknown, string[]][] = [
  // GitLab
  [
    "GitLab with aud but no sub lets any GitLab project in",
    trust(provider(GITLAB), { StringEquals: { [`${GITLAB}:aud`]: "https://gitlab.com" } }),
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "GitLab with the project and branch pinned passes",
    trust(provider(GITLAB), {
      StringEquals: {
        [`${GITLAB}:aud`]: "https://gitlab.com",
        [`${GITLAB}:sub`]: "project_path:acme/payments:ref_type:branch:ref:main",
      },
    }),
    [],
  ],
  [
    "GitLab sub project_path:* matches any project",
    trust(provider(GITLAB), { StringLike: { [`${GITLAB}:sub`]: "project_path:*" } }),
    ["PAVED_IAM_TRUST_OIDC_SUB_WILDCARD"],
  ],
  // Terraform Cloud
  [
    "Terraform Cloud with aud but no sub lets any organization's runs in",
    trust(provider(TFC), { StringEquals: { [`${TFC}:aud`]: "aws.workload.identity" } }),
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "Terraform Cloud with the organization pinned and later segments open passes",
    trust(provider(TFC), {
      StringEquals: { [`${TFC}:aud`]: "aws.workload.identity" },
      StringLike: { [`${TFC}:sub`]: "organization:acme:project:*:workspace:payments-*:run_phase:*" },
    }),
    [],
  ],
  [
    "Terraform Cloud sub organization:* matches any organization",
    trust(provider(TFC), {
      StringLike: { [`${TFC}:sub`]: "organization:*:project:*:workspace:*:run_phase:*" },
    }),
    ["PAVED_IAM_TRUST_OIDC_SUB_WILDCARD"],
  ],
  // Google (the host form of Federated, no provider ARN)
  [
    "Google with aud but no sub lets any Google identity with that audience in",
    trust(GOOGLE, { StringEquals: { [`${GOOGLE}:aud`]: "acme-client-id" } }),
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "Google with the service account's subject pinned passes",
    trust(GOOGLE, {
      StringEquals: { [`${GOOGLE}:aud`]: "acme-client-id", [`${GOOGLE}:sub`]: "112233445566778899001" },
    }),
    [],
  ],
  // GitHub variants
  [
    "GitHub Enterprise issuer with aud but no sub",
    trust(provider(GHE), { StringEquals: { [`${GHE}:aud`]: "sts.amazonaws.com" } }),
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "GitHub Enterprise issuer pinned passes",
    trust(provider(GHE), {
      StringEquals: { [`${GHE}:aud`]: "sts.amazonaws.com", [`${GHE}:sub`]: "repo:acme/api:environment:prod" },
    }),
    [],
  ],
  // Operators and wildcards, on any issuer
  [
    "a StringLike sub of * alone is not a condition",
    trust(provider("auth.example.com"), {
      StringEquals: { "auth.example.com:aud": "sts" },
      StringLike: { "auth.example.com:sub": "*" },
    }),
    ["PAVED_IAM_TRUST_OIDC_SUB_WILDCARD"],
  ],
  [
    "one wildcard among the sub values opens the role (values are ORed)",
    trust(provider("auth.example.com"), { StringLike: { "auth.example.com:sub": ["svc-a", "*"] } }),
    ["PAVED_IAM_TRUST_OIDC_SUB_WILDCARD"],
  ],
  [
    "a pinned StringEquals sub next to a StringLike * still pins (operators are ANDed)",
    trust(provider("auth.example.com"), {
      StringEquals: { "auth.example.com:sub": "svc-a" },
      StringLike: { "auth.example.com:sub": "*" },
    }),
    [],
  ],
  [
    "StringNotEquals on sub does not pin the subject",
    trust(provider("auth.example.com"), {
      StringEquals: { "auth.example.com:aud": "sts" },
      StringNotEquals: { "auth.example.com:sub": "svc-evil" },
    }),
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "StringLikeIfExists on sub passes a token without sub, so it does not pin",
    trust(provider("auth.example.com"), { StringLikeIfExists: { "auth.example.com:sub": "svc-a" } }),
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "a sub condition with an empty value list pins nothing",
    trust(provider("auth.example.com"), {
      StringEquals: { "auth.example.com:aud": "sts", "auth.example.com:sub": [] },
    }),
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "another issuer with no claim condition at all",
    trust(provider("auth.example.com"), { Bool: { "aws:SecureTransport": "true" } }),
    ["PAVED_IAM_TRUST_OIDC_UNCONDITIONED"],
  ],
  // Cognito identity pools: aud (the pool) plus amr, the documented pattern
  [
    "Cognito identity pool with aud and amr (AWS's documented trust) passes",
    trust(COGNITO, {
      StringEquals: { [`${COGNITO}:aud`]: POOL },
      "ForAnyValue:StringLike": { [`${COGNITO}:amr`]: "authenticated" },
    }),
    [],
  ],
  [
    "Cognito with aud but no amr lets guests in too",
    trust(COGNITO, { StringEquals: { [`${COGNITO}:aud`]: POOL } }),
    ["PAVED_IAM_TRUST_COGNITO_NO_AMR"],
  ],
  [
    "Cognito with amr but no aud lets any identity pool in",
    trust(COGNITO, { "ForAnyValue:StringLike": { [`${COGNITO}:amr`]: "authenticated" } }),
    ["PAVED_IAM_TRUST_COGNITO_NO_AUD"],
  ],
  [
    "Cognito with aud * is no pool at all",
    trust(COGNITO, {
      StringLike: { [`${COGNITO}:aud`]: "*" },
      "ForAnyValue:StringLike": { [`${COGNITO}:amr`]: "authenticated" },
    }),
    ["PAVED_IAM_TRUST_COGNITO_NO_AUD"],
  ],
  [
    "Cognito needs no sub (a per-user identity id no trust can list)",
    trust(COGNITO, {
      StringEquals: { [`${COGNITO}:aud`]: POOL },
      "ForAnyValue:StringLike": { [`${COGNITO}:amr`]: "unauthenticated" },
    }),
    [],
  ],
  [
    "Cognito in China: regional principal, .com.cn condition keys",
    trust("cognito-identity.cn-north-1.amazonaws.com.cn", {
      StringEquals: {
        "cognito-identity.amazonaws.com.cn:aud": "cn-north-1:12345678-aaaa-bbbb-cccc-1234567890ab",
      },
      "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com.cn:amr": "authenticated" },
    }),
    [],
  ],
  // Legacy web identity federation pins the application
  [
    "Login with Amazon with app_id passes",
    trust("www.amazon.com", {
      StringEquals: { "www.amazon.com:app_id": "amzn1.application-oa2-client.abc" },
    }),
    [],
  ],
  [
    "Facebook without app_id lets users of any app in",
    trust("graph.facebook.com", { StringEquals: { "graph.facebook.com:id": "1234" } }),
    ["PAVED_IAM_TRUST_WEB_APP_NO_APP_ID"],
  ],
];

describe("lintTrustDocument: web identity", () => {
  test.each(CASES)("%s", (_name, doc, expected) => {
    expect(codes(lintTrustDocument(doc))).toEqual([...expected].sort());
  });

  test("a missing sub names the issuer, the key and an example subject for that issuer", () => {
    const [f] = lintTrustDocument(
      trust(provider(GITLAB), { StringEquals: { [`${GITLAB}:aud`]: "https://gitlab.com" } }),
    );
    expect(f).toMatchObject({
      severity: "critical",
      statementIndex: 0,
      action: "sts:AssumeRoleWithWebIdentity",
    });
    expect(f.message).toContain('without a "gitlab.com:sub" condition');
    expect(f.message).toContain('any identity "gitlab.com" issues a token for');
    expect(f.fix).toContain('"gitlab.com:sub": "project_path:<group>/<project>:ref_type:branch:ref:main"');
  });

  test("a non-pinning operator is named in the message", () => {
    const [f] = lintTrustDocument(
      trust(provider("auth.example.com"), { StringNotEquals: { "auth.example.com:sub": "x" } }),
    );
    expect(f.message).toMatch(/only with StringNotEquals, which does not pin the subject/);
  });

  test("Cognito findings say what is open and how to close it", () => {
    const f = lintTrustDocument(trust(COGNITO, { Bool: { "aws:SecureTransport": "true" } }));
    expect(codes(f)).toEqual(["PAVED_IAM_TRUST_OIDC_UNCONDITIONED"]);
    expect(f[0].fix).toContain(`"${COGNITO}:aud" (the identity pool id) and "${COGNITO}:amr"`);
    const [amr] = lintTrustDocument(trust(COGNITO, { StringEquals: { [`${COGNITO}:aud`]: POOL } }));
    expect(amr.message).toMatch(/unauthenticated \(guest\) identities/);
    expect(amr.fix).toContain('"ForAnyValue:StringLike"');
  });

  test("pinning operators: equality and pattern, not IfExists, ForAllValues or Not", () => {
    for (const op of ["StringEquals", "StringLike", "StringEqualsIgnoreCase", "ForAnyValue:StringLike"]) {
      expect(isPinningOperator(op)).toBe(true);
    }
    for (const op of [
      "StringNotEquals",
      "StringLikeIfExists",
      "ForAllValues:StringEquals",
      "StringNotLike",
    ]) {
      expect(isPinningOperator(op)).toBe(false);
    }
  });

  test("subject wildcards: only-wildcard values and an open first segment", () => {
    expect(subIsWildcard("gitlab.com", "?*")).toBe(true);
    expect(subIsWildcard("gitlab.com", "project_path:acme/*")).toBe(false);
    expect(subIsWildcard("token.actions.githubusercontent.com", "repo:acme/*")).toBe(true);
    expect(subIsWildcard("oidc.eks.eu-west-1.amazonaws.com/id/ABC", "system:serviceaccount:team-a:*")).toBe(
      false,
    );
  });
});
