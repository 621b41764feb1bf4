import {
  isAdminManagedPolicyArn,
  isResourceWildcard,
  LintFinding,
  lintPermissionsDocument,
  lintTrustDocument,
  parsePolicyDocument,
  UNKNOWN_SENTINEL,
} from "../../../components/aws/iam/lint";

const allow = (Action: unknown, Resource: unknown, extra: Record<string, unknown> = {}) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action, Resource, ...extra }],
});

const BUCKET = "arn:aws:s3:::payments-data/*";
const ROLE = "arn:aws:iam::123456789012:role/payments-worker";
const GH = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const EKS_ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789";
const EKS = `arn:aws:iam::123456789012:oidc-provider/${EKS_ISSUER}`;

const codes = (f: LintFinding[]) => f.map((x) => x.code).sort();

/** [name, document, options, expected codes (sorted)] for the permissions lint. */
const PERMISSION_CASES: [string, unknown, { justifiedStatements?: number[] }, string[]][] = [
  ["specific action on a specific ARN passes", allow("s3:GetObject", BUCKET), {}, []],
  [
    "several specific actions on several ARNs pass",
    allow(["s3:GetObject", "s3:PutObject"], [BUCKET, "arn:aws:s3:::payments-data"]),
    {},
    [],
  ],
  ["prefix glob on an ARN passes", allow("s3:Get*", BUCKET), {}, []],
  [
    "s3:* on * is a wildcard and a resource wildcard",
    allow("s3:*", "*"),
    {},
    ["PAVED_IAM_RESOURCE_WILDCARD", "PAVED_IAM_WILDCARD_ACTION"],
  ],
  ["s3:* on a bucket is a wildcard action", allow("s3:*", BUCKET), {}, ["PAVED_IAM_WILDCARD_ACTION"]],
  ["s3:* with a justification passes on an ARN", allow("s3:*", BUCKET), { justifiedStatements: [0] }, []],
  [
    "a wildcard hidden in an action array is found",
    allow(["s3:GetObject", "dynamodb:*", "s3:PutObject"], BUCKET),
    {},
    ["PAVED_IAM_WILDCARD_ACTION"],
  ],
  ["* on * is administrator access", allow("*", "*"), {}, ["PAVED_IAM_ADMIN"]],
  ["*:* on * is administrator access", allow("*:*", "*"), {}, ["PAVED_IAM_ADMIN"]],
  [
    "* on * stays admin even when justified",
    allow("*", "*"),
    { justifiedStatements: [0] },
    ["PAVED_IAM_ADMIN"],
  ],
  [
    "* hidden in an array on * is administrator access",
    allow(["s3:GetObject", "*"], ["*"]),
    {},
    ["PAVED_IAM_ADMIN", "PAVED_IAM_RESOURCE_WILDCARD"],
  ],
  ["* on an ARN is a critical wildcard", allow("*", BUCKET), {}, ["PAVED_IAM_WILDCARD_ACTION"]],
  [
    "*:GetObject (any service) is a wildcard",
    allow("*:GetObject", BUCKET),
    {},
    ["PAVED_IAM_WILDCARD_ACTION"],
  ],
  ["ec2:Describe* on * is allowed", allow("ec2:Describe*", "*"), {}, []],
  ["ec2:DescribeInstances on * is allowed", allow("ec2:DescribeInstances", "*"), {}, []],
  ["sts:GetCallerIdentity on * is allowed", allow("sts:GetCallerIdentity", "*"), {}, []],
  ["cloudwatch:PutMetricData on * is allowed", allow("cloudwatch:PutMetricData", "*"), {}, []],
  ["ec2:Desc* on * is broader than the list", allow("ec2:Desc*", "*"), {}, ["PAVED_IAM_RESOURCE_WILDCARD"]],
  ["s3:GetObject on * needs an ARN", allow("s3:GetObject", "*"), {}, ["PAVED_IAM_RESOURCE_WILDCARD"]],
  [
    "s3:ListBucket on * needs an ARN (no *:List* shortcut)",
    allow("s3:ListBucket", "*"),
    {},
    ["PAVED_IAM_RESOURCE_WILDCARD"],
  ],
  [
    "an ARN whose resource part is * counts as *",
    allow("s3:GetObject", "arn:aws:s3:::*"),
    {},
    ["PAVED_IAM_RESOURCE_WILDCARD"],
  ],
  ["iam:PassRole on * is critical", allow("iam:PassRole", "*"), {}, ["PAVED_IAM_PASSROLE_WILDCARD"]],
  [
    "iam:PassRole on role/* is critical",
    allow("iam:PassRole", "arn:aws:iam::123456789012:role/*"),
    {},
    ["PAVED_IAM_PASSROLE_WILDCARD"],
  ],
  ["iam:PassRole on a named role passes", allow("iam:PassRole", ROLE), {}, []],
  ["iam:Pass* on * is a PassRole grant", allow("iam:Pass*", "*"), {}, ["PAVED_IAM_PASSROLE_WILDCARD"]],
  [
    "iam:* on * is a wildcard, PassRole and resource wildcard",
    allow("iam:*", "*"),
    {},
    ["PAVED_IAM_PASSROLE_WILDCARD", "PAVED_IAM_RESOURCE_WILDCARD", "PAVED_IAM_WILDCARD_ACTION"],
  ],
  [
    "lower-case iam:passrole on * is still found (IAM folds case)",
    allow("iam:passrole", "*"),
    {},
    ["PAVED_IAM_PASSROLE_WILDCARD"],
  ],
  ["upper-case EC2:DESCRIBEINSTANCES on * is allowed", allow("EC2:DESCRIBEINSTANCES", "*"), {}, []],
  ["upper-case S3:* is a wildcard", allow("S3:*", BUCKET), {}, ["PAVED_IAM_WILDCARD_ACTION"]],
  [
    "NotAction with Allow is refused",
    { Statement: { Effect: "Allow", NotAction: "iam:*", Resource: BUCKET } },
    {},
    ["PAVED_IAM_ALLOW_NOT_ACTION"],
  ],
  [
    "NotResource with Allow is refused",
    { Statement: { Effect: "Allow", Action: "s3:GetObject", NotResource: BUCKET } },
    {},
    ["PAVED_IAM_ALLOW_NOT_RESOURCE"],
  ],
  [
    "Deny * on * with NotAction is a guardrail, exempt",
    {
      Statement: [
        { Effect: "Deny", NotAction: ["iam:*"], Resource: "*" },
        { Effect: "Deny", Action: "*", NotResource: BUCKET },
      ],
    },
    {},
    [],
  ],
  ["Deny s3:* on * is exempt", { Statement: { Effect: "Deny", Action: "s3:*", Resource: "*" } }, {}, []],
  [
    "a JSON string document is read",
    JSON.stringify(allow("s3:*", "*")),
    {},
    ["PAVED_IAM_RESOURCE_WILDCARD", "PAVED_IAM_WILDCARD_ACTION"],
  ],
  ["malformed JSON is reported, not thrown", '{"Statement": [', {}, ["PAVED_IAM_MALFORMED"]],
  ["a document with no Statement is malformed", { Version: "2012-10-17" }, {}, ["PAVED_IAM_MALFORMED"]],
  [
    "a lower-case Effect is malformed",
    { Statement: [{ Effect: "allow", Action: "s3:GetObject", Resource: BUCKET }] },
    {},
    ["PAVED_IAM_MALFORMED"],
  ],
  [
    "an Allow with no Resource is malformed",
    { Statement: [{ Effect: "Allow", Action: "s3:GetObject" }] },
    {},
    ["PAVED_IAM_MALFORMED"],
  ],
  [
    "an action without a service prefix is malformed",
    allow("GetObject", BUCKET),
    {},
    ["PAVED_IAM_ACTION_FORMAT"],
  ],
  ["an undefined document (preview) gives nothing", undefined, {}, []],
  ["the preview sentinel gives nothing", UNKNOWN_SENTINEL, {}, []],
  ["unknown resources are skipped", allow("s3:GetObject", [UNKNOWN_SENTINEL]), {}, []],
  [
    "unknown action entries are skipped, known ones checked",
    allow([UNKNOWN_SENTINEL, "s3:*"], BUCKET),
    {},
    ["PAVED_IAM_WILDCARD_ACTION"],
  ],
];

