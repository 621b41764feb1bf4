import {
  describeTrust,
  githubSubjects,
  lintTrustDocument,
  RoleTrust,
  summarize,
  trustKinds,
  trustPolicyDocument,
  UNKNOWN_SENTINEL,
  validateManagedPolicyArns,
  validateStatements,
  validateTrust,
} from "../../../components/aws/iam/index";

const EKS = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789";
const GH = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

const codes = (trust: unknown) => validateTrust(trust).map((p) => `${p.code}@${p.arg}`);

describe("validateTrust", () => {
  test.each<[string, unknown, string[]]>([
    ["a service principal", { service: "ec2.amazonaws.com" }, []],
    ["a regional service principal", { service: "states.eu-west-1.amazonaws.com" }, []],
    ["a non-service principal", { service: "ec2" }, ["PAVED_IAM_SERVICE_PRINCIPAL_INVALID@trust.service"]],
    ["undefined", undefined, ["PAVED_IAM_TRUST_MISSING@trust"]],
    ["an empty object", {}, ["PAVED_IAM_TRUST_MISSING@trust"]],
    [
      "two kinds",
      { service: "ec2.amazonaws.com", accounts: { accountIds: ["123456789012"], requireMfa: true } },
      ["PAVED_IAM_TRUST_CONFLICT@trust"],
    ],
    ["accounts with MFA", { accounts: { accountIds: ["123456789012"], requireMfa: true } }, []],
    [
      "accounts with an external id",
      { accounts: { accountIds: ["123456789012"], externalId: "vendor-42" } },
      [],
    ],
    [
      "accounts with no condition",
      { accounts: { accountIds: ["123456789012"] } },
      ["PAVED_IAM_ACCOUNTS_CONDITION_MISSING@trust.accounts"],
    ],
    [
      "accounts with requireMfa false and no id",
      { accounts: { accountIds: ["123456789012"], requireMfa: false } },
      ["PAVED_IAM_ACCOUNTS_CONDITION_MISSING@trust.accounts"],
    ],
    [
      "accounts with a bad id",
      { accounts: { accountIds: ["1234"], requireMfa: true } },
      ["PAVED_IAM_ACCOUNT_ID_INVALID@trust.accounts.accountIds[0]"],
    ],
    [
      "accounts with no ids",
      { accounts: { accountIds: [], requireMfa: true } },
      ["PAVED_IAM_ACCOUNT_ID_INVALID@trust.accounts.accountIds"],
    ],
    [
      "accounts with a bad external id",
      { accounts: { accountIds: ["123456789012"], externalId: "a b" } },
      ["PAVED_IAM_EXTERNAL_ID_INVALID@trust.accounts.externalId"],
    ],
    ["github by refs", { githubOidc: { repo: "acme/payments", refs: ["main"] } }, []],
    [
      "github with a provider ARN",
      { githubOidc: { repo: "acme/payments", environments: ["prod"], oidcProviderArn: GH } },
      [],
    ],
    [
      "github with a wrong provider ARN",
      { githubOidc: { repo: "acme/payments", refs: ["main"], oidcProviderArn: EKS } },
      ["PAVED_IAM_ARN_INVALID@trust.githubOidc.oidcProviderArn"],
    ],
    [
      "github without repo",
      { githubOidc: { refs: ["main"] } },
      ["PAVED_IAM_OIDC_REPO_MISSING@trust.githubOidc.repo"],
    ],
    [
      "github with a wildcard repo",
      { githubOidc: { repo: "acme/*", refs: ["main"] } },
      ["PAVED_IAM_OIDC_REPO_INVALID@trust.githubOidc.repo"],
    ],
    [
      "github with both refs and environments",
      { githubOidc: { repo: "acme/p", refs: ["main"], environments: ["prod"] } },
      ["PAVED_IAM_OIDC_SUBJECT_MISSING@trust.githubOidc"],
    ],
    [
      "github with empty refs",
      { githubOidc: { repo: "acme/p", refs: [] } },
      ["PAVED_IAM_OIDC_SUBJECT_MISSING@trust.githubOidc.refs"],
    ],
    [
      "github with a wildcard ref",
      { githubOidc: { repo: "acme/p", refs: ["feature/*"] } },
      ["PAVED_IAM_OIDC_SUBJECT_INVALID@trust.githubOidc.refs[0]"],
    ],
    [
      "eks",
      { eksServiceAccount: { oidcProviderArn: EKS, namespace: "payments", serviceAccount: "api" } },
      [],
    ],
    [
      "eks with a bad namespace",
      { eksServiceAccount: { oidcProviderArn: EKS, namespace: "Payments", serviceAccount: "api" } },
      ["PAVED_NAME_CHARS@trust.eksServiceAccount.namespace"],
    ],
    [
      "eks with no service account",
      { eksServiceAccount: { oidcProviderArn: EKS, namespace: "payments" } },
      ["PAVED_NAME_LENGTH@trust.eksServiceAccount.serviceAccount"],
    ],
  ])("%s", (_name, trust, expected) => {
    expect(codes(trust)).toEqual(expected);
  });

  test("trustKinds lists every kind set", () => {
    expect(trustKinds({ service: "x", eksServiceAccount: {} })).toEqual(["service", "eksServiceAccount"]);
    expect(trustKinds("nope")).toEqual([]);
  });
});

