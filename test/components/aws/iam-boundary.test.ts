/**
 * The one permissions-boundary resolution every Paved IAM role goes through
 * (LeastPrivilegeRole, SanVolume's DLM role, SegmentedNetwork's flow-log role).
 */
import { PermissionsBoundary, resolvePermissionsBoundary } from "../../../components/aws/iam/boundary";

const ARN = "arn:aws:iam::123456789012:policy/platform-boundary";
const OTHER = "arn:aws:iam::123456789012:policy/team/other-boundary";
const JUSTIFIED: PermissionsBoundary = {
  none: true,
  justification: "sandbox account without the boundary yet",
};

describe("resolvePermissionsBoundary", () => {
  test("the stack config ARN is used when none is given", () => {
    expect(resolvePermissionsBoundary(undefined, { environment: "dev", configured: ARN })).toEqual({
      arn: ARN,
      problems: [],
    });
  });

  test("a given ARN wins over the stack config", () => {
    expect(resolvePermissionsBoundary({ arn: OTHER }, { environment: "prod", configured: ARN }).arn).toBe(
      OTHER,
    );
  });

  test.each(["dev", "staging", "prod", undefined])("missing is an error in environment %s", (environment) => {
    const r = resolvePermissionsBoundary(undefined, { environment, configured: undefined });
    expect(r.arn).toBeUndefined();
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "PAVED_IAM_BOUNDARY_MISSING", arg: "permissionsBoundary" }),
    ]);
    expect(r.problems[0].fix).toContain("paved:permissionsBoundaryArn");
  });

  test("an empty config value counts as missing", () => {
    const r = resolvePermissionsBoundary(undefined, { environment: "dev", configured: "" });
    expect(r.problems.map((p) => p.code)).toEqual(["PAVED_IAM_BOUNDARY_MISSING"]);
  });

  test("outside prod the opt-out is offered; in prod it is not", () => {
    const dev = resolvePermissionsBoundary(undefined, { environment: "dev", configured: undefined });
    expect(dev.problems[0].fix).toContain("none: true");
    const prod = resolvePermissionsBoundary(undefined, { environment: "prod", configured: undefined });
    expect(prod.problems[0].problem).toBe("is missing in prod");
    expect(prod.problems[0].fix).not.toContain("none: true");
  });

  test("a justified opt-out outside prod attaches no boundary, even with one in config", () => {
    expect(resolvePermissionsBoundary(JUSTIFIED, { environment: "dev", configured: ARN })).toEqual({
      arn: undefined,
      problems: [],
    });
  });

  test("the opt-out is refused in prod", () => {
    const r = resolvePermissionsBoundary(JUSTIFIED, { environment: "prod", configured: ARN });
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "PAVED_IAM_BOUNDARY_MISSING",
        arg: "permissionsBoundary",
        problem: 'is "none" in prod',
      }),
    ]);
  });

  test("an opt-out needs a real justification", () => {
    const r = resolvePermissionsBoundary(
      { none: true, justification: "  short  " },
      { environment: "dev", configured: ARN },
    );
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "PAVED_IAM_JUSTIFICATION_SHORT",
        arg: "permissionsBoundary.justification",
      }),
    ]);
  });

  test("a malformed ARN names where it came from: the argument or the stack config", () => {
    const given = resolvePermissionsBoundary(
      { arn: "platform-boundary" },
      { environment: "dev", configured: ARN },
    );
    expect(given.problems).toEqual([
      expect.objectContaining({ code: "PAVED_IAM_ARN_INVALID", arg: "permissionsBoundary.arn" }),
    ]);
    const configured = resolvePermissionsBoundary(undefined, { environment: "dev", configured: "boundary" });
    expect(configured.problems).toEqual([
      expect.objectContaining({ code: "PAVED_IAM_ARN_INVALID", arg: "paved:permissionsBoundaryArn" }),
    ]);
  });

  test("a JavaScript caller's bare string or non-string ARN is a validation problem, not a TypeError", () => {
    const bare = resolvePermissionsBoundary(ARN as unknown as PermissionsBoundary, {
      environment: "dev",
      configured: undefined,
    });
    expect(bare.problems.map((p) => [p.code, p.arg])).toEqual([
      ["PAVED_IAM_BOUNDARY_INVALID", "permissionsBoundary"],
    ]);
    const numeric = resolvePermissionsBoundary({ arn: 42 } as unknown as PermissionsBoundary, {
      environment: "dev",
      configured: undefined,
    });
    expect(numeric.problems.map((p) => [p.code, p.arg])).toEqual([
      ["PAVED_IAM_ARN_INVALID", "permissionsBoundary.arn"],
    ]);
  });

  test("the arg path and the role appear in the problem, for components that create a role on the side", () => {
    const r = resolvePermissionsBoundary(undefined, {
      environment: "dev",
      configured: undefined,
      arg: "flowLogs.permissionsBoundary",
      role: "the flow-log delivery role",
    });
    expect(r.problems[0]).toMatchObject({
      arg: "flowLogs.permissionsBoundary",
      problem: "is missing for the flow-log delivery role",
    });
    expect(r.problems[0].fix).toContain("flowLogs.permissionsBoundary.arn");
    expect(r.problems[0].fix).toContain("flowLogs.permissionsBoundary: { none: true");
    const short = resolvePermissionsBoundary(
      { none: true, justification: "x" },
      { environment: "dev", configured: undefined, arg: "flowLogs.permissionsBoundary" },
    );
    expect(short.problems[0].arg).toBe("flowLogs.permissionsBoundary.justification");
  });
});
