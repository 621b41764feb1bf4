import { sgNoPublicDatabaseIngress } from "../../../policies/aws/sg-no-public-database-ingress";
import { describePolicyTable, unknown } from "../harness";

const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

describePolicyTable(sgNoPublicDatabaseIngress, {
  base: {
    type: RULE,
    props: {
      securityGroupId: "sg-1",
      ipProtocol: "tcp",
      fromPort: 5432,
      toPort: 5432,
      cidrIpv4: "10.0.0.0/16",
      description: "app to db",
    },
  },
  pass: [
    { name: "https from anywhere", patch: { fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" } },
    {
      name: "a source security group instead of a CIDR",
      patch: { cidrIpv4: undefined, referencedSecurityGroupId: "sg-app" },
    },
    {
      name: "SSH from anywhere is the admin policy's concern",
      patch: { fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" },
    },
    { name: "a public /24 is not the whole internet by default", patch: { cidrIpv4: "203.0.113.0/24" } },
    { name: "a reserved range (multicast) is not the internet", patch: { cidrIpv4: "224.0.0.0/4" } },
    {
      name: "a public /12 when widePrefixIpv4 is narrowed to 8",
      patch: { cidrIpv4: "52.0.0.0/12" },
      options: { config: { widePrefixIpv4: 8 } },
    },
  ],
  fail: [
    {
      name: "PostgreSQL from 0.0.0.0/0",
      patch: { cidrIpv4: "0.0.0.0/0" },
      expect: /opens 5432 \(PostgreSQL\) to 0\.0\.0\.0\/0/,
      count: 1,
    },
    { name: "PostgreSQL from ::/0", patch: { cidrIpv4: undefined, cidrIpv6: "::/0" }, expect: /to ::\/0/ },
    {
      name: "PostgreSQL from 128.0.0.0/1 (half the internet)",
      patch: { cidrIpv4: "128.0.0.0/1" },
      expect: /to 128\.0\.0\.0\/1/,
    },
    {
      name: "PostgreSQL from 8000::/1 (half the IPv6 internet)",
      patch: { cidrIpv4: undefined, cidrIpv6: "8000::/1" },
      expect: /to 8000::\/1/,
    },
    {
      name: "PostgreSQL from a public /12",
      patch: { cidrIpv4: "52.0.0.0/12" },
      expect: /to 52\.0\.0\.0\/12/,
    },
    {
      name: "a range 3000-4000 covers MySQL",
      patch: { fromPort: 3000, toPort: 4000, cidrIpv4: "0.0.0.0/0" },
      expect: /3000-4000, which covers 3306 \(MySQL\)/,
    },
    {
      name: "protocol -1 covers every database port",
      patch: { ipProtocol: "-1", fromPort: undefined, toPort: undefined, cidrIpv4: "0.0.0.0/0" },
      expect: /all, which covers 1433 \(SQL Server\).*27017 \(MongoDB\)/,
    },
    {
      name: "inline ingress on a SecurityGroup, tcp with ports left out (every port)",
      fixture: {
        type: "aws:ec2/securityGroup:SecurityGroup",
        props: { description: "x", ingress: [{ protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] }] },
      },
      expect: /ingress\[0\] opens all, which covers/,
    },
  ],
  unknown: [
    { name: "source CIDR unknown", patch: { cidrIpv4: unknown } },
    { name: "ports unknown", patch: { fromPort: unknown, toPort: unknown, cidrIpv4: "0.0.0.0/0" } },
  ],
});
