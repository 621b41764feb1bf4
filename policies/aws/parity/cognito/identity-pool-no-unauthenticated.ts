/**
 * Cognito identity pools do not hand AWS credentials to unauthenticated
 * (guest) identities (`allowUnauthenticatedIdentities` true): anyone on the
 * internet could then call AWS with the pool's unauthenticated role.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { isTrue } from "../../../lib/props";

export const cognitoIdentityPoolNoUnauthenticated = defineResourcePolicy({
  name: "aws-cognito-identity-pool-no-unauthenticated",
  description: "Cognito identity pools do not issue AWS credentials to unauthenticated identities.",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `allowUnauthenticatedIdentities: false` and sign users in through a user pool or identity provider.",
    "If guests really need AWS access, exempt the pool with the reason and keep its unauthenticated role to the few actions guests need.",
  ],
  frameworks: [nist80053("AC-14")],
  types: ["aws:cognito/identityPool:IdentityPool"],
  check(r) {
    const v = r.props.allowUnauthenticatedIdentities;
    if (!isTrue(v)) return [];
    return [
      {
        message: `allowUnauthenticatedIdentities is ${quote(v)}, so anyone can get AWS credentials from the pool; set it to false`,
      },
    ];
  },
});
