import {
  DEV_GOVERNANCE,
  descendants,
  ofType,
  setConfig,
  settle,
  useMocks,
  valueOf,
} from "../../helpers/pulumi";
const BOUNDARY = "arn:aws:iam::123456789012:policy/paved-boundary";
const CONFIG = { ...DEV_GOVERNANCE, "paved:permissionsBoundaryArn": BOUNDARY };
const records = useMocks({ config: CONFIG });
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PavedValidationError } from "../../../components/core/errors";
import { errorOf as thrown } from "../validation-error";
import { LeastPrivilegeRole, LeastPrivilegeRoleArgs, resolvedTrustJson } from "../../../components/aws/iam";

const EKS = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789";
const BUCKET = "arn:aws:s3:::payments-data/*";

const base: LeastPrivilegeRoleArgs = {
  trust: { service: "ec2.amazonaws.com" },
  statements: [
    { actions: ["s3:GetObject", "s3:PutObject"], resources: [BUCKET] },
    { actions: ["ec2:DescribeInstances"], resources: ["*"] },
  ],
};

afterEach(() => setConfig(CONFIG));

async function build(name: string, args: LeastPrivilegeRoleArgs) {
  const role = new LeastPrivilegeRole(name, args);
  await settle();
  const kids = descendants(records, await valueOf(role.urn));
  return { role, kids };
}

/** Asserts the error holds `code` on an arg containing `arg`, and the message names arg and fix. */
function expectProblem(e: PavedValidationError, code: string, arg: string): void {
  const p = e.problems.find((x) => x.code === code);
  expect(p).toBeDefined();
  expect(p!.arg).toContain(arg);
  expect(e.message).toContain(`LeastPrivilegeRole "`);
  expect(e.message).toContain(`${p!.arg} ${p!.problem}; ${p!.fix}`);
}