describe("lintPermissionsDocument", () => {
  test.each(PERMISSION_CASES)("%s", (_name, doc, opts, expected) => {
    expect(codes(lintPermissionsDocument(doc, opts))).toEqual([...expected].sort());
  });

  test("messages name the statement index and the action; every finding has a fix", () => {
    const doc = {
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: BUCKET },
        { Sid: "Broad", Effect: "Allow", Action: ["s3:GetObject", "kms:*"], Resource: BUCKET },
      ],
    };
    const [f] = lintPermissionsDocument(doc);
    expect(f).toMatchObject({
      code: "PAVED_IAM_WILDCARD_ACTION",
      statementIndex: 1,
      action: "kms:*",
      severity: "high",
    });
    expect(f.message).toContain("statement 1");
    expect(f.message).toContain('Sid "Broad"');
    expect(f.message).toContain('"kms:*"');
    expect(f.fix).toMatch(/justification/);
  });

  test("extra no-resource-level actions from configuration are accepted on *", () => {
    expect(
      lintPermissionsDocument(allow("s3:ListBucket", "*"), { noResourceLevelActions: ["s3:ListBucket"] }),
    ).toEqual([]);
  });

  test("the full wildcard is critical, a service wildcard high", () => {
    const f = lintPermissionsDocument({
      Statement: [allow("*", BUCKET).Statement[0], allow("s3:*", BUCKET).Statement[0]],
    });
    expect(f.map((x) => [x.statementIndex, x.severity])).toEqual([
      [0, "critical"],
      [1, "high"],
    ]);
  });
});

