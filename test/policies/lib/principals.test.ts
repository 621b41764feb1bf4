import {
  conditionPin,
  conditionPinsCaller,
  isWildcardOnly,
  principalIsPublic,
  publicDocumentFindings,
  publicStatements,
  statementIsPublic,
} from "../../../policies/lib/principals";
import { unknown } from "../harness";

const ORG = { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } };

describe("principalIsPublic", () => {
  it.each<[string, unknown]>([
    ['"*"', "*"],
    ['{AWS: "*"}', { AWS: "*" }],
    ['{AWS: ["*", arn]}', { AWS: ["arn:aws:iam::123456789012:root", "*"] }],
    ["an account wildcard root", { AWS: "arn:aws:iam::*:root" }],
    ["an account wildcard role", { AWS: "arn:aws:iam::*:role/x" }],
    ['{CanonicalUser: "*"}', { CanonicalUser: "*" }],
    ['{Federated: "*"}', { Federated: "*" }],
    ['{Service: "*"}', { Service: "*" }],
    ["a public value next to an unknown one", { AWS: [unknown, "*"] }],
  ])("%s is public", (_, p) => {
    const v = principalIsPublic(p);
    expect(v.public).toBe(true);
    expect(v.unknown).toBeFalsy();
  });

  it.each<[string, unknown]>([
    ["a named account", { AWS: "arn:aws:iam::123456789012:root" }],
    ["an account id", { AWS: "123456789012" }],
    ["a service", { Service: "sns.amazonaws.com" }],
    ["services", { Service: ["sns.amazonaws.com", "events.amazonaws.com"] }],
    ["a federated provider", { Federated: "arn:aws:iam::123456789012:oidc-provider/x" }],
    ["a canonical user", { CanonicalUser: "79a59df900b949e55d96a1e698fbaced" }],
    ["lower-case aws key (not a valid key)", { aws: "arn:aws:iam::123456789012:root" }],
    ["absent", undefined],
  ])("%s is not public", (_, p) => {
    expect(principalIsPublic(p)).toMatchObject({ public: false });
    expect(principalIsPublic(p).unknown).toBeFalsy();
  });

  it("an unknown principal cannot be told", () => {
    expect(principalIsPublic(unknown)).toMatchObject({ public: false, unknown: true });
    expect(principalIsPublic({ AWS: [unknown, "arn:aws:iam::123456789012:root"] })).toMatchObject({
      public: false,
      unknown: true,
    });
  });
});