describe("trust documents", () => {
  const trusts: RoleTrust[] = [
    { service: "ec2.amazonaws.com" },
    { accounts: { accountIds: ["210987654321"], externalId: "vendor-42" } },
    { accounts: { accountIds: ["210987654321"], requireMfa: true } },
    { githubOidc: { repo: "acme/payments", refs: ["main"], oidcProviderArn: GH } },
    { githubOidc: { repo: "acme/payments", environments: ["prod", "staging"] } },
    { eksServiceAccount: { oidcProviderArn: EKS, namespace: "payments", serviceAccount: "api" } },
  ];

  test.each(trusts.map((t) => [describeTrust(t), t] as const))("%s passes the shared trust lint", (_d, t) => {
    expect(lintTrustDocument(trustPolicyDocument(t, GH))).toEqual([]);
  });

  test("GitHub subjects: branches become refs/heads, full refs stay", () => {
    expect(githubSubjects({ repo: "a/b", refs: ["main", "refs/tags/v1"] })).toEqual([
      "repo:a/b:ref:refs/heads/main",
      "repo:a/b:ref:refs/tags/v1",
    ]);
    expect(githubSubjects({ repo: "a/b", environments: ["prod"] })).toEqual(["repo:a/b:environment:prod"]);
  });

  test("a GitHub trust needs a provider ARN to render", () => {
    expect(() => trustPolicyDocument({ githubOidc: { repo: "a/b", refs: ["main"] } })).toThrow(
      /provider ARN/,
    );
  });
});

describe("validateStatements", () => {
  test("shape problems name the statement and field", () => {
    const p = validateStatements([
      { actions: [], resources: [] },
      { actions: ["s3 GetObject"], resources: ["x"], effect: "allow", sid: "a-b" },
    ]);
    expect(p.map((x) => `${x.code}@${x.arg}`)).toEqual([
      "PAVED_IAM_STATEMENT_INVALID@statements[0].actions",
      "PAVED_IAM_STATEMENT_INVALID@statements[0].resources",
      "PAVED_IAM_ACTION_FORMAT@statements[1].actions[0]",
      "PAVED_IAM_STATEMENT_INVALID@statements[1].effect",
      "PAVED_IAM_STATEMENT_INVALID@statements[1].sid",
    ]);
  });

  test("lint findings map to the statement's args, without repeating 'statement N'", () => {
    const [p] = validateStatements([
      { actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] },
      { actions: ["kms:*"], resources: ["arn:aws:kms:eu-west-1:123456789012:key/k"] },
    ]);
    expect(p.arg).toBe("statements[1].actions");
    expect(p.problem).toMatch(/^allows wildcard action "kms:\*"/);
  });

  test("unknown resources (from other resources) are not treated as *", () => {
    expect(
      validateStatements([{ actions: ["s3:GetObject"], resources: [{ some: "output" }, UNKNOWN_SENTINEL] }]),
    ).toEqual([]);
  });

  test("Deny statements are exempt from the least-privilege lint", () => {
    expect(validateStatements([{ effect: "Deny", actions: ["s3:*"], resources: ["*"] }])).toEqual([]);
  });

  test("a non-list is refused", () => {
    expect(validateStatements("s3:GetObject")[0].code).toBe("PAVED_IAM_STATEMENT_INVALID");
  });
});