/** [name, trust document, expected codes] for the trust lint. */
const TRUST_CASES: [string, unknown, string[]][] = [
  [
    "a service principal passes",
    { Statement: { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" } },
    [],
  ],
  [
    "Principal * with no condition is public",
    { Statement: { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" } },
    ["PAVED_IAM_TRUST_PUBLIC"],
  ],
  [
    "Principal {AWS: *} with no condition is public",
    { Statement: { Effect: "Allow", Principal: { AWS: ["*"] }, Action: "sts:AssumeRole" } },
    ["PAVED_IAM_TRUST_PUBLIC"],
  ],
  [
    "Principal * pinned to an organization passes",
    {
      Statement: {
        Effect: "Allow",
        Principal: "*",
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
      },
    },
    [],
  ],
  [
    "Principal * with a condition that pins nothing is weak",
    {
      Statement: {
        Effect: "Allow",
        Principal: "*",
        Action: "sts:AssumeRole",
        Condition: { Bool: { "aws:SecureTransport": "true" } },
      },
    },
    ["PAVED_IAM_TRUST_PUBLIC_WEAK_CONDITION"],
  ],
  [
    "GitHub OIDC without sub lets any repository in",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: GH },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } },
      },
    },
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "GitHub OIDC with sub and aud passes",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: GH },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": "repo:acme/payments:ref:refs/heads/main",
          },
        },
      },
    },
    [],
  ],
  [
    "GitHub OIDC with sub repo:acme/* is a wildcard subject",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: GH },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
          StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" },
        },
      },
    },
    ["PAVED_IAM_TRUST_OIDC_SUB_WILDCARD"],
  ],
  [
    "GitHub OIDC with only sub misses aud",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: GH },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/payments:*" } },
      },
    },
    ["PAVED_IAM_TRUST_OIDC_NO_AUD"],
  ],
  [
    "condition keys match case-insensitively",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: GH },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "Token.Actions.GithubUserContent.com:AUD": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:SUB": "repo:acme/payments:environment:prod",
          },
        },
      },
    },
    [],
  ],
  [
    "EKS OIDC without sub lets every service account in",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: EKS },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${EKS_ISSUER}:aud`]: "sts.amazonaws.com" } },
      },
    },
    ["PAVED_IAM_TRUST_OIDC_NO_SUB"],
  ],
  [
    "EKS OIDC with sub and aud passes",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: EKS },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${EKS_ISSUER}:aud`]: "sts.amazonaws.com",
            [`${EKS_ISSUER}:sub`]: "system:serviceaccount:payments:api",
          },
        },
      },
    },
    [],
  ],
  [
    "EKS OIDC with a namespace wildcard is a wildcard subject",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: EKS },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { [`${EKS_ISSUER}:aud`]: "sts.amazonaws.com" },
          StringLike: { [`${EKS_ISSUER}:sub`]: "system:serviceaccount:*:api" },
        },
      },
    },
    ["PAVED_IAM_TRUST_OIDC_SUB_WILDCARD"],
  ],
  [
    "another OIDC issuer with no claim condition",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
      },
    },
    ["PAVED_IAM_TRUST_OIDC_UNCONDITIONED"],
  ],
  [
    "a SAML provider without SAML:aud",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: "arn:aws:iam::123456789012:saml-provider/okta" },
        Action: "sts:AssumeRoleWithSAML",
      },
    },
    ["PAVED_IAM_TRUST_SAML_NO_AUD"],
  ],
  [
    "NotPrincipal with Allow",
    { Statement: { Effect: "Allow", NotPrincipal: { AWS: ROLE }, Action: "sts:AssumeRole" } },
    ["PAVED_IAM_TRUST_NOT_PRINCIPAL"],
  ],
  [
    "sts:* in a trust policy",
    { Statement: { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:*" } },
    ["PAVED_IAM_TRUST_WILDCARD_ACTION"],
  ],
  [
    "an account root with no condition is low",
    {
      Statement: {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::210987654321:root" },
        Action: "sts:AssumeRole",
      },
    },
    ["PAVED_IAM_TRUST_ACCOUNT_UNCONDITIONED"],
  ],
  [
    "an account root with an external id passes",
    {
      Statement: {
        Effect: "Allow",
        Principal: { AWS: "210987654321" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "x-1" } },
      },
    },
    [],
  ],
  [
    "a Deny with Principal * is exempt",
    { Statement: { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" } },
    [],
  ],
  [
    "a JSON-string trust document is read",
    JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }] }),
    ["PAVED_IAM_TRUST_PUBLIC"],
  ],
  [
    "an unknown condition value is skipped (cannot tell)",
    {
      Statement: {
        Effect: "Allow",
        Principal: { Federated: GH },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: UNKNOWN_SENTINEL,
      },
    },
    [],
  ],
];

