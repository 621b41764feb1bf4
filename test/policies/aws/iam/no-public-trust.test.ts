import { iamNoPublicTrust } from "../../../../policies/aws/iam/no-public-trust";
import { describePolicyTable, runPolicy, unknown } from "../../harness";
import { TRUST_EC2, role, trust } from "./fixtures";

describePolicyTable(iamNoPublicTrust, {
  base: role(JSON.stringify(TRUST_EC2)),
  pass: [
    { name: "a named account role", fixture: role(trust({ AWS: "arn:aws:iam::123456789012:role/ci" })) },
    {
      name: "* pinned to the organization",
      fixture: role(trust("*", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })),
    },
    { name: "a trust document as an object", fixture: role(TRUST_EC2) },
    {
      name: "* pinned with ArnEquals aws:PrincipalArn",
      fixture: role(
        trust("*", { Condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/ci" } } }),
      ),
    },
    {
      name: "* pinned with ForAnyValue:StringEquals and a lower-case operator",
      fixture: role(
        trust("*", { Condition: { "foranyvalue:stringequals": { "aws:PrincipalOrgID": ["o-abc123"] } } }),
      ),
    },
    {
      name: "* pinned with StringEquals aws:PrincipalAccount as a JSON string",
      fixture: role(
        JSON.stringify(
          trust("*", { Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } }),
        ),
      ),
    },
    {
      name: "a Deny with Principal *",
      fixture: role({ Statement: { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" } }),
    },
    { name: "a Service principal", fixture: role(trust({ Service: ["lambda.amazonaws.com"] })) },
    {
      name: "inline permissions are not read by this policy",
      fixture: {
        ...role(TRUST_EC2),
        props: { assumeRolePolicy: TRUST_EC2, inlinePolicies: [{ name: "x", policy: unknown }] },
      },
    },
  ],
  fail: [
    {
      name: 'Principal "*"',
      fixture: role(trust("*")),
      expect: /trusts Principal "\*" with no condition/,
      count: 1,
    },
    {
      name: 'Principal {AWS: "*"} as a JSON string',
      fixture: role(JSON.stringify(trust({ AWS: ["*"] }))),
      expect: /Principal "\*"/,
      count: 1,
    },
    {
      name: '"*" with a condition that pins nothing',
      fixture: role(trust("*", { Condition: { Bool: { "aws:SecureTransport": "true" } } })),
      expect: /no condition pins the caller's account/,
      count: 1,
    },
    {
      name: '"*" with StringNotEquals aws:PrincipalOrgID (negated: lets every other organization in)',
      fixture: role(trust("*", { Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } } })),
      expect: /no condition pins the caller's account or organization \(StringNotEquals aws:PrincipalOrgID/,
      count: 1,
    },
    {
      name: '"*" with StringEqualsIfExists aws:PrincipalOrgID',
      fixture: role(
        trust("*", { Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123" } } }),
      ),
      expect: /IfExists passes when the key is absent/,
      count: 1,
    },
    {
      name: '"*" with StringLike aws:PrincipalOrgID "*"',
      fixture: role(trust("*", { Condition: { StringLike: { "aws:PrincipalOrgID": "*" } } })),
      expect: /value "\*" matches anyone/,
      count: 1,
    },
    {
      name: '"*" with only sts:ExternalId (not a secret)',
      fixture: role(trust("*", { Condition: { StringEquals: { "sts:ExternalId": "shared" } } })),
      expect: /no condition pins the caller's account/,
      count: 1,
    },
    {
      name: "an account wildcard root ARN",
      fixture: role(trust({ AWS: "arn:aws:iam::*:root" })),
      expect: /Principal "\*" \(written \{"AWS":"arn:aws:iam::\*:root"\}\) with no condition/,
      count: 1,
    },
    {
      name: '{AWS: ["*", arn]} in a single-object Statement',
      fixture: role({
        Statement: {
          Effect: "Allow",
          Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] },
          Action: "sts:AssumeRole",
        },
      }),
      expect: /Principal "\*"/,
      count: 1,
    },
    {
      name: "Allow with NotPrincipal",
      fixture: role(doc2()),
      expect: /NotPrincipal with Allow/,
      count: 1,
    },
  ],
  unknown: [
    { name: "trust document unknown", fixture: role(unknown) },
    {
      name: "a condition value unknown",
      fixture: role(trust("*", { Condition: { StringEquals: { "aws:PrincipalOrgID": unknown } } })),
    },
    { name: "a principal unknown", fixture: role(trust(unknown)) },
  ],
});

function doc2() {
  return {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" },
    ],
  };
}

describe("one statement unknown during preview", () => {
  const doc = (statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
  const known = { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" };
  const pending = {
    Sid: "Ci",
    Effect: "Allow",
    Principal: { AWS: unknown },
    Action: "sts:AssumeRole",
  };

  test("the known statements are judged; only the unknown one is noted", async () => {
    const vs = await runPolicy(iamNoPublicTrust, role(doc([pending, known])));
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory", "advisory"]);
    expect(vs[0].message).toMatch(/statement 1 trusts Principal "\*" with no condition/);
    expect(vs[1].message).toMatch(
      /assumeRolePolicy: statement 0 \(Sid "Ci"\) is not known until apply \(its principal or condition\)/,
    );
  });

  test("an unknown statement next to a private one gives the note alone", async () => {
    const ec2 = { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" };
    const vs = await runPolicy(iamNoPublicTrust, role(doc([ec2, pending])));
    expect(
      vs.map((v) => [v.enforcementLevel, /statement 1 \(Sid "Ci"\) is not known/.test(v.message)]),
    ).toEqual([["advisory", true]]);
  });
});

describe("a trust document several roles share (judged once, remembered by its text)", () => {
  const open = JSON.stringify(trust("*"));

  test("each role gets its own finding, under its own URN", async () => {
    const a = await runPolicy(iamNoPublicTrust, { ...role(open), name: "first" });
    const b = await runPolicy(iamNoPublicTrust, { ...role(open), name: "second" });
    expect(a.map((v) => v.urn)).toEqual([expect.stringMatching(/::first$/)]);
    expect(b.map((v) => v.urn)).toEqual([expect.stringMatching(/::second$/)]);
    expect(b[0].message).toBe(a[0].message);
  });
});