describe("conditionPinsCaller", () => {
  it.each<[string, unknown]>([
    ["StringEquals aws:PrincipalOrgID", ORG],
    [
      "StringEquals aws:PrincipalAccount (list)",
      { StringEquals: { "aws:PrincipalAccount": ["111122223333"] } },
    ],
    ["ArnEquals aws:SourceArn", { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t" } }],
    ["ArnLike aws:SourceArn", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::my-bucket" } }],
    ["StringEquals aws:SourceAccount", { StringEquals: { "aws:SourceAccount": "111122223333" } }],
    ["StringEquals aws:SourceVpce", { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c" } }],
    ["StringEquals aws:SourceVpc", { StringEquals: { "aws:SourceVpc": "vpc-1a2b3c" } }],
    ["StringEquals AWS:SourceOwner (key case)", { StringEquals: { "AWS:SourceOwner": "111122223333" } }],
    [
      "StringLike aws:PrincipalArn",
      { StringLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/*" } },
    ],
    ["ForAnyValue:StringEquals", { "ForAnyValue:StringEquals": { "aws:PrincipalOrgID": ["o-abc123"] } }],
    ["operator case", { stringequals: { "aws:principalorgid": "o-abc123" } }],
    ["a number value", { StringEquals: { "aws:SourceAccount": 111122223333 } }],
    ["one pinning entry among others", { Bool: { "aws:SecureTransport": "true" }, ...ORG }],
  ])("%s pins", (_, c) => {
    expect(conditionPinsCaller(c)).toBe(true);
  });

  it.each<[string, unknown]>([
    ["StringNotEquals aws:PrincipalOrgID", { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } }],
    ["StringEqualsIfExists", { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123" } }],
    ["ForAllValues:StringEquals", { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": ["o-abc123"] } }],
    ["a * value", { StringLike: { "aws:PrincipalOrgID": "*" } }],
    ["a * among values", { StringEquals: { "aws:SourceAccount": ["111122223333", "*"] } }],
    ["a wildcard-only ARN", { ArnLike: { "aws:SourceArn": "arn:aws:s3:::*" } }],
    ["a wildcard-only ARN with region", { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:*:*" } }],
    ["a principal ARN in any account", { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/deployer" } }],
    ["an unrelated key", { Bool: { "aws:SecureTransport": "true" } }],
    ["sts:ExternalId", { StringEquals: { "sts:ExternalId": "shared" } }],
    ["an empty list", { StringEquals: { "aws:PrincipalOrgID": [] } }],
    ["ArnNotEquals", { ArnNotEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t" } }],
    ["Null", { Null: { "aws:PrincipalOrgID": "false" } }],
    ["aws:SourceIp without the option", { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }],
    ["absent", undefined],
  ])("%s does not pin", (_, c) => {
    expect(conditionPinsCaller(c)).toBe(false);
    expect(conditionPin(c).unknown).toBe(false);
  });

  it("extra keys pin when asked", () => {
    const c = { StringEquals: { "kms:CallerAccount": "111122223333" } };
    expect(conditionPinsCaller(c)).toBe(false);
    expect(conditionPinsCaller(c, { extraKeys: ["kms:CallerAccount"] })).toBe(true);
  });

  it("aws:SourceIp pins only with private or trusted CIDRs", () => {
    const ip = (v: unknown, op = "IpAddress") => ({ [op]: { "aws:SourceIp": v } });
    const opts = { sourceIp: { trustedCidrs: ["203.0.113.0/24"] } };
    expect(conditionPinsCaller(ip("10.0.0.0/8"), opts)).toBe(true);
    expect(conditionPinsCaller(ip(["10.0.0.0/8", "192.168.1.0/24"]), opts)).toBe(true);
    expect(conditionPinsCaller(ip("203.0.113.7/32"), opts)).toBe(true);
    expect(conditionPinsCaller(ip("203.0.113.7"), opts)).toBe(true);
    expect(conditionPinsCaller(ip("198.51.100.0/24"), opts)).toBe(false);
    expect(conditionPinsCaller(ip("0.0.0.0/0"), opts)).toBe(false);
    expect(conditionPinsCaller(ip(["10.0.0.0/8", "0.0.0.0/0"]), opts)).toBe(false);
    expect(conditionPinsCaller(ip("::/0"), opts)).toBe(false);
    expect(conditionPinsCaller(ip("10.0.0.0/8", "NotIpAddress"), opts)).toBe(false);
    expect(conditionPinsCaller(ip("10.0.0.0/8", "IpAddressIfExists"), opts)).toBe(false);
  });

  it("an unknown value on a pinning entry cannot be told", () => {
    expect(conditionPin({ StringEquals: { "aws:PrincipalOrgID": unknown } })).toMatchObject({
      pins: false,
      unknown: true,
    });
    expect(conditionPin({ StringEquals: unknown })).toMatchObject({ pins: false, unknown: true });
    expect(conditionPin(unknown)).toMatchObject({ pins: false, unknown: true });
    // A known pin wins over an unknown elsewhere.
    expect(
      conditionPin({ StringEquals: unknown, ...{ ArnEquals: { "aws:SourceArn": "arn:aws:s3:::b" } } }).pins,
    ).toBe(true);
  });

  it("names why an entry does not pin", () => {
    expect(conditionPin({ StringNotEquals: { "aws:PrincipalOrgID": "o-1" } }).weak.join()).toMatch(/negated/);
  });
});

describe("isWildcardOnly", () => {
  it.each([
    "*",
    "?*",
    "arn:aws:s3:::*",
    "arn:aws:sns:*:*:*",
    "arn:aws:lambda:*:*:function:*",
    "arn:aws:iam::*:role/deployer",
  ])("%s matches anyone", (v) => {
    expect(isWildcardOnly(v)).toBe(true);
  });
  it.each(["o-abc", "arn:aws:s3:::bucket", "arn:aws:sns:*:111122223333:*", "1111*"])(
    "%s is concrete",
    (v) => {
      expect(isWildcardOnly(v)).toBe(false);
    },
  );
});

describe("statementIsPublic", () => {
  const allow = (extra: Record<string, unknown>) => ({
    Effect: "Allow",
    Action: "sqs:SendMessage",
    ...extra,
  });
  it("Allow * with no condition", () => {
    expect(statementIsPublic(allow({ Principal: "*" }))).toMatchObject({
      public: true,
      why: expect.stringMatching(/Principal "\*" with no condition/),
    });
  });
  it("Allow * with a negated org condition", () => {
    const v = statementIsPublic(
      allow({ Principal: "*", Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-1" } } }),
    );
    expect(v.public).toBe(true);
    expect(v.why).toMatch(/no condition pins the caller \(StringNotEquals aws:PrincipalOrgID/);
  });
  it("Allow * pinned", () => {
    expect(statementIsPublic(allow({ Principal: "*", Condition: ORG })).public).toBe(false);
  });
  it("Deny * never opens", () => {
    expect(statementIsPublic({ Effect: "Deny", Principal: "*", Action: "*" }).public).toBe(false);
  });
  it("Allow NotPrincipal is public", () => {
    expect(statementIsPublic(allow({ NotPrincipal: { AWS: "arn:aws:iam::1:root" } }))).toMatchObject({
      public: true,
      why: expect.stringMatching(/NotPrincipal/),
    });
  });
  it("a Service principal is not public", () => {
    expect(statementIsPublic(allow({ Principal: { Service: "sns.amazonaws.com" } })).public).toBe(false);
  });
  it("unknowns", () => {
    expect(statementIsPublic(unknown)).toMatchObject({ public: false, unknown: true });
    expect(statementIsPublic({ Effect: unknown, Principal: "*" })).toMatchObject({ unknown: true });
    expect(
      statementIsPublic({ Effect: unknown, Principal: { Service: "x.amazonaws.com" } }).unknown,
    ).toBeFalsy();
    expect(statementIsPublic(allow({ Principal: "*", Condition: { StringEquals: unknown } }))).toMatchObject({
      unknown: true,
    });
    // An unknown action does not hide a public principal.
    expect(statementIsPublic({ Effect: "Allow", Principal: "*", Action: unknown }).public).toBe(true);
  });
});

describe("publicStatements and publicDocumentFindings", () => {
  const doc = {
    Version: "2012-10-17",
    Statement: [
      { Sid: "Owner", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "*" },
      { Sid: "Open", Effect: "Allow", Principal: { AWS: "*" }, Action: "sqs:SendMessage" },
    ],
  };
  it("reads objects, JSON strings and a single-object Statement", () => {
    expect(publicStatements(doc).statements.map((s) => s.index)).toEqual([1]);
    expect(publicStatements(JSON.stringify(doc)).statements.map((s) => s.sid)).toEqual(["Open"]);
    expect(publicStatements({ Statement: doc.Statement[1] }).statements).toHaveLength(1);
  });
  it("nothing to read", () => {
    for (const d of [undefined, null, "", "not json", { Statement: [] }, 42]) {
      expect(publicStatements(d)).toEqual({ statements: [], unknown: false });
    }
  });
  it("unknown documents", () => {
    expect(publicStatements(unknown).unknown).toBe(true);
    expect(publicStatements({ Statement: unknown }).unknown).toBe(true);
  });
  it("findings name the input, the statement and the fix", () => {
    const [f] = publicDocumentFindings([{ path: "policy", doc }], { fix: "name the principals" });
    expect(f.message).toBe(
      'policy statement 1 (Sid "Open"): it allows Principal {"AWS": "*"} with no condition; name the principals',
    );
  });
  it("throws a preview unknown when nothing definite is found", () => {
    expect(() => publicDocumentFindings([{ path: "policy", doc: unknown }], { fix: "x" })).toThrow(
      /not fully known/,
    );
    expect(
      publicDocumentFindings(
        [
          { path: "a", doc: unknown },
          { path: "b", doc },
        ],
        { fix: "x" },
      ),
    ).toHaveLength(1);
  });
});
