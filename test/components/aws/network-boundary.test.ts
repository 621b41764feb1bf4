/**
 * SegmentedNetwork's flow-log delivery role takes its permissions boundary
 * through the same resolution as LeastPrivilegeRole (components/aws/iam/boundary.ts).
 */
import { DEV_GOVERNANCE, descendants, setConfig, settle, useMocks, valueOf } from "../../helpers/pulumi";
const REGION = "eu-west-1";
const BOUNDARY = "arn:aws:iam::123456789012:policy/platform-boundary";
const NO_BOUNDARY = { ...DEV_GOVERNANCE, "aws:region": REGION };
const CONFIG = { ...NO_BOUNDARY, "paved:permissionsBoundaryArn": BOUNDARY };
const records = useMocks({ config: CONFIG, region: REGION });
import { PavedValidationError } from "../../../components/core/errors";
import { SegmentedNetwork } from "../../../components/aws/network/network";
import type { SegmentedNetworkArgs } from "../../../components/aws/network/args";

const JUSTIFIED = { none: true as const, justification: "sandbox account, boundary not rolled out yet" };

async function flowLogRole(name: string, args: SegmentedNetworkArgs) {
  const net = new SegmentedNetwork(name, args);
  await settle();
  const kids = descendants(records, await valueOf(net.urn));
  return kids.filter((k) => k.type === "aws:iam/role:Role");
}

function failure(name: string, args: SegmentedNetworkArgs): PavedValidationError {
  const before = records.length;
  try {
    new SegmentedNetwork(name, args);
  } catch (e) {
    if (!PavedValidationError.isInstance(e)) throw e;
    expect(records.length).toBe(before);
    return e;
  }
  throw new Error("expected a PavedValidationError");
}

afterEach(() => setConfig(CONFIG));

test("the flow-log role carries the boundary from stack config", async () => {
  const roles = await flowLogRole("cfg", { vpcCidr: "10.0.0.0/16" });
  expect(roles.map((r) => [r.name, r.inputs.permissionsBoundary])).toEqual([["cfg-flow-log-role", BOUNDARY]]);
});

test("a given ARN wins over the stack config", async () => {
  const other = "arn:aws:iam::123456789012:policy/network-boundary";
  const roles = await flowLogRole("given", {
    vpcCidr: "10.1.0.0/16",
    flowLogs: { destination: "cloudWatch", permissionsBoundary: { arn: other } },
  });
  expect(roles[0].inputs.permissionsBoundary).toBe(other);
});

test("missing is an error naming SegmentedNetwork and flowLogs.permissionsBoundary, in dev too", () => {
  setConfig(NO_BOUNDARY);
  const e = failure("missing", { vpcCidr: "10.2.0.0/16" });
  expect(e.problems.map((p) => [p.code, p.arg])).toEqual([
    ["PAVED_IAM_BOUNDARY_MISSING", "flowLogs.permissionsBoundary"],
  ]);
  expect(e.message).toContain(
    'SegmentedNetwork "missing": flowLogs.permissionsBoundary is missing for the flow-log delivery role;',
  );
  expect(e.message).toContain("paved:permissionsBoundaryArn");
});

test("missing in prod is an error, and the opt-out is refused there", () => {
  setConfig({ ...NO_BOUNDARY, "paved:environment": "prod", "paved:changeTicket": "CHG-1234" });
  const missing = failure("prodmissing", { vpcCidr: "10.3.0.0/16" });
  expect(missing.code).toBe("PAVED_IAM_BOUNDARY_MISSING");
  expect(missing.message).toContain("flowLogs.permissionsBoundary is missing in prod");
  const optOut = failure("prodnone", {
    vpcCidr: "10.3.0.0/16",
    flowLogs: { destination: "cloudWatch", permissionsBoundary: JUSTIFIED },
  });
  expect(optOut.code).toBe("PAVED_IAM_BOUNDARY_MISSING");
  expect(optOut.message).toContain('flowLogs.permissionsBoundary is "none" in prod');
});

test("outside prod a justified opt-out creates the role without a boundary", async () => {
  setConfig(NO_BOUNDARY);
  const roles = await flowLogRole("optout", {
    vpcCidr: "10.4.0.0/16",
    flowLogs: { destination: "cloudWatch", permissionsBoundary: JUSTIFIED },
  });
  expect(roles).toHaveLength(1);
  expect(roles[0].inputs.permissionsBoundary).toBeUndefined();
});

test("an opt-out without a real justification is refused", () => {
  setConfig(NO_BOUNDARY);
  const e = failure("short", {
    vpcCidr: "10.5.0.0/16",
    flowLogs: { destination: "cloudWatch", permissionsBoundary: { none: true, justification: "no" } },
  });
  expect(e.problems.map((p) => [p.code, p.arg])).toEqual([
    ["PAVED_IAM_JUSTIFICATION_SHORT", "flowLogs.permissionsBoundary.justification"],
  ]);
});

test("flow logs to S3 create no role, so no boundary is needed", async () => {
  setConfig(NO_BOUNDARY);
  const roles = await flowLogRole("tos3", {
    vpcCidr: "10.6.0.0/16",
    flowLogs: { destination: "s3", bucketArn: "arn:aws:s3:::org-log-archive/vpc" },
  });
  expect(roles).toEqual([]);
});
