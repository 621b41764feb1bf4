import { sgNoPublicAdminIngress } from "../../../policies/aws/sg-no-public-admin-ingress";
import { describePolicyTable, runPolicy, unknown } from "../harness";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const ingress = (rule: Record<string, unknown>) => (props: Record<string, unknown>) => ({
  ...props,
  ingress: [...(props.ingress as unknown[]), { description: "added", ...rule }],
});

describePolicyTable(sgNoPublicAdminIngress, {
  base: {
    type: SG,
    props: {
      description: "web tier",
      ingress: [
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "https" },
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"], description: "bastion" },
      ],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "all out" }],
    },
  },
  pass: [
    {
      name: "ICMP from anywhere carries no ports",
      patch: ingress({ protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] }),
    },
    {
      name: "a public non-zero range is allowed by default",
      patch: ingress({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["203.0.113.0/24"] }),
    },
    {
      name: "a reserved range is not the internet, even when public sources are forbidden",
      patch: ingress({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["240.0.0.0/4", "0.0.0.0/8"] }),
      options: { config: { forbiddenSources: ["any", "public"] } },
    },
    {
      name: "egress to 22 is not ingress",
      patch: (p) => ({
        ...p,
        egress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
      }),
    },
    {
      name: "a SecurityGroupRule from a private range",
      fixture: {
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: {
          type: "ingress",
          protocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ["10.1.0.0/16"],
          securityGroupId: "sg-1",
        },
      },
    },
    {
      name: "a vpc ingress rule to 443 from ::/0",
      fixture: {
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0", securityGroupId: "sg-1" },
      },
    },
    {
      name: "a SecurityGroupRule of type egress to 0.0.0.0/0 on 22",
      fixture: {
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: {
          type: "egress",
          protocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ["0.0.0.0/0"],
          securityGroupId: "sg-1",
        },
      },
    },
  ],
  fail: [
    {
      name: "SSH from 0.0.0.0/0 inline",
      patch: ingress({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }),
      expect: /ingress\[2\] opens 22 \(SSH\) to 0\.0\.0\.0\/0/,
      count: 1,
    },
    {
      name: "SSH from 0.0.0.0/1 and 128.0.0.0/1 (the internet in two halves)",
      patch: ingress({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }),
      expect: /ingress\[2\] opens 22 \(SSH\) to 0\.0\.0\.0\/1, 128\.0\.0\.0\/1/,
      count: 1,
    },
    {
      name: "SSH from the halves as two SecurityGroupRules' cidrBlocks",
      fixture: {
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: {
          type: "ingress",
          protocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ["128.0.0.0/1"],
          securityGroupId: "sg-1",
        },
      },
      expect: /rule opens 22 \(SSH\) to 128\.0\.0\.0\/1/,
    },
    {
      name: "RDP from ::/1 and 8000::/1",
      patch: ingress({ protocol: "tcp", fromPort: 3389, toPort: 3389, ipv6CidrBlocks: ["::/1", "8000::/1"] }),
      expect: /3389 \(RDP\) to ::\/1, 8000::\/1/,
    },
    {
      name: "SSH from a large public range (a /8)",
      patch: ingress({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["3.0.0.0/8"] }),
      expect: /22 \(SSH\) to 3\.0\.0\.0\/8/,
    },
    {
      name: "an aws.vpc rule from 0.0.0.0/1",
      fixture: {
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: {
          ipProtocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrIpv4: "0.0.0.0/1",
          securityGroupId: "sg-1",
        },
      },
      expect: /rule opens 22 \(SSH\) to 0\.0\.0\.0\/1/,
    },
    {
      name: "RDP from ::/0",
      patch: ingress({ protocol: "tcp", fromPort: 3389, toPort: 3389, ipv6CidrBlocks: ["::/0"] }),
      expect: /3389 \(RDP\) to ::\/0/,
    },
    {
      name: "protocol -1 from anywhere covers both",
      patch: ingress({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }),
      expect: /all, which covers 22 \(SSH\), 3389 \(RDP\)/,
    },
    {
      name: "protocol all (word) from anywhere",
      patch: ingress({ protocol: "all", cidrBlocks: ["0.0.0.0/0"] }),
      expect: /covers 22/,
    },
    {
      name: "a range 0-1024 covers 22",
      patch: ingress({ protocol: "tcp", fromPort: 0, toPort: 1024, cidrBlocks: ["0.0.0.0/0"] }),
      expect: /0-1024, which covers 22 \(SSH\)/,
    },
    {
      name: "protocol as the number 6",
      patch: ingress({ protocol: "6", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }),
      expect: /over tcp/,
    },
    {
      name: "RDP over udp",
      patch: ingress({ protocol: "udp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }),
      expect: /over udp/,
    },
    {
      name: "aws.ec2.SecurityGroupRule ingress",
      fixture: {
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: {
          type: "ingress",
          protocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrBlocks: ["0.0.0.0/0"],
          securityGroupId: "sg-1",
        },
      },
      expect: /the rule|rule opens 22/,
      count: 1,
    },
    {
      name: "aws.vpc.SecurityGroupIngressRule with protocol -1",
      fixture: {
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-1" },
      },
      expect: /rule opens all, which covers 22/,
    },
    {
      name: "any public range when config forbids public sources",
      patch: ingress({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["203.0.113.0/24"] }),
      options: { config: { forbiddenSources: ["any", "public"] } },
      expect: /to 203\.0\.113\.0\/24/,
    },
    {
      name: "an additional port from config",
      patch: ingress({ protocol: "tcp", fromPort: 5985, toPort: 5986, cidrBlocks: ["0.0.0.0/0"] }),
      options: { config: { additionalPorts: [5985] } },
      expect: /covers 5985 \(port 5985\)/,
    },
  ],
  unknown: [
    {
      name: "cidrBlocks unknown",
      patch: ingress({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: unknown }),
    },
    { name: "the whole ingress list unknown", patch: { ingress: unknown } },
  ],
});

test("a definite public SSH rule is still reported when another rule is unknown at preview", async () => {
  const vs = await runPolicy(sgNoPublicAdminIngress, {
    type: SG,
    props: {
      description: "x",
      ingress: [
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: unknown, description: "from the VPC" },
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "oops" },
      ],
    },
  });
  expect(vs.map((v) => [v.enforcementLevel, v.message.split("\n")[1]])).toEqual([
    ["advisory", expect.stringMatching(/^ingress\[0\] is not known during preview/)],
    ["mandatory", expect.stringMatching(/^ingress\[1\] opens 22 \(SSH\) to 0\.0\.0\.0\/0 over tcp/)],
  ]);
});
