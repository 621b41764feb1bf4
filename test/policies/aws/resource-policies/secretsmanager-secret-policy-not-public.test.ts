import { secretPolicyNotPublic } from "../../../../policies/aws/resource-policies/secretsmanager-secret-policy-not-public";
import { describePolicyTable } from "../../harness";
import { type Holder, allow, doc, standardRows } from "./fixtures";

const holders: Holder[] = [
  [
    "aws.secretsmanager.Secret",
    (policy) => ({ type: "aws:secretsmanager/secret:Secret", props: { name: "s", policy } }),
  ],
  [
    "aws.secretsmanager.SecretPolicy",
    (policy) => ({
      type: "aws:secretsmanager/secretPolicy:SecretPolicy",
      props: { secretArn: "arn:s", policy },
    }),
  ],
];
const rows = standardRows(holders, "secretsmanager:GetSecretValue");
const secret = holders[0][1];

describePolicyTable(secretPolicyNotPublic, {
  base: secret(
    JSON.stringify(
      doc(allow({ AWS: "arn:aws:iam::444455556666:role/app" }, "secretsmanager:GetSecretValue")),
    ),
  ),
  pass: [
    ...rows.pass,
    { name: "no policy", fixture: { type: "aws:secretsmanager/secret:Secret", props: { name: "s" } } },
  ],
  fail: [
    ...rows.fail,
    {
      name: "a public policy with blockPublicPolicy (AWS rejects it at apply; the program is still wrong)",
      fixture: {
        type: "aws:secretsmanager/secretPolicy:SecretPolicy",
        props: {
          secretArn: "arn:s",
          blockPublicPolicy: true,
          policy: doc(allow("*", "secretsmanager:GetSecretValue")),
        },
      },
      expect: /it allows Principal "\*" with no condition; name the principals that read the secret/,
      count: 1,
    },
  ],
  unknown: rows.unknown,
});
