/**
 * IAM roles and users carry a permissions boundary in the environments the
 * config names (prod by default), as LeastPrivilegeRole and every role a
 * Paved component creates already do (components/aws/iam/boundary.ts).
 * Service-linked roles (path `/aws-service-role/`) are AWS's to manage and
 * are exempt. When `allowedBoundaryArns` is set, the boundary must be one of
 * them.
 */
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { asString } from "../../lib/props";

export const IAM_ROLE = "aws:iam/role:Role";
export const IAM_USER = "aws:iam/user:User";

interface BoundaryConfig {
  environments: string[];
  allowedBoundaryArns: string[];
}

export const iamPermissionsBoundary = defineResourcePolicy<BoundaryConfig>({
  name: "aws-iam-permissions-boundary",
  description: "IAM roles and users have a permissions boundary in the environments the config names.",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Create roles with Paved's LeastPrivilegeRole, which attaches the platform boundary (`paved:permissionsBoundaryArn`).",
    "Or set `permissionsBoundary` on the aws.iam.Role / aws.iam.User to the platform's boundary policy ARN.",
  ],
  frameworks: [nist80053("AC-6")],
  types: [IAM_ROLE, IAM_USER],
  configSchema: {
    properties: {
      environments: {
        type: "array",
        items: { type: "string" },
        default: ["prod"],
        description: "The `paved:environment` values in which a boundary is required.",
      },
      allowedBoundaryArns: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "When not empty, the only boundary policy ARNs accepted.",
      },
    },
  },
  check(r, ctx) {
    const env = ctx.stack.environment;
    if (env === undefined || !ctx.config.environments.includes(env)) return [];
    const kind = r.type === IAM_USER ? "user" : "role";
    if (kind === "role" && (asString(r.props.path) ?? "").startsWith("/aws-service-role/")) return [];
    const raw = r.props.permissionsBoundary;
    const arn = (asString(raw) ?? "").trim();
    if (arn === "") {
      return [
        {
          message: `the ${kind} has no permissionsBoundary in ${env}; set permissionsBoundary to the platform boundary policy ARN (paved:permissionsBoundaryArn)`,
        },
      ];
    }
    const allowed = ctx.config.allowedBoundaryArns;
    if (allowed.length > 0 && !allowed.includes(arn)) {
      return [
        {
          message: `the ${kind}'s permissionsBoundary "${arn}" is not an allowed boundary; use one of ${allowed.join(", ")}`,
        },
      ];
    }
    return [];
  },
});
