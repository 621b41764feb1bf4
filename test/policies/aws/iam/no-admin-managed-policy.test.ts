import { iamNoAdminManagedPolicy } from "../../../../policies/aws/iam/no-admin-managed-policy";
import { describePolicyTable, unknown } from "../../harness";
import { TRUST_EC2 } from "./fixtures";

const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const READONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

describePolicyTable(iamNoAdminManagedPolicy, {
  base: {
    type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    props: { role: "app", policyArn: READONLY },
  },
  pass: [
    {
      name: "a customer managed policy",
      patch: { policyArn: "arn:aws:iam::123456789012:policy/AdministratorAccess" },
    },
    {
      name: "a Role with read-only managed policies",
      fixture: {
        type: "aws:iam/role:Role",
        props: { assumeRolePolicy: TRUST_EC2, managedPolicyArns: [READONLY] },
      },
    },
    { name: "an ARN unknown at preview (a policy created in this stack)", patch: { policyArn: unknown } },
  ],
  fail: [
    {
      name: "RolePolicyAttachment AdministratorAccess",
      patch: { policyArn: ADMIN },
      expect: /AdministratorAccess/,
      count: 1,
    },
    {
      name: "UserPolicyAttachment PowerUserAccess",
      fixture: {
        type: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
        props: { user: "u", policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" },
      },
      expect: /PowerUserAccess/,
      count: 1,
    },
    {
      name: "GroupPolicyAttachment IAMFullAccess",
      fixture: {
        type: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
        props: { group: "g", policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" },
      },
      expect: /IAMFullAccess/,
      count: 1,
    },
    {
      name: "PolicyAttachment job-function admin",
      fixture: {
        type: "aws:iam/policyAttachment:PolicyAttachment",
        props: { roles: ["a"], policyArn: "arn:aws:iam::aws:policy/job-function/AdministratorAccess" },
      },
      expect: /administrator or full access/,
      count: 1,
    },
    {
      name: "Role managedPolicyArns, next to an unknown ARN",
      fixture: {
        type: "aws:iam/role:Role",
        props: {
          assumeRolePolicy: TRUST_EC2,
          managedPolicyArns: [unknown, READONLY, "arn:aws-us-gov:iam::aws:policy/AmazonS3FullAccess"],
        },
      },
      expect: /managedPolicyArns attaches .*AmazonS3FullAccess/,
      count: 1,
    },
    {
      name: "RolePolicyAttachmentsExclusive policyArns",
      fixture: {
        type: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
        props: { roleName: "r", policyArns: [ADMIN] },
      },
      expect: /policyArns attaches/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "the whole managedPolicyArns list unknown",
      fixture: {
        type: "aws:iam/role:Role",
        props: { assumeRolePolicy: TRUST_EC2, managedPolicyArns: unknown },
      },
    },
  ],
});
