import {
  ancestorTypes,
  approvedComponents,
  genuinePavedParent,
  versionCompatible,
} from "../../../policies/governance/approved-components";
import { PAVED_VERSION } from "../../../components/core/version";
import { describePolicyTable, unknown } from "../harness";

const STAMP = (pattern: string, version = PAVED_VERSION) => ({
  "paved:pattern": pattern,
  "paved:version": version,
  "app-id": "payments",
});
const [major, minor] = PAVED_VERSION.split(".").map(Number);
const NEXT_MINOR = `${major}.${minor + 1}.0`;
const NEXT_MAJOR = `${major + 1}.0.0`;

describePolicyTable(approvedComponents, {
  base: {
    type: "aws:ec2/vpc:Vpc",
    name: "core-vpc",
    props: { cidrBlock: "10.0.0.0/16", tags: STAMP("SegmentedNetwork") },
    parentTypes: ["paved:aws:SegmentedNetwork"],
  },
  pass: [
    { name: "a raw resource of an unprotected type", fixture: { type: "aws:s3/bucket:Bucket", props: {} } },
    {
      name: "nested under an app component inside a paved component",
      fixture: {
        type: "aws:iam/role:Role",
        props: { tags: STAMP("LeastPrivilegeRole") },
        parentTypes: ["acme:App", "paved:aws:LeastPrivilegeRole"],
      },
    },
    {
      name: "a role a SanVolume creates through its own pattern",
      fixture: {
        type: "aws:iam/role:Role",
        props: { tags: STAMP("SanVolume") },
        parentTypes: ["paved:aws:SanVolume"],
      },
    },
    {
      name: "an extra approved prefix from config",
      fixture: { type: "aws:ebs/volume:Volume", props: {}, parentTypes: ["acme:platform:Disk"] },
      options: { config: { approvedPrefixes: ["acme:platform:"] } },
    },
    {
      name: "a patch release of the same minor is compatible",
      patch: { tags: STAMP("SegmentedNetwork", `${major}.${minor}.99`) },
    },
    {
      name: "another minor with versionMatch any",
      patch: { tags: STAMP("SegmentedNetwork", NEXT_MAJOR) },
      options: { config: { versionMatch: "any" } },
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
      name: "a look-alike type paved:x:Anything",
      fixture: {
        type: "aws:iam/role:Role",
        props: { tags: STAMP("LeastPrivilegeRole") },
        parentTypes: ["paved:x:Anything"],
      },
      expect:
        /"paved:x:Anything" is not a Paved component \(not in Paved's component registry\)\); use LeastPrivilegeRole/,
    },
    {
      name: "a user's component with Paved's own token but no stamp",
      patch: { tags: { "app-id": "payments" } },
      expect: /not stamped by a genuine paved:aws:SegmentedNetwork: .*carries no paved:pattern stamp/,
    },
    {
      name: "a stamp of another pattern",
      patch: { tags: STAMP("SanVolume") },
      expect: /paved:pattern is "SanVolume", not "SegmentedNetwork"/,
    },
    {
      name: "the pattern without a version",
      patch: { tags: { "paved:pattern": "SegmentedNetwork" } },
      expect: /carries no paved:version stamp/,
    },
    {
      name: "a version of another minor (0.x) or major",
      patch: { tags: STAMP("SegmentedNetwork", major === 0 ? NEXT_MINOR : NEXT_MAJOR) },
      expect: /paved:version is "[\d.]+", not compatible with this pack's/,
    },
    {
      name: "a patch release with versionMatch exact",
      patch: { tags: STAMP("SegmentedNetwork", `${major}.${minor}.99`) },
      options: { config: { versionMatch: "exact" } },
      expect: /not this pack's/,
    },
    {
      name: "a configured paved: prefix does not switch the check off",
      fixture: { type: "aws:ebs/volume:Volume", props: {}, parentTypes: ["paved:x:Disk"] },
      options: { config: { approvedPrefixes: ["paved:", "pav"] } },
      expect: /not a Paved component/,
    },
    {
      name: "a type protected by config",
      fixture: { type: "aws:s3/bucket:Bucket", props: {} },
      options: { config: { protectedTypes: { "aws:s3/bucket:Bucket": "SecureBucket" } } },
      expect: /use SecureBucket/,
    },
  ],
  unknown: [
    { name: "inputs unknown do not matter", patch: { cidrBlock: unknown } },
    { name: "the tags unknown", patch: { tags: unknown } },
  ],
});

test("the ancestor types come from the URN's qualified type", () => {
  expect(ancestorTypes("urn:pulumi:s::p::paved:aws:SanVolume$aws:ebs/volume:Volume::v")).toEqual([
    "paved:aws:SanVolume",
  ]);
  expect(ancestorTypes("urn:pulumi:s::p::aws:ebs/volume:Volume::v")).toEqual([]);
});

test("version compatibility", () => {
  expect(versionCompatible("0.1.3", "0.1.0", "compatible")).toBe(true);
  expect(versionCompatible("0.2.0", "0.1.0", "compatible")).toBe(false);
  expect(versionCompatible("1.4.0", "1.0.0", "compatible")).toBe(true);
  expect(versionCompatible("2.0.0", "1.9.0", "compatible")).toBe(false);
  expect(versionCompatible("1.0.0", "1.0.0", "exact")).toBe(true);
  expect(versionCompatible("1.0.1", "1.0.0", "exact")).toBe(false);
  expect(versionCompatible("garbage", "1.0.0", "any")).toBe(false);
});

test("a type without tags is judged by its parent's token, and Kubernetes objects by their labels", () => {
  expect(
    genuinePavedParent({
      type: "aws:iam/rolePolicy:RolePolicy",
      ancestors: ["paved:aws:LeastPrivilegeRole"],
      props: {},
    }).genuine,
  ).toBe(true);
  const labels = { "paved.dev/pattern": "NamespaceBaseline", "paved.dev/version": PAVED_VERSION };
  expect(
    genuinePavedParent({
      type: "kubernetes:core/v1:Namespace",
      ancestors: ["paved:k8s:NamespaceBaseline"],
      props: { metadata: { labels } },
    }).genuine,
  ).toBe(true);
  expect(
    genuinePavedParent({
      type: "kubernetes:core/v1:Namespace",
      ancestors: ["paved:k8s:NamespaceBaseline"],
      props: { metadata: { labels: {} } },
    }).why,
  ).toMatch(/no paved.dev\/pattern stamp/);
  expect(
    genuinePavedParent(
      {
        type: "aws:ec2/vpc:Vpc",
        ancestors: ["paved:aws:SegmentedNetwork"],
        props: { tags: STAMP("SegmentedNetwork") },
      },
      { only: ["paved:aws:LeastPrivilegeRole"] },
    ).why,
  ).toMatch(/no Paved paved:aws:LeastPrivilegeRole parent/);
});