describe("LeastPrivilegeRole resources", () => {
  test("creates the role with trust, boundary, 1-hour sessions, tags, and one inline policy", async () => {
    const { kids } = await build("svc", base);
    expect(kids.map((k) => `${k.type}::${k.name}`).sort()).toEqual([
      "aws:iam/role:Role::svc",
      "aws:iam/rolePolicy:RolePolicy::svc-policy",
    ]);
    const role = ofType(kids, "aws:iam/role:Role")[0].inputs;
    expect(JSON.parse(role.assumeRolePolicy as string)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    expect(role.permissionsBoundary).toBe(BOUNDARY);
    expect(role.maxSessionDuration).toBe(3600);
    expect(role.path).toBe("/");
    expect(role.tags).toMatchObject({
      "app-id": "payments-api",
      owner: "team-payments",
      "cost-center": "cc-1234",
      "data-classification": "confidential",
      environment: "dev",
      "paved:pattern": "LeastPrivilegeRole",
    });
    const policy = ofType(kids, "aws:iam/rolePolicy:RolePolicy")[0].inputs;
    expect(JSON.parse(policy.policy as string).Statement).toEqual([
      { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: [BUCKET] },
      { Effect: "Allow", Action: ["ec2:DescribeInstances"], Resource: ["*"] },
    ]);
  });

  test("outputs arn, name, the rendered policy and a summary by service", async () => {
    const { role } = await build("out", base);
    expect(await valueOf(role.arn)).toMatch(/^arn:aws:iam:/);
    expect(await valueOf(role.name)).toBe("out");
    expect(JSON.parse(await valueOf(role.policyJson)).Statement).toHaveLength(2);
    expect((await valueOf(role.summary)).split("\n")).toEqual([
      "Trusted by: service ec2.amazonaws.com",
      "Allow ec2: DescribeInstances on *",
      `Allow s3: GetObject, PutObject on ${BUCKET}`,
      `Permissions boundary: ${BOUNDARY}`,
    ]);
  });

  test("resource ARNs from other resources flow into the policy and summary", async () => {
    const bucket = new aws.s3.Bucket("data-bucket");
    const { role } = await build("dyn", {
      trust: { service: "lambda.amazonaws.com" },
      statements: [{ actions: ["s3:GetObject"], resources: [bucket.arn] }],
    });
    const arn = await valueOf(bucket.arn);
    expect(JSON.parse(await valueOf(role.policyJson)).Statement[0].Resource).toEqual([arn]);
    expect(await valueOf(role.summary)).toContain(`Allow s3: GetObject on ${arn}`);
  });

  test("GitHub OIDC trust pins aud and sub, with the deploying account's provider by default", async () => {
    const { role } = await build("gh", {
      ...base,
      trust: { githubOidc: { repo: "acme/payments", refs: ["main", "refs/tags/v1.0.0"] } },
    });
    const trust = JSON.parse(await valueOf(role.trustPolicyJson));
    expect(trust.Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": [
            "repo:acme/payments:ref:refs/heads/main",
            "repo:acme/payments:ref:refs/tags/v1.0.0",
          ],
        },
      },
    });
  });

  test("GitHub OIDC trust by environment", async () => {
    const { role } = await build("ghenv", {
      ...base,
      trust: { githubOidc: { repo: "acme/payments", environments: ["prod"] } },
    });
    const cond = JSON.parse(await valueOf(role.trustPolicyJson)).Statement[0].Condition.StringEquals;
    expect(cond["token.actions.githubusercontent.com:sub"]).toEqual(["repo:acme/payments:environment:prod"]);
  });

  test("EKS service account trust pins the service account and aud", async () => {
    const { role } = await build("irsa", {
      ...base,
      trust: { eksServiceAccount: { oidcProviderArn: EKS, namespace: "payments", serviceAccount: "api" } },
    });
    const st = JSON.parse(await valueOf(role.trustPolicyJson)).Statement[0];
    expect(st.Principal).toEqual({ Federated: EKS });
    expect(st.Condition.StringEquals).toEqual({
      "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789:aud": "sts.amazonaws.com",
      "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789:sub": "system:serviceaccount:payments:api",
    });
  });

  test("OIDC provider ARNs may come from other resources (outputs) and are checked when they resolve", async () => {
    const eksArn = pulumi.output(EKS);
    const { role } = await build("irsa-out", {
      ...base,
      trust: { eksServiceAccount: { oidcProviderArn: eksArn, namespace: "payments", serviceAccount: "api" } },
    });
    const st = JSON.parse(await valueOf(role.trustPolicyJson)).Statement[0];
    expect(st.Principal).toEqual({ Federated: EKS });
    expect(Object.keys(st.Condition.StringEquals)).toContain(
      "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789:sub",
    );
    const gh = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    const ghRole = await build("gh-out", {
      ...base,
      trust: { githubOidc: { repo: "acme/payments", refs: ["main"], oidcProviderArn: pulumi.output(gh) } },
    });
    expect(JSON.parse(await valueOf(ghRole.role.trustPolicyJson)).Statement[0].Principal).toEqual({
      Federated: gh,
    });
  });

  test("an output ARN of the wrong kind fails with the validation error when it resolves", () => {
    const trust = {
      eksServiceAccount: { oidcProviderArn: pulumi.output("x"), namespace: "a", serviceAccount: "b" },
    };
    const e = thrown(() =>
      resolvedTrustJson("LeastPrivilegeRole", "late", trust, "arn:aws:iam::123456789012:role/x"),
    );
    expectProblem(e, "PAVED_IAM_ARN_INVALID", "trust.eksServiceAccount.oidcProviderArn");
    const gh = {
      githubOidc: { repo: "a/b", refs: ["main"] as [string], oidcProviderArn: pulumi.output("x") },
    };
    expectProblem(
      thrown(() => resolvedTrustJson("LeastPrivilegeRole", "late", gh, EKS)),
      "PAVED_IAM_ARN_INVALID",
      "trust.githubOidc.oidcProviderArn",
    );
  });

  test("accounts trust carries external id and MFA conditions", async () => {
    const { role } = await build("xacct", {
      ...base,
      trust: { accounts: { accountIds: ["210987654321"], externalId: "vendor-42", requireMfa: true } },
    });
    const st = JSON.parse(await valueOf(role.trustPolicyJson)).Statement[0];
    expect(st.Principal).toEqual({ AWS: ["210987654321"] });
    expect(st.Condition).toEqual({
      StringEquals: { "sts:ExternalId": "vendor-42" },
      Bool: { "aws:MultiFactorAuthPresent": "true" },
    });
  });

  test("managed policies are attached one resource each; no statements means no inline policy", async () => {
    const { kids, role } = await build("ro", {
      trust: { service: "ec2.amazonaws.com" },
      managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonSSMManagedInstanceCore"],
      maxSessionDuration: 7200,
    });
    expect(kids.map((k) => `${k.type}::${k.name}`).sort()).toEqual([
      "aws:iam/role:Role::ro",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment::ro-AmazonSSMManagedInstanceCore",
    ]);
    expect(ofType(kids, "aws:iam/role:Role")[0].inputs.maxSessionDuration).toBe(7200);
    expect(await valueOf(role.summary)).toContain(
      "Managed policy: arn:aws:iam::aws:policy/service-role/AmazonSSMManagedInstanceCore",
    );
  });

  test("an explicit boundary wins over config; a justified opt-out outside prod attaches none", async () => {
    const other = "arn:aws:iam::123456789012:policy/other-boundary";
    const a = await build("bnd", { ...base, permissionsBoundary: { arn: other } });
    expect(ofType(a.kids, "aws:iam/role:Role")[0].inputs.permissionsBoundary).toBe(other);
    const b = await build("nobnd", {
      ...base,
      permissionsBoundary: { none: true, justification: "sandbox role for the boundary rollout test" },
    });
    expect(ofType(b.kids, "aws:iam/role:Role")[0].inputs.permissionsBoundary).toBeUndefined();
  });

  test("a justified wildcard action is accepted", async () => {
    const { kids } = await build("wild", {
      ...base,
      statements: [
        {
          actions: ["s3:*"],
          resources: [BUCKET],
          justification: "migration tool copies every object kind",
          ticket: "CHG-1234",
        },
      ],
    });
    expect(ofType(kids, "aws:iam/rolePolicy:RolePolicy")).toHaveLength(1);
  });

  test("URNs are stable for a fixed config", async () => {
    const { role, kids } = await build("snap", {
      ...base,
      managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
    });
    expect([await valueOf(role.urn), ...kids.map((k) => k.urn)].sort()).toMatchSnapshot();
  });
});