describe("validateManagedPolicyArns", () => {
  test("accepts narrow policies and refuses admin, full access and non-ARNs", () => {
    const p = validateManagedPolicyArns([
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "arn:aws:iam::123456789012:policy/team/payments-read",
      "arn:aws:iam::aws:policy/PowerUserAccess",
      "ReadOnlyAccess",
    ]);
    expect(p.map((x) => `${x.code}@${x.arg}`)).toEqual([
      "PAVED_IAM_ADMIN_MANAGED_POLICY@managedPolicyArns[2]",
      "PAVED_IAM_ARN_INVALID@managedPolicyArns[3]",
    ]);
  });
});

describe("summarize", () => {
  test("groups by service, sorted, with conditions, justifications, managed policies and boundary", () => {
    const text = summarize(
      [
        { actions: ["s3:PutObject", "s3:GetObject", "kms:Decrypt"], resources: ["arn:aws:s3:::b/*"] },
        { actions: ["ec2:Describe*"], resources: ["*"], justification: "inventory scanner reads everything" },
        {
          actions: ["sqs:SendMessage"],
          resources: ["arn:q"],
          conditions: { Bool: { "aws:SecureTransport": "true" } },
        },
      ],
      { trust: "service ec2.amazonaws.com", managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
    );
    expect(text.split("\n")).toEqual([
      "Trusted by: service ec2.amazonaws.com",
      "Allow ec2: Describe* on * (justification: inventory scanner reads everything)",
      "Allow kms: Decrypt on arn:aws:s3:::b/*",
      "Allow s3: GetObject, PutObject on arn:aws:s3:::b/*",
      'Allow sqs: SendMessage on arn:q when {"Bool":{"aws:SecureTransport":"true"}}',
      "Managed policy: arn:aws:iam::aws:policy/ReadOnlyAccess",
      "Permissions boundary: none",
    ]);
  });
});

describe("the trust types", () => {
  test("a trust without the condition it needs does not compile, and is refused at runtime", () => {
    // @ts-expect-error GitHub trust needs refs or environments (the sub condition)
    const noSubject: RoleTrust = { githubOidc: { repo: "acme/payments" } };
    // @ts-expect-error refs and environments at once
    const both: RoleTrust = { githubOidc: { repo: "acme/payments", refs: ["main"], environments: ["prod"] } };
    // @ts-expect-error an empty refs list
    const emptyRefs: RoleTrust = { githubOidc: { repo: "acme/payments", refs: [] } };
    // @ts-expect-error accounts with neither externalId nor MFA
    const bare: RoleTrust = { accounts: { accountIds: ["123456789012"] } };
    const twoKinds = {
      service: "ec2.amazonaws.com",
      githubOidc: { repo: "acme/payments", refs: ["main"] },
    } as const;
    // @ts-expect-error two trusts at once
    const two: RoleTrust = twoKinds;
    // @ts-expect-error EKS without the service account
    const noSa: RoleTrust = { eksServiceAccount: { oidcProviderArn: EKS, namespace: "payments" } };
    for (const t of [noSubject, both, emptyRefs, bare, two, noSa]) {
      expect(validateTrust(t).length).toBeGreaterThan(0);
    }
  });
});
