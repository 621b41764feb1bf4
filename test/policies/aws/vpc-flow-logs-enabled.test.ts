import { vpcFlowLogsEnabled } from "../../../policies/aws/vpc-flow-logs-enabled";
import { Fixture, describePolicyTable, runStackPolicy, unknown, urnOf } from "../harness";

const VPC = "aws:ec2/vpc:Vpc";
const FLOW = "aws:ec2/flowLog:FlowLog";
const vpc = (name: string, props: Record<string, unknown> = {}): Fixture => ({
  type: VPC,
  name,
  props: { cidrBlock: "10.0.0.0/16", ...props },
});
const flowLog = (name: string, props: Record<string, unknown>, dependsOn: string[] = []): Fixture => ({
  type: FLOW,
  name,
  props: { trafficType: "ALL", logDestination: "arn:aws:logs:us-east-1:1:log-group:x", ...props },
  dependencies: dependsOn,
});
const coreUrn = urnOf(VPC, "core");

describePolicyTable(vpcFlowLogsEnabled, {
  base: [vpc("core"), flowLog("core-flow", { vpcId: unknown }, [coreUrn])],
  pass: [
    {
      name: "a flow log whose vpcId equals the VPC's known id",
      stack: () => [vpc("core", { id: "vpc-1" }), flowLog("f", { vpcId: "vpc-1" })],
    },
    { name: "no VPC, nothing to log", stack: () => [flowLog("f", { vpcId: "vpc-9" })] },
    {
      name: "a default VPC with a flow log",
      stack: () => [
        { type: "aws:ec2/defaultVpc:DefaultVpc", name: "default", props: {} },
        flowLog("f", {}, [urnOf("aws:ec2/defaultVpc:DefaultVpc", "default")]),
      ],
    },
  ],
  fail: [
    {
      name: "a VPC without a flow log, blamed by URN",
      stack: (base) => [base[0]],
      expect: /VPC "core" has no flow log/,
      urn: coreUrn,
      count: 1,
    },
    {
      name: "a flow log on another VPC",
      stack: () => [vpc("core", { id: "vpc-1" }), flowLog("f", { vpcId: "vpc-2" })],
      expect: /"core" has no flow log/,
      urn: coreUrn,
    },
    {
      name: "two VPCs, one covered",
      stack: (base) => [...base, vpc("edge")],
      expect: /VPC "edge" has no flow log/,
      urn: urnOf(VPC, "edge"),
      count: 1,
    },
    {
      name: "a default VPC without one",
      stack: () => [{ type: "aws:ec2/defaultVpc:DefaultVpc", name: "default", props: {} }],
      expect: /"default" has no flow log/,
    },
  ],
  unknown: [
    {
      name: "vpcId unknown and no dependency recorded: advisory",
      stack: () => [vpc("core", { id: unknown }), flowLog("f", { vpcId: unknown })],
    },
    {
      name: "the VPC's id unknown but the dependency recorded",
      stack: (base) => [vpc("core", { id: unknown }), base[1]],
    },
  ],
});

test("an unknown vpcId is reported as an advisory note naming the VPC, not a violation", async () => {
  const vs = await runStackPolicy(vpcFlowLogsEnabled, [
    vpc("core", { id: "vpc-1" }),
    flowLog("f", { vpcId: unknown }),
  ]);
  expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory", urn: coreUrn })]);
  expect(vs[0].message).toMatch(/unknown during preview/);
});
