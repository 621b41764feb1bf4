import { s3NoPublicAcl } from "../../../../policies/aws/s3/no-public-acl";
import { describePolicyTable, unknown } from "../../harness";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTH_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const OWNER = { id: "owner-canonical-id" };
const grantTo = (grantee: Record<string, unknown>, permission = "READ") => ({ grantee, permission });

describePolicyTable(s3NoPublicAcl, {
  base: { type: "aws:s3/bucketAclV2:BucketAclV2", props: { bucket: "data", acl: "private" } },
  pass: [
    { name: "log-delivery-write", patch: { acl: "log-delivery-write" } },
    { name: "bucket-owner-full-control", patch: { acl: "bucket-owner-full-control" } },
    {
      name: "grants to a canonical user and the log delivery group",
      patch: {
        acl: undefined,
        accessControlPolicy: {
          owner: OWNER,
          grants: [
            grantTo({ type: "CanonicalUser", id: "abc" }, "FULL_CONTROL"),
            grantTo({ type: "Group", uri: "http://acs.amazonaws.com/groups/s3/LogDelivery" }, "WRITE"),
          ],
        },
      },
    },
    {
      name: "aws:s3/bucketAcl:BucketAcl private",
      fixture: { type: "aws:s3/bucketAcl:BucketAcl", props: { bucket: "data", acl: "private" } },
    },
    { name: "a Bucket with no acl", fixture: { type: "aws:s3/bucket:Bucket", props: { bucket: "data" } } },
    {
      name: "a BucketV2 with acl private",
      fixture: { type: "aws:s3/bucketV2:BucketV2", props: { acl: "private" } },
    },
  ],
  fail: [
    {
      name: "public-read",
      patch: { acl: "public-read" },
      expect: /acl "public-read" lets anyone list and read; use acl "private"/,
      count: 1,
    },
    {
      name: "public-read-write",
      patch: { acl: "public-read-write" },
      expect: /"public-read-write" lets anyone read and write/,
      count: 1,
    },
    {
      name: "authenticated-read",
      patch: { acl: "authenticated-read" },
      expect: /"authenticated-read" lets any AWS account read/,
      count: 1,
    },
    {
      name: "BucketAcl (v1 token) public-read",
      fixture: { type: "aws:s3/bucketAcl:BucketAcl", props: { bucket: "data", acl: "public-read" } },
      expect: /"public-read"/,
      count: 1,
    },
    {
      name: "accessControlPolicy grant to AllUsers",
      patch: {
        acl: undefined,
        accessControlPolicy: { owner: OWNER, grants: [grantTo({ type: "Group", uri: ALL_USERS })] },
      },
      expect: /accessControlPolicy.grants\[0\] gives READ to AllUsers \(anyone\)/,
      count: 1,
    },
    {
      name: "accessControlPolicy grant to AuthenticatedUsers (https URI)",
      patch: {
        acl: undefined,
        accessControlPolicy: {
          owner: OWNER,
          grants: [grantTo({ type: "Group", uri: AUTH_USERS.replace("http:", "https:") }, "WRITE")],
        },
      },
      expect: /gives WRITE to AuthenticatedUsers \(any AWS account\)/,
      count: 1,
    },
    {
      name: "inline acl on a Bucket",
      fixture: { type: "aws:s3/bucket:Bucket", props: { acl: "public-read" } },
      expect: /acl "public-read"/,
      count: 1,
    },
    {
      name: "inline acl on a BucketV2",
      fixture: { type: "aws:s3/bucketV2:BucketV2", props: { acl: "public-read-write" } },
      expect: /"public-read-write"/,
      count: 1,
    },
    {
      name: "inline grants on a Bucket",
      fixture: {
        type: "aws:s3/bucket:Bucket",
        props: { grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ", "WRITE"] }] },
      },
      expect: /grants\[0\] gives READ, WRITE to AllUsers/,
      count: 1,
    },
  ],
  unknown: [
    { name: "acl unknown", patch: { acl: unknown } },
    {
      name: "a grantee uri unknown",
      patch: {
        acl: undefined,
        accessControlPolicy: { owner: OWNER, grants: [grantTo({ type: "Group", uri: unknown })] },
      },
    },
  ],
});
