import { iamPermissionsBoundary } from "../../../../policies/aws/audit/iam-permissions-boundary";
import { describePolicyTable, unknown } from "../../harness";

const BOUNDARY = "arn:aws:iam::111122223333:policy/platform-boundary";
const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const prod = { stackConfig: { environment: "prod" } };

describePolicyTable(iamPermissionsBoundary, {
  base: { type: "aws:iam/role:Role", props: { assumeRolePolicy: trust, permissionsBoundary: BOUNDARY } },
  options: prod,
  pass: [
    {
      name: "a user with a boundary",
      fixture: { type: "aws:iam/user:User", props: { permissionsBoundary: BOUNDARY } },
    },
    {
      name: "a role without a boundary in dev (not a configured environment)",
      patch: { permissionsBoundary: undefined },
      options: { stackConfig: { environment: "dev" } },
    },
    {
      name: "a role without a boundary when no environment is set",
      patch: { permissionsBoundary: undefined },
      options: { stackConfig: {} },
    },
    {
      name: "a service-linked role path is exempt",
      patch: {
        permissionsBoundary: undefined,
        path: "/aws-service-role/elasticloadbalancing.amazonaws.com/",
      },
    },
    {
      name: "the boundary is on the allow-list",
      options: { ...prod, config: { allowedBoundaryArns: [BOUNDARY] } },
    },
    {
      name: "a role in staging when staging is configured",
      options: { stackConfig: { environment: "staging" }, config: { environments: ["staging", "prod"] } },
    },
  ],
  fail: [
    {
      name: "a role without a boundary in prod",
      patch: { permissionsBoundary: undefined },
      expect: /the role has no permissionsBoundary in prod; set permissionsBoundary/,
      count: 1,
    },
    {
      name: "an empty boundary",
      patch: { permissionsBoundary: "" },
      expect: /role has no permissionsBoundary/,
    },
    {
      name: "a user without a boundary in prod",
      fixture: { type: "aws:iam/user:User", props: { name: "deploy" } },
      expect: /the user has no permissionsBoundary in prod/,
    },
    {
      name: "a non-service-linked path does not exempt",
      patch: { permissionsBoundary: undefined, path: "/service-role/" },
      expect: /no permissionsBoundary/,
    },
    {
      name: "a boundary not on the allow-list",
      patch: { permissionsBoundary: "arn:aws:iam::111122223333:policy/other" },
      options: { ...prod, config: { allowedBoundaryArns: [BOUNDARY] } },
      expect: /"arn:aws:iam::111122223333:policy\/other" is not an allowed boundary/,
    },
    {
      name: "staging when configured",
      patch: { permissionsBoundary: undefined },
      options: { stackConfig: { environment: "staging" }, config: { environments: ["staging"] } },
      expect: /no permissionsBoundary in staging/,
    },
  ],
  unknown: [
    {
      name: "boundary unknown (a policy created in the same stack)",
      patch: { permissionsBoundary: unknown },
    },
    { name: "path unknown", patch: { permissionsBoundary: undefined, path: unknown } },
  ],
});
