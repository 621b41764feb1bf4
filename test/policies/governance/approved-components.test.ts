import { ancestorTypes, approvedComponents } from "../../../policies/governance/approved-components";
import { describePolicyTable, unknown } from "../harness";

describePolicyTable(approvedComponents, {
  base: {
    type: "aws:ec2/vpc:Vpc",
    name: "core-vpc",
    props: { cidrBlock: "10.0.0.0/16" },
    parentTypes: ["paved:aws:SegmentedNetwork"],
  },
  pass: [
    { name: "a raw resource of an unprotected type", fixture: { type: "aws:s3/bucket:Bucket", props: {} } },
    {
      name: "nested under an app component inside a paved component",
      fixture: {
        type: "aws:iam/role:Role",
        props: {},
        parentTypes: ["acme:App", "paved:aws:LeastPrivilegeRole"],
      },
    },
    {
      name: "an extra approved prefix from config",
      fixture: { type: "aws:ebs/volume:Volume", props: {}, parentTypes: ["acme:platform:Disk"] },
      options: { config: { approvedPrefixes: ["paved:", "acme:platform:"] } },
    },
  ],
  fail: [
    {
      name: "a raw VPC",
      fixture: { type: "aws:ec2/vpc:Vpc", name: "raw", props: {} },
      expect:
        /"raw" is not created through an approved component \(it has no parent component\); use SegmentedNetwork/,
      count: 1,
    },
    {
      name: "a role under a non-Paved component",
      fixture: { type: "aws:iam/role:Role", name: "r", props: {}, parentTypes: ["acme:App"] },
      expect: /its parents are acme:App\); use LeastPrivilegeRole/,
    },
    {
      name: "a raw EBS volume",
      fixture: { type: "aws:ebs/volume:Volume", props: {} },
      expect: /use SanVolume/,
    },
    {
      name: "a type protected by config",
      fixture: { type: "aws:s3/bucket:Bucket", props: {} },
      options: { config: { protectedTypes: { "aws:s3/bucket:Bucket": "SecureBucket" } } },
      expect: /use SecureBucket/,
    },
  ],
  unknown: [{ name: "inputs unknown do not matter", patch: { cidrBlock: unknown } }],
});

test("the ancestor types come from the URN's qualified type", () => {
  expect(ancestorTypes("urn:pulumi:s::p::paved:aws:SanVolume$aws:ebs/volume:Volume::v")).toEqual([
    "paved:aws:SanVolume",
  ]);
  expect(ancestorTypes("urn:pulumi:s::p::aws:ebs/volume:Volume::v")).toEqual([]);
});