describe("lintTrustDocument", () => {
  test.each(TRUST_CASES)("%s", (_name, doc, expected) => {
    expect(codes(lintTrustDocument(doc))).toEqual([...expected].sort());
  });

  test("a public trust is critical and names the statement", () => {
    const [f] = lintTrustDocument({
      Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }],
    });
    expect(f).toMatchObject({ severity: "critical", statementIndex: 0, action: "sts:AssumeRole" });
    expect(f.message).toContain("statement 0");
  });
});

describe("parsePolicyDocument", () => {
  test("reads single values, arrays and every principal form", () => {
    const { statements, problems, unknown } = parsePolicyDocument({
      Statement: {
        Sid: "A",
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Principal: { AWS: ROLE, Service: ["ec2.amazonaws.com"], Federated: GH, CanonicalUser: "abc" },
        Condition: { Bool: { "aws:MultiFactorAuthPresent": true } },
      },
    });
    expect(problems).toEqual([]);
    expect(unknown).toBe(false);
    expect(statements[0]).toMatchObject({
      index: 0,
      sid: "A",
      effect: "Allow",
      actions: ["sts:AssumeRole"],
      principal: {
        anyone: false,
        aws: [ROLE],
        service: ["ec2.amazonaws.com"],
        federated: [GH],
        canonicalUser: ["abc"],
      },
      condition: { Bool: { "aws:MultiFactorAuthPresent": ["true"] } },
      partial: false,
    });
  });

  test("an unknown value marks the statement partial instead of throwing", () => {
    const { statements } = parsePolicyDocument({
      Statement: [{ Effect: "Allow", Action: [UNKNOWN_SENTINEL], Resource: undefined }],
    });
    expect(statements[0].partial).toBe(true);
    expect(statements[0].actions).toEqual([]);
  });

  test("a non-object statement and a non-object document are problems", () => {
    expect(parsePolicyDocument({ Statement: [42] }).problems[0].code).toBe("PAVED_IAM_MALFORMED");
    expect(parsePolicyDocument("[1,2]").problems[0].message).toMatch(/not an object/);
  });
});

describe("isResourceWildcard", () => {
  test.each([
    ["*", true],
    ["arn:aws:s3:::*", true],
    ["arn:aws:logs:*:*:*", true],
    ["arn:aws:s3:::bucket/*", false],
    [ROLE, false],
  ])("%s -> %s", (r, expected) => expect(isResourceWildcard(r)).toBe(expected));
});

describe("isAdminManagedPolicyArn", () => {
  test.each([
    ["arn:aws:iam::aws:policy/AdministratorAccess", true],
    ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess", true],
    ["arn:aws-cn:iam::aws:policy/PowerUserAccess", true],
    ["arn:aws:iam::aws:policy/IAMFullAccess", true],
    ["arn:aws:iam::aws:policy/AmazonS3FullAccess", true],
    ["arn:aws:iam::aws:policy/AWSLambda_FullAccess", true],
    ["arn:aws:iam::aws:policy/job-function/AdministratorAccess", true],
    ["arn:aws:iam::aws:policy/AdministratorAccess-Amplify", true],
    ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", false],
    ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", false],
    ["arn:aws:iam::123456789012:policy/AdministratorAccess", false],
    [UNKNOWN_SENTINEL, false],
  ])("%s -> %s", (arn, expected) => expect(isAdminManagedPolicyArn(arn)).toBe(expected));
});