describe("LeastPrivilegeRole bad input", () => {
  test("a wildcard action without justification names the statement index and action", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad1", {
          ...base,
          statements: [base.statements![0], { actions: ["s3:GetObject", "dynamodb:*"], resources: [BUCKET] }],
        }),
    );
    expectProblem(e, "PAVED_IAM_WILDCARD_ACTION", "statements[1].actions");
    expect(e.message).toContain('"dynamodb:*"');
  });

  test("a resource wildcard for an action with resource-level permissions is refused", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad2", {
          ...base,
          statements: [{ actions: ["s3:GetObject"], resources: ["*"] }],
        }),
    );
    expectProblem(e, "PAVED_IAM_RESOURCE_WILDCARD", "statements[0].resources");
    expect(e.message).toContain('"s3:GetObject"');
  });

  test("iam:PassRole on * is refused even with a justification", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad3", {
          ...base,
          statements: [
            { actions: ["iam:PassRole"], resources: ["*"], justification: "deploys many services" },
          ],
        }),
    );
    expectProblem(e, "PAVED_IAM_PASSROLE_WILDCARD", "statements[0].resources");
  });

  test("a missing trust", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad4", { ...base, trust: undefined } as unknown as LeastPrivilegeRoleArgs),
    );
    expectProblem(e, "PAVED_IAM_TRUST_MISSING", "trust");
  });

  test("two trusts at once", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad5", {
          ...base,
          trust: { service: "ec2.amazonaws.com", githubOidc: { repo: "a/b", refs: ["main"] } },
        } as unknown as LeastPrivilegeRoleArgs),
    );
    expectProblem(e, "PAVED_IAM_TRUST_CONFLICT", "trust");
    expect(e.message).toContain("service and githubOidc");
  });

  test("an OIDC trust without repo", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad6", {
          ...base,
          trust: { githubOidc: { refs: ["main"] } },
        } as unknown as LeastPrivilegeRoleArgs),
    );
    expectProblem(e, "PAVED_IAM_OIDC_REPO_MISSING", "trust.githubOidc.repo");
  });

  test("an OIDC trust without refs or environments (a trust with no sub condition)", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad7", {
          ...base,
          trust: { githubOidc: { repo: "acme/payments" } },
        } as unknown as LeastPrivilegeRoleArgs),
    );
    expectProblem(e, "PAVED_IAM_OIDC_SUBJECT_MISSING", "trust.githubOidc");
  });

  test("invalid ARNs: EKS provider, boundary, account id, managed policy", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad8", {
          ...base,
          trust: {
            eksServiceAccount: {
              oidcProviderArn: "arn:aws:iam::1:oidc/x",
              namespace: "ns",
              serviceAccount: "sa",
            },
          },
          permissionsBoundary: { arn: "paved-boundary" },
          managedPolicyArns: ["AdministratorAccess"],
        }),
    );
    expectProblem(e, "PAVED_IAM_ARN_INVALID", "trust.eksServiceAccount.oidcProviderArn");
    expect(e.problems.filter((p) => p.code === "PAVED_IAM_ARN_INVALID").map((p) => p.arg)).toEqual([
      "trust.eksServiceAccount.oidcProviderArn",
      "managedPolicyArns[0]",
      "permissionsBoundary.arn",
    ]);
    const acct = thrown(
      () =>
        new LeastPrivilegeRole("bad9", {
          ...base,
          trust: { accounts: { accountIds: ["12345"], requireMfa: true } },
        }),
    );
    expectProblem(acct, "PAVED_IAM_ACCOUNT_ID_INVALID", "trust.accounts.accountIds[0]");
  });

  test("an accounts trust with neither external id nor MFA (JavaScript callers)", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad10", {
          ...base,
          trust: { accounts: { accountIds: ["210987654321"] } },
        } as unknown as LeastPrivilegeRoleArgs),
    );
    expectProblem(e, "PAVED_IAM_ACCOUNTS_CONDITION_MISSING", "trust.accounts");
  });

  test("admin and full-access AWS managed policies are refused", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad11", {
          ...base,
          managedPolicyArns: [
            "arn:aws:iam::aws:policy/AdministratorAccess",
            "arn:aws:iam::aws:policy/AmazonS3FullAccess",
          ],
        }),
    );
    expect(e.problems.filter((p) => p.code === "PAVED_IAM_ADMIN_MANAGED_POLICY").map((p) => p.arg)).toEqual([
      "managedPolicyArns[0]",
      "managedPolicyArns[1]",
    ]);
  });

  test("a boundary missing in prod is an error", () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:environment": "prod", "paved:changeTicket": "CHG-1234" });
    const e = thrown(() => new LeastPrivilegeRole("bad12", base));
    expectProblem(e, "PAVED_IAM_BOUNDARY_MISSING", "permissionsBoundary");
    expect(e.message).toContain("is missing in prod");
  });

  test("opting out of the boundary in prod is an error", () => {
    setConfig({ ...CONFIG, "paved:environment": "prod", "paved:changeTicket": "CHG-1234" });
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad13", {
          ...base,
          permissionsBoundary: { none: true, justification: "I really do not want one" },
        }),
    );
    expectProblem(e, "PAVED_IAM_BOUNDARY_MISSING", "permissionsBoundary");
  });

  test("a boundary missing outside prod is an error too, unless opted out with a justification", () => {
    setConfig(DEV_GOVERNANCE);
    const e = thrown(() => new LeastPrivilegeRole("bad14", base));
    expectProblem(e, "PAVED_IAM_BOUNDARY_MISSING", "permissionsBoundary");
    expect(e.message).toContain("none: true");
    const short = thrown(
      () =>
        new LeastPrivilegeRole("bad15", { ...base, permissionsBoundary: { none: true, justification: "x" } }),
    );
    expectProblem(short, "PAVED_IAM_JUSTIFICATION_SHORT", "permissionsBoundary.justification");
  });

  test("a malformed change ticket in prod", () => {
    setConfig({ ...CONFIG, "paved:environment": "prod", "paved:changeTicket": "ticket-7" });
    const e = thrown(() => new LeastPrivilegeRole("bad16", base));
    expect(e.hasCode("PAVED_CHANGE_TICKET_FORMAT")).toBe(true);
    expect(e.message).toContain("governance.changeTicket");
  });

  test("session duration out of range, bad path, duplicate policies, short justification, too-long name", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("r".repeat(60), {
          ...base,
          statements: [{ actions: ["s3:*"], resources: [BUCKET], justification: "because" }],
          maxSessionDuration: 60,
          path: "no-slash",
          managedPolicyArns: [
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
          ],
        }),
    );
    expect(e.problems.map((p) => p.code).sort()).toEqual([
      "PAVED_IAM_JUSTIFICATION_SHORT",
      "PAVED_IAM_MANAGED_POLICY_DUPLICATE",
      "PAVED_IAM_PATH_INVALID",
      "PAVED_IAM_SESSION_DURATION",
      "PAVED_IAM_WILDCARD_ACTION",
      "PAVED_NAME_LENGTH",
    ]);
  });

  test("non-list statements and managed policies from JavaScript callers are errors, not crashes", () => {
    const e = thrown(
      () =>
        new LeastPrivilegeRole("bad18", {
          ...base,
          statements: "s3:GetObject",
          managedPolicyArns: "arn:aws:iam::aws:policy/ReadOnlyAccess",
        } as unknown as LeastPrivilegeRoleArgs),
    );
    expect(e.problems.map((p) => `${p.code}@${p.arg}`)).toEqual([
      "PAVED_IAM_STATEMENT_INVALID@statements",
      "PAVED_IAM_ARN_INVALID@managedPolicyArns",
    ]);
  });

  test("nothing is created when the input is bad", async () => {
    await settle();
    const before = records.length;
    thrown(
      () => new LeastPrivilegeRole("bad17", { ...base, statements: [{ actions: ["*"], resources: ["*"] }] }),
    );
    await settle();
    expect(
      records.filter((r) => r.name.startsWith("bad17") && r.type !== "paved:aws:LeastPrivilegeRole"),
    ).toEqual([]);
    expect(records.slice(before).every((r) => r.type === "paved:aws:LeastPrivilegeRole")).toBe(true);
  });
});
