import { sgDescriptionRequired } from "../../../policies/aws/sg-description-required";
import { describePolicyTable, unknown } from "../harness";

describePolicyTable(sgDescriptionRequired, {
  base: {
    type: "aws:ec2/securityGroup:SecurityGroup",
    props: {
      description: "payments API load balancer",
      ingress: [
        {
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ["0.0.0.0/0"],
          description: "public HTTPS",
        },
      ],
      egress: [
        {
          protocol: "tcp",
          fromPort: 8080,
          toPort: 8080,
          cidrBlocks: ["10.0.0.0/16"],
          description: "to app tier",
        },
      ],
    },
  },
  pass: [
    { name: "a group with no rules", patch: { ingress: [], egress: [] } },
    {
      name: "a described vpc egress rule",
      fixture: {
        type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        props: {
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          cidrIpv4: "10.0.2.0/24",
          description: "to db",
        },
      },
    },
  ],
  fail: [
    {
      name: "no group description",
      patch: { description: undefined },
      expect: /security group has no description/,
      count: 1,
    },
    {
      name: "the provider's default description",
      patch: { description: "Managed by Pulumi" },
      expect: /security group has no description/,
    },
    { name: "a blank description", patch: { description: "  " }, expect: /no description/ },
    {
      name: "an inline rule without a description",
      patch: (p) => ({
        ...p,
        egress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.0.0.0/16"] }],
      }),
      expect: /egress\[0\] has no description/,
      count: 1,
    },
    {
      name: "a SecurityGroupRule without a description",
      fixture: {
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: {
          type: "ingress",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ["10.0.0.0/8"],
          securityGroupId: "sg-1",
        },
      },
      expect: /the rule has no description/,
    },
    {
      name: "a vpc ingress rule without a description",
      fixture: {
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.0.0.0/8" },
      },
      expect: /the rule has no description/,
    },
  ],
  unknown: [
    { name: "the group description unknown", patch: { description: unknown } },
    {
      name: "a rule description unknown",
      patch: (p) => ({ ...p, ingress: [{ protocol: "tcp", fromPort: 1, toPort: 1, description: unknown }] }),
    },
  ],
});
