/**
 * The permissions boundary of every IAM role a Paved component creates
 * (LeastPrivilegeRole, SanVolume's DLM role, SegmentedNetwork's flow-log
 * role): one resolution, so every role follows the same rule.
 *
 * - The boundary is the given `{ arn }`, else the stack config
 *   `paved:permissionsBoundaryArn`.
 * - Missing is an error in every environment (secure default).
 * - Outside prod, `{ none: true, justification }` opts out explicitly; in prod
 *   the opt-out is refused.
 *
 * {@link resolvePermissionsBoundary} is pure; {@link configuredPermissionsBoundaryArn}
 * reads the stack config.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ValidationProblem } from "../../core/errors";
import { isPolicyArn, MIN_JUSTIFICATION_LENGTH } from "./plan";

/**
 * The permissions boundary: a policy ARN, or an explicit, justified opt-out
 * (refused in prod).
 */
export type PermissionsBoundary =
  { arn: string; none?: never } | { none: true; justification: string; arn?: never };

/** The stack config key that holds the platform's boundary policy ARN. */
export const PERMISSIONS_BOUNDARY_CONFIG_KEY = "paved:permissionsBoundaryArn";

/** The boundary ARN in stack config (`paved:permissionsBoundaryArn`), if any. */
export function configuredPermissionsBoundaryArn(
  config: pulumi.Config = new pulumi.Config("paved"),
): string | undefined {
  return config.get("permissionsBoundaryArn");
}

/** What {@link resolvePermissionsBoundary} needs besides the argument. */
export interface BoundaryContext {
  /** `paved:environment` as resolved by the component's governance. */
  readonly environment: string | undefined;
  /** The boundary ARN from stack config (see {@link configuredPermissionsBoundaryArn}). */
  readonly configured: string | undefined;
  /** The argument's path as the user writes it. @default "permissionsBoundary" */
  readonly arg?: string;
  /** Which role the boundary is for, for components that create a role as a side job: `the DLM snapshot role`. */
  readonly role?: string;
}

/**
 * The boundary ARN to attach (undefined for a justified opt-out or when a
 * problem was found) and the problems found. Codes:
 * `PAVED_IAM_BOUNDARY_MISSING`, `PAVED_IAM_JUSTIFICATION_SHORT`,
 * `PAVED_IAM_ARN_INVALID`, `PAVED_IAM_BOUNDARY_INVALID`.
 */
export function resolvePermissionsBoundary(
  given: PermissionsBoundary | undefined,
  ctx: BoundaryContext,
): { arn: string | undefined; problems: ValidationProblem[] } {
  const arg = ctx.arg ?? "permissionsBoundary";
  const forRole = ctx.role !== undefined ? ` for ${ctx.role}` : "";
  const prod = ctx.environment === "prod";
  const setHint = `set ${arg}.arn or \`pulumi config set ${PERMISSIONS_BOUNDARY_CONFIG_KEY} <policy-arn>\``;
  const problem = (a: string, what: string, fix: string, code: string) => ({
    arn: undefined,
    problems: [{ arg: a, problem: what, fix, code }],
  });

  if (given !== undefined && (typeof given !== "object" || given === null || Array.isArray(given))) {
    return problem(
      arg,
      `${JSON.stringify(given)} is not a boundary`,
      `use { arn: "<policy-arn>" } or, outside prod, { none: true, justification: "..." }`,
      "PAVED_IAM_BOUNDARY_INVALID",
    );
  }
  if (given?.none === true) {
    if (prod) {
      return problem(
        arg,
        `is "none" in prod${forRole}`,
        `${setHint}; prod roles always carry the platform boundary`,
        "PAVED_IAM_BOUNDARY_MISSING",
      );
    }
    if (
      typeof given.justification !== "string" ||
      given.justification.trim().length < MIN_JUSTIFICATION_LENGTH
    ) {
      return problem(
        `${arg}.justification`,
        "is too short to explain anything",
        `write at least ${MIN_JUSTIFICATION_LENGTH} characters saying why this role needs no boundary`,
        "PAVED_IAM_JUSTIFICATION_SHORT",
      );
    }
    return { arn: undefined, problems: [] };
  }
  const arn: unknown = given?.arn ?? ctx.configured;
  const from = given?.arn !== undefined ? `${arg}.arn` : PERMISSIONS_BOUNDARY_CONFIG_KEY;
  if (arn === undefined || arn === "") {
    return problem(
      arg,
      `is missing${prod ? " in prod" : ""}${forRole}`,
      prod ? setHint : `${setHint}, or opt out explicitly with ${arg}: { none: true, justification: "..." }`,
      "PAVED_IAM_BOUNDARY_MISSING",
    );
  }
  if (typeof arn !== "string" || !isPolicyArn(arn)) {
    return problem(
      from,
      `${JSON.stringify(arn)} is not a policy ARN`,
      "use arn:aws:iam::<account>:policy/<name>",
      "PAVED_IAM_ARN_INVALID",
    );
  }
  return { arn, problems: [] };
}
