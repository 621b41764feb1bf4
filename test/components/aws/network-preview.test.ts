/**
 * SegmentedNetwork during `pulumi preview`: ids and the VPC's IPv6 block are
 * unknown. The component must still register every child, without throwing.
 */
import { DEV_GOVERNANCE, descendants, settle, useMocks, valueOf } from "../../helpers/pulumi";
const BOUNDARY = "arn:aws:iam::123456789012:policy/platform-boundary";
const records = useMocks({
  config: { ...DEV_GOVERNANCE, "aws:region": "us-west-2", "paved:permissionsBoundaryArn": BOUNDARY },
  region: "us-west-2",
  preview: true,
});
import { SegmentedNetwork } from "../../../components/aws/network/network";

test("a dual-stack perAz network previews with unknown ids and IPv6 block", async () => {
  const net = new SegmentedNetwork("pv", {
    vpcCidr: "10.0.0.0/16",
    nat: "perAz",
    ipv6: true,
    azCount: 4,
    interfaceEndpoints: ["ssm"],
    flows: [
      {
        from: "web",
        to: "public",
        justification: "Customers reach the public load balancer",
        ticket: "CHG-1",
      },
      {
        from: "public",
        to: "app",
        ports: 8080,
        justification: "Load balancer forwards to the app",
        ticket: "CHG-1",
      },
    ],
  });
  await settle();
  const kids = descendants(records, await valueOf(net.urn));
  expect(kids.filter((k) => k.type === "aws:ec2/subnet:Subnet")).toHaveLength(16);
  expect(kids.filter((k) => k.type === "aws:ec2/natGateway:NatGateway")).toHaveLength(4);
  expect(kids.every((k) => k.id === undefined)).toBe(true);
  // Plain outputs are known even in preview: the register and the cost.
  expect((await valueOf(net.register)).length).toBe(net.plan.register.length);
  expect((await valueOf(net.monthlyCostEstimate)).items[0]).toMatchObject({
    item: "NAT gateway",
    quantity: 4,
  });
});
