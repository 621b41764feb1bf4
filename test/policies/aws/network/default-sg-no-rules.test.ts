import {
  DEFAULT_SECURITY_GROUP,
  defaultSgNoRules,
} from "../../../../policies/aws/network/default-sg-no-rules";
import { Fixture, describePolicyTable, unknown, urnOf } from "../../harness";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const VPC_IN = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const VPC_OUT = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

const defaultSg = (props: Record<string, unknown> = {}): Fixture => ({
  type: DEFAULT_SECURITY_GROUP,
  name: "default",
  props: { vpcId: "vpc-1", ingress: [], egress: [], ...props },
});
const defaultUrn = urnOf(DEFAULT_SECURITY_GROUP, "default");
const httpsIn = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] };
const allOut = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };

describePolicyTable(defaultSgNoRules, {
  base: [
    defaultSg(),
    { type: SG, name: "web", props: { description: "web", ingress: [httpsIn], egress: [allOut] } },
  ],
  pass: [
    {
      name: "ingress and egress unset: the provider removes every rule",
      stack: () => [defaultSg({ ingress: undefined, egress: undefined })],
    },
    { name: "no default group in the stack", stack: (base) => [base[1]] },
    {
      name: "a rule resource on another group",
      stack: (base) => [
        ...base,
        {
          type: VPC_IN,
          name: "web-https",
          props: {
            securityGroupId: unknown,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "10.0.0.0/8",
          },
          dependencies: [urnOf(SG, "web")],
        },
      ],
    },
    {
      name: "a rule with a literal id that is not the default group's",
      stack: () => [
        defaultSg({ id: "sg-default" }),
        {
          type: SG_RULE,
          name: "x",
          props: {
            type: "ingress",
            securityGroupId: "sg-other",
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
          },
        },
      ],
    },
  ],
  fail: [
    {
      name: "an inline ingress rule",
      stack: (base) => [defaultSg({ ingress: [httpsIn] }), base[1]],
      expect: /default security group "default" has 1 ingress rule; set `ingress: \[\]` and `egress: \[\]`/,
      urn: defaultUrn,
      count: 1,
    },
    {
      name: "the provider's usual allow-all egress written out",
      stack: () => [defaultSg({ egress: [allOut] })],
      expect: /has 1 egress rule/,
      urn: defaultUrn,
    },
    {
      name: "self-referencing ingress and egress (the AWS default)",
      stack: () => [
        defaultSg({
          ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }],
          egress: [allOut, allOut],
        }),
      ],
      expect: /has 1 ingress rule and 2 egress rules/,
    },
    {
      name: "a single ingress object instead of a list",
      stack: () => [defaultSg({ ingress: httpsIn })],
      expect: /1 ingress rule/,
    },
    {
      name: "an aws.ec2.SecurityGroupRule attached to the default group (by dependency)",
      stack: (base) => [
        ...base,
        {
          type: SG_RULE,
          name: "open",
          props: {
            type: "ingress",
            securityGroupId: unknown,
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: ["10.0.0.0/8"],
          },
          dependencies: [defaultUrn],
        },
      ],
      expect: /rule "open" adds a rule to default security group "default"/,
      urn: urnOf(SG_RULE, "open"),
      count: 1,
    },
    {
      name: "an aws.vpc.SecurityGroupEgressRule attached by the default group's known id",
      stack: () => [
        defaultSg({ id: "sg-default" }),
        {
          type: VPC_OUT,
          name: "out",
          props: { securityGroupId: "sg-default", ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" },
        },
      ],
      expect: /rule "out" adds a rule to default security group/,
      urn: urnOf(VPC_OUT, "out"),
    },
    {
      name: "an aws.vpc.SecurityGroupIngressRule attached by dependency",
      stack: (base) => [
        ...base,
        {
          type: VPC_IN,
          name: "in",
          props: {
            securityGroupId: unknown,
            ipProtocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrIpv4: "10.0.0.0/8",
          },
          dependencies: [defaultUrn],
        },
      ],
      expect: /rule "in" adds a rule/,
    },
  ],
  unknown: [
    {
      name: "the default group's ingress unknown",
      stack: (base) => [defaultSg({ ingress: unknown }), base[1]],
    },
    {
      name: "a rule's securityGroupId unknown, no dependency on the default group",
      stack: (base) => [
        ...base,
        {
          type: SG_RULE,
          name: "x",
          props: { type: "ingress", securityGroupId: unknown, protocol: "tcp", fromPort: 443, toPort: 443 },
        },
      ],
    },
  ],
});
