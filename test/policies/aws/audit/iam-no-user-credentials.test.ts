import { iamNoUserCredentials } from "../../../../policies/aws/audit/iam-no-user-credentials";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(iamNoUserCredentials, {
  base: { type: "aws:iam/user:User", props: { name: "deploy" } },
  pass: [
    {
      name: "a role is not a user credential",
      fixture: { type: "aws:iam/role:Role", props: { assumeRolePolicy: "{}" } },
    },
  ],
  fail: [
    {
      name: "an access key",
      fixture: { type: "aws:iam/accessKey:AccessKey", props: { user: "deploy" } },
      expect: /creates a long-lived IAM access key; use an IAM role/,
      count: 1,
    },
    {
      name: "an access key encrypted with a PGP key",
      fixture: { type: "aws:iam/accessKey:AccessKey", props: { user: "deploy", pgpKey: "keybase:someone" } },
      expect: /long-lived IAM access key/,
    },
    {
      name: "a console password",
      fixture: {
        type: "aws:iam/userLoginProfile:UserLoginProfile",
        props: { user: "deploy", passwordLength: 20 },
      },
      expect: /creates an IAM user console password; sign people in through IAM Identity Center/,
      count: 1,
    },
    {
      name: "a CodeCommit service-specific password",
      fixture: {
        type: "aws:iam/serviceSpecificCredential:ServiceSpecificCredential",
        props: { userName: "deploy", serviceName: "codecommit.amazonaws.com" },
      },
      expect: /service-specific IAM user password/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "a service credential's service unknown",
      fixture: {
        type: "aws:iam/serviceSpecificCredential:ServiceSpecificCredential",
        props: { userName: "deploy", serviceName: unknown },
      },
    },
    {
      name: "the key's user unknown",
      fixture: { type: "aws:iam/accessKey:AccessKey", props: { user: unknown } },
    },
  ],
});
