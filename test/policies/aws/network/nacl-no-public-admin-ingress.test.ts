import { naclNoPublicAdminIngress } from "../../../../policies/aws/network/nacl-no-public-admin-ingress";
import { describePolicyTable, unknown } from "../../harness";

const ACL = "aws:ec2/networkAcl:NetworkAcl";
const RULE = "aws:ec2/networkAclRule:NetworkAclRule";
const DEFAULT_ACL = "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl";

type Entry = Record<string, unknown>;
const entry = (e: Entry): Entry => ({ ruleNo: 200, action: "allow", protocol: "tcp", ...e });
const withIngress =
  (...es: Entry[]) =>
  (props: Record<string, unknown>) => ({
    ...props,
    ingress: [...(props.ingress as unknown[]), ...es.map(entry)],
  });

const rule = (props: Entry) => ({
  type: RULE,
  props: {
    networkAclId: "acl-1",
    ruleNumber: 100,
    egress: false,
    ruleAction: "allow",
    protocol: "tcp",
    fromPort: 22,
    toPort: 22,
    cidrBlock: "0.0.0.0/0",
    ...props,
  },
});

describePolicyTable(naclNoPublicAdminIngress, {
  base: {
    type: ACL,
    props: {
      vpcId: "vpc-1",
      ingress: [
        { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
        {
          ruleNo: 110,
          action: "allow",
          protocol: "tcp",
          fromPort: 1024,
          toPort: 65535,
          cidrBlock: "0.0.0.0/0",
        },
        { ruleNo: 120, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "10.0.0.0/8" },
        {
          ruleNo: 130,
          action: "allow",
          protocol: "6",
          fromPort: 5432,
          toPort: 5432,
          cidrBlock: "10.20.0.0/16",
        },
      ],
      egress: [
        { ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" },
      ],
    },
  },
  pass: [
    {
      name: "a deny from anywhere on 22",
      patch: withIngress({ action: "deny", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" }),
    },
    {
      name: "an allow on 22 shadowed by a lower-numbered deny of the same range",
      patch: withIngress(
        { ruleNo: 50, action: "deny", fromPort: 0, toPort: 1023, cidrBlock: "0.0.0.0/0" },
        { ruleNo: 60, fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" },
      ),
    },
    {
      name: "ICMP from anywhere carries no ports",
      patch: withIngress({
        protocol: "icmp",
        fromPort: 0,
        toPort: 0,
        icmpType: -1,
        icmpCode: -1,
        cidrBlock: "0.0.0.0/0",
      }),
    },
    {
      name: "a narrower ephemeral return range 32768-65535",
      patch: withIngress({ protocol: "udp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" }),
    },
    {
      name: "SSH from a public /24 by default (not the whole internet)",
      patch: withIngress({ fromPort: 22, toPort: 22, cidrBlock: "203.0.113.0/24" }),
    },
    {
      name: "SSH from a reserved range",
      patch: withIngress({ fromPort: 22, toPort: 22, cidrBlock: "240.0.0.0/4" }),
    },
    { name: "an egress NetworkAclRule to 22", fixture: rule({ egress: true }) },
    { name: "an egress NetworkAclRule as the string true", fixture: rule({ egress: "true" }) },
    { name: "a NetworkAclRule deny", fixture: rule({ ruleAction: "deny" }) },
    { name: "a NetworkAclRule from a private range", fixture: rule({ cidrBlock: "172.16.0.0/12" }) },
    {
      name: "a locked default NACL (no entries)",
      fixture: { type: DEFAULT_ACL, props: { defaultNetworkAclId: "acl-0" } },
    },
  ],
  fail: [
    {
      name: "SSH from 0.0.0.0/0 inline",
      patch: withIngress({ fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" }),
      expect: /ingress\[4\] \(rule 200\) allows 22 \(SSH\) from 0\.0\.0\.0\/0 over tcp/,
      count: 1,
    },
    {
      name: "RDP from ::/0",
      patch: withIngress({ fromPort: 3389, toPort: 3389, ipv6CidrBlock: "::/0" }),
      expect: /3389 \(RDP\) from ::\/0/,
    },
    {
      name: "protocol -1 from anywhere",
      patch: withIngress({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }),
      expect: /allows all, which covers 22 \(SSH\).*3389 \(RDP\).*over every protocol/,
      count: 1,
    },
    {
      name: "protocol all (word), action in capitals",
      patch: withIngress({ protocol: "all", action: "ALLOW", cidrBlock: "0.0.0.0/0" }),
      expect: /covers 22/,
    },
    {
      name: "tcp 0-65535 is not a return range",
      patch: withIngress({ fromPort: 0, toPort: 65535, cidrBlock: "0.0.0.0/0" }),
      expect: /0-65535|all, which covers 22/,
    },
    {
      name: "a range 3000-4000 covers RDP and MySQL",
      patch: withIngress({ fromPort: 3000, toPort: 4000, cidrBlock: "0.0.0.0/0" }),
      expect: /3000-4000, which covers 3306 \(MySQL\), 3389 \(RDP\)/,
    },
    {
      name: "a database port from anywhere",
      patch: withIngress({ protocol: "6", fromPort: 5432, toPort: 5432, cidrBlock: "0.0.0.0/0" }),
      expect: /5432 \(PostgreSQL\)/,
    },
    {
      name: "SSH from 0.0.0.0/1 and 128.0.0.0/1 (the internet in halves)",
      patch: withIngress(
        { ruleNo: 200, fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/1" },
        { ruleNo: 201, fromPort: 22, toPort: 22, cidrBlock: "128.0.0.0/1" },
      ),
      expect: /22 \(SSH\) from (0|128)\.0\.0\.0\/1/,
      count: 2,
    },
    {
      name: "SSH from ::/1",
      patch: withIngress({ fromPort: 22, toPort: 22, ipv6CidrBlock: "8000::/1" }),
      expect: /from 8000::\/1/,
    },
    {
      name: "a deny numbered after the allow does not shadow it",
      patch: withIngress(
        { ruleNo: 300, action: "deny", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" },
        { ruleNo: 200, fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" },
      ),
      expect: /rule 200\) allows 22/,
      count: 1,
    },
    {
      name: "a deny of a narrower source does not shadow it",
      patch: withIngress(
        { ruleNo: 50, action: "deny", fromPort: 22, toPort: 22, cidrBlock: "1.0.0.0/8" },
        { ruleNo: 200, fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" },
      ),
      expect: /allows 22/,
      count: 1,
    },
    {
      name: "the ephemeral return range when config counts it",
      patch: (p) => p,
      options: { config: { allowEphemeralReturn: false } },
      expect: /1024-65535, which covers .*3389 \(RDP\)/,
      count: 1,
    },
    {
      name: "a public /24 when config forbids public sources",
      patch: withIngress({ fromPort: 22, toPort: 22, cidrBlock: "203.0.113.0/24" }),
      options: { config: { forbiddenSources: ["any", "public"] } },
      expect: /from 203\.0\.113\.0\/24/,
    },
    {
      name: "an additional port from config",
      patch: withIngress({ fromPort: 5985, toPort: 5985, cidrBlock: "0.0.0.0/0" }),
      options: { config: { additionalPorts: [5985] } },
      expect: /5985 \(port 5985\)/,
    },
    {
      name: "a NetworkAclRule with SSH from anywhere",
      fixture: rule({}),
      expect: /rule 100 allows 22 \(SSH\) from 0\.0\.0\.0\/0/,
      count: 1,
    },
    {
      name: "a NetworkAclRule with egress unset (ingress) and protocol -1",
      fixture: rule({ egress: undefined, protocol: "-1", fromPort: 0, toPort: 0 }),
      expect: /covers 22/,
    },
    {
      name: "a NetworkAclRule with an IPv6 source",
      fixture: rule({ cidrBlock: undefined, ipv6CidrBlock: "::/0", fromPort: 3389, toPort: 3389 }),
      expect: /3389 \(RDP\) from ::\/0/,
    },
    {
      name: "a default NACL that allows everything",
      fixture: {
        type: DEFAULT_ACL,
        props: {
          defaultNetworkAclId: "acl-0",
          ingress: [
            { ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" },
          ],
        },
      },
      expect: /ingress\[0\] \(rule 100\) allows all, which covers 22/,
    },
  ],
  unknown: [
    { name: "the ingress list unknown", patch: { ingress: unknown } },
    {
      name: "an entry's cidrBlock unknown",
      patch: withIngress({ fromPort: 22, toPort: 22, cidrBlock: unknown }),
    },
    { name: "a NetworkAclRule's cidrBlock unknown", fixture: rule({ cidrBlock: unknown }) },
  ],
});
