import { opensearchAccessPolicyNotPublic } from "../../../../policies/aws/resource-policies/opensearch-access-policy-not-public";
import { describePolicyTable, unknown } from "../../harness";
import { ACCOUNT, type Holder, allow, doc, standardRows } from "./fixtures";

const holders: Holder[] = [
  [
    "aws.opensearch.Domain",
    (accessPolicies) => ({ type: "aws:opensearch/domain:Domain", props: { accessPolicies } }),
  ],
  [
    "aws.opensearch.DomainPolicy",
    (accessPolicies) => ({
      type: "aws:opensearch/domainPolicy:DomainPolicy",
      props: { domainName: "d", accessPolicies },
    }),
  ],
  [
    "aws.elasticsearch.Domain",
    (accessPolicies) => ({ type: "aws:elasticsearch/domain:Domain", props: { accessPolicies } }),
  ],
  [
    "aws.elasticsearch.DomainPolicy",
    (accessPolicies) => ({
      type: "aws:elasticsearch/domainPolicy:DomainPolicy",
      props: { domainName: "d", accessPolicies },
    }),
  ],
];
const rows = standardRows(holders, "es:ESHttpGet");
const domain = holders[0][1];
const policy = holders[1][1];
const ip = (op: string, cidrs: unknown) =>
  doc(allow({ AWS: "*" }, "es:ESHttp*", { Condition: { [op]: { "aws:SourceIp": cidrs } } }));
const inVpc = (
  accessPolicies: unknown,
  vpcOptions: unknown = { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] },
) => ({
  type: "aws:opensearch/domain:Domain",
  props: { accessPolicies, vpcOptions },
});
const OPEN = doc(allow({ AWS: "*" }, "es:*"));

describePolicyTable(opensearchAccessPolicyNotPublic, {
  base: domain(JSON.stringify(doc(allow({ AWS: `arn:aws:iam::${ACCOUNT}:role/search` }, "es:ESHttp*")))),
  pass: [
    ...rows.pass,
    { name: "no access policy", fixture: { type: "aws:opensearch/domain:Domain", props: {} } },
    {
      name: "IpAddress aws:SourceIp with private ranges",
      fixture: domain(ip("IpAddress", ["10.0.0.0/8", "192.168.0.0/16"])),
    },
    {
      name: "IpAddress aws:SourceIp with a private range, JSON string (DomainPolicy)",
      fixture: policy(JSON.stringify(ip("IpAddress", "172.16.0.0/12"))),
    },
    {
      name: "IpAddress aws:SourceIp with a trusted public range",
      fixture: domain(ip("IpAddress", "203.0.113.10/32")),
      options: { config: { trustedSourceCidrs: ["203.0.113.0/24"] } },
    },
    { name: "an open policy on a domain in a VPC", fixture: inVpc(OPEN) },
    {
      name: "an open policy (JSON string) on an Elasticsearch domain in a VPC",
      fixture: { ...inVpc(JSON.stringify(OPEN)), type: "aws:elasticsearch/domain:Domain" },
    },
  ],
  fail: [
    ...rows.fail,
    {
      name: "IpAddress aws:SourceIp 0.0.0.0/0",
      fixture: domain(ip("IpAddress", "0.0.0.0/0")),
      expect:
        /accessPolicies statement 1: it allows Principal \{"AWS": "\*"\} and no condition pins the caller \(IpAddress aws:SourceIp: 0\.0\.0\.0\/0 is everyone\); name the principals that use the domain/,
      count: 1,
    },
    {
      name: "IpAddress aws:SourceIp with a private range and ::/0",
      fixture: domain(ip("IpAddress", ["10.0.0.0/8", "::/0"])),
      expect: /::\/0 is everyone/,
      count: 1,
    },
    {
      name: "IpAddress aws:SourceIp with an untrusted public range",
      fixture: policy(ip("IpAddress", "198.51.100.0/24")),
      expect: /198\.51\.100\.0\/24 is a public range not among the trusted CIDRs/,
      count: 1,
    },
    {
      name: "NotIpAddress aws:SourceIp",
      fixture: domain(ip("NotIpAddress", "10.0.0.0/8")),
      expect: /negated operator/,
      count: 1,
    },
    {
      name: "IpAddressIfExists aws:SourceIp",
      fixture: domain(ip("IpAddressIfExists", "10.0.0.0/8")),
      expect: /IfExists/,
      count: 1,
    },
    {
      name: "an open policy on a domain in a VPC when allowOpenPolicyInVpc is false",
      fixture: inVpc(OPEN),
      options: { config: { allowOpenPolicyInVpc: false } },
      expect: /with no condition/,
      count: 1,
    },
    {
      name: "an open policy on a domain with empty vpcOptions",
      fixture: inVpc(OPEN, { subnetIds: [] }),
      expect: /with no condition/,
      count: 1,
    },
    {
      name: "an open DomainPolicy (its domain's VPC is not known to the policy)",
      fixture: policy(OPEN),
      expect: /accessPolicies statement 1: it allows Principal \{"AWS": "\*"\} with no condition/,
      count: 1,
    },
  ],
  unknown: [
    ...rows.unknown,
    { name: "an open policy with vpcOptions unknown", fixture: inVpc(OPEN, unknown) },
    { name: "an open policy with subnetIds unknown", fixture: inVpc(OPEN, { subnetIds: unknown }) },
    { name: "a SourceIp value unknown", fixture: domain(ip("IpAddress", unknown)) },
  ],
});
