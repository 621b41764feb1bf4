import { ec2NoPublicIp } from "../../../../policies/aws/parity/ec2/no-public-ip";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(ec2NoPublicIp, {
  base: {
    type: "aws:ec2/instance:Instance",
    props: { ami: "ami-1", instanceType: "t3.micro", subnetId: "s" },
  },
  pass: [
    { name: "explicitly false", patch: { associatePublicIpAddress: false } },
    {
      name: "launch template without public address",
      fixture: {
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        props: { networkInterfaces: [{ associatePublicIpAddress: "false" }] },
      },
    },
    {
      name: "launch configuration default",
      fixture: {
        type: "aws:ec2/launchConfiguration:LaunchConfiguration",
        props: { imageId: "ami", instanceType: "t3.micro" },
      },
    },
  ],
  fail: [
    {
      name: "instance asks for one",
      patch: { associatePublicIpAddress: true },
      expect: /associatePublicIpAddress is true/,
      count: 1,
    },
    { name: "string true", patch: { associatePublicIpAddress: "true" }, expect: /is "true"/ },
    {
      name: "launch template interface",
      fixture: {
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        props: { networkInterfaces: [{ deviceIndex: 0 }, { associatePublicIpAddress: "true" }] },
      },
      expect: /networkInterfaces\[1\]\.associatePublicIpAddress/,
      count: 1,
    },
    {
      name: "launch configuration",
      fixture: {
        type: "aws:ec2/launchConfiguration:LaunchConfiguration",
        props: { imageId: "ami", instanceType: "t3.micro", associatePublicIpAddress: true },
      },
      expect: /associatePublicIpAddress is true/,
    },
    {
      name: "spot instance request",
      fixture: {
        type: "aws:ec2/spotInstanceRequest:SpotInstanceRequest",
        props: { associatePublicIpAddress: true },
      },
      expect: /public address/,
    },
  ],
  unknown: [{ name: "flag unknown", patch: { associatePublicIpAddress: unknown } }],
});
