import { iamNoPublicTrust } from "../../../../policies/aws/iam/no-public-trust";
import { describePolicyTable, unknown } from "../../harness";
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
