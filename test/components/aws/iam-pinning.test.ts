/**
 * The trust lint and the pack's principal reader share one pinning rule
 * (components/aws/iam/pinning.ts). These cases were accepted by the lint
 * (any pinning key under any operator, sts:ExternalId, the wildcard-account
 * root) and refused by `aws-iam-no-public-trust`.
 */
import { lintTrustDocument } from "../../../components/aws/iam/lint";
import { conditionPin } from "../../../components/aws/iam/pinning";
import * as principals from "../../../policies/lib/principals";
import { statementIsPublic } from "../../../policies/lib/principals";

const trust = (Principal: unknown, Condition?: unknown) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }],
});
const codes = (doc: unknown) => lintTrustDocument(doc).map((f) => f.code);

describe("the trust lint pins like the pack", () => {
  test.each<[string, unknown, unknown]>([
    [
      '"*" with StringNotEquals aws:PrincipalOrgID',
      "*",
      { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } },
    ],
    ['"*" with StringEqualsIfExists', "*", { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-abc" } }],
    [
      '"*" with ForAllValues:StringEquals',
      "*",
      { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-abc" } },
    ],
    ['"*" with a wildcard org value', "*", { StringLike: { "aws:PrincipalOrgID": "*" } }],
    ['"*" with only sts:ExternalId', "*", { StringEquals: { "sts:ExternalId": "shared-secret" } }],
    [
      "the wildcard-account root with only sts:ExternalId",
      { AWS: "arn:aws:iam::*:root" },
      { StringEquals: { "sts:ExternalId": "x-1" } },
    ],
    [
      "an ARN in any account with StringNotEquals",
      { AWS: ["arn:aws:iam::*:role/deployer"] },
      { StringNotEquals: { "aws:PrincipalAccount": "123456789012" } },
    ],
  ])("%s is weak in both", (_, principal, condition) => {
    const doc = trust(principal, condition);
    expect(codes(doc)).toContain("PAVED_IAM_TRUST_PUBLIC_WEAK_CONDITION");
    expect(statementIsPublic(doc.Statement[0]).public).toBe(true);
  });

  test("the wildcard-account root with no condition is public in both", () => {
    const doc = trust({ AWS: "arn:aws:iam::*:root" });
    expect(codes(doc)).toContain("PAVED_IAM_TRUST_PUBLIC");
    expect(statementIsPublic(doc.Statement[0]).public).toBe(true);
  });

  test.each<[string, unknown]>([
    ["StringEquals aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc" } }],
    [
      "ForAnyValue:StringLike aws:PrincipalOrgPaths",
      { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": ["o-abc/r-1/ou-2/*"] } },
    ],
    [
      "ArnEquals aws:SourceArn",
      { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:topic" } },
    ],
    ["lower-case key and operator", { stringequals: { "aws:principalaccount": "123456789012" } }],
  ])('"*" pinned by %s passes in both', (_, condition) => {
    const doc = trust("*", condition);
    expect(codes(doc)).toEqual([]);
    expect(statementIsPublic(doc.Statement[0]).public).toBe(false);
  });

  test("the weak message says why the condition does not pin", () => {
    const [f] = lintTrustDocument(trust("*", { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } }));
    expect(f.message).toMatch(/StringNotEquals aws:PrincipalOrgID: a negated operator/);
  });

  test("policies/lib/principals re-exports the one implementation", () => {
    expect(principals.conditionPin).toBe(conditionPin);
  });
});
