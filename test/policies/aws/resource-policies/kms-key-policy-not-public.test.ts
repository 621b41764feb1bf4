import { kmsKeyPolicyNotPublic } from "../../../../policies/aws/resource-policies/kms-key-policy-not-public";
import { describePolicyTable } from "../../harness";
import { ACCOUNT, type Holder, allow, doc, standardRows } from "./fixtures";

const holders: Holder[] = [
  ["aws.kms.Key", (policy) => ({ type: "aws:kms/key:Key", props: { description: "k", policy } })],
  ["aws.kms.KeyPolicy", (policy) => ({ type: "aws:kms/keyPolicy:KeyPolicy", props: { keyId: "k", policy } })],
];
const rows = standardRows(holders, "kms:Decrypt");
const key = holders[0][1];

describePolicyTable(kmsKeyPolicyNotPublic, {
  base: key(JSON.stringify(doc(allow({ AWS: "arn:aws:iam::444455556666:role/app" }, "kms:Decrypt")))),
  pass: [
    ...rows.pass,
    {
      name: "no policy (AWS's default key policy)",
      fixture: { type: "aws:kms/key:Key", props: { description: "k" } },
    },
    {
      name: '"*" pinned by kms:CallerAccount (the AWS managed key pattern)',
      fixture: key(
        doc(
          allow({ AWS: "*" }, "kms:Decrypt", {
            Condition: {
              StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "s3.us-east-1.amazonaws.com" },
            },
          }),
        ),
      ),
    },
  ],
  fail: [
    ...rows.fail,
    {
      name: '"*" with only kms:ViaService (any account through S3)',
      fixture: key(
        doc(
          allow("*", "kms:Decrypt", {
            Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
          }),
        ),
      ),
      expect:
        /policy statement 1: it allows Principal "\*" and no condition pins the caller; name the principals that use the key/,
      count: 1,
    },
    {
      name: '"*" with StringNotEquals kms:CallerAccount',
      fixture: key(
        doc(allow("*", "kms:Decrypt", { Condition: { StringNotEquals: { "kms:CallerAccount": ACCOUNT } } })),
      ),
      expect: /StringNotEquals kms:CallerAccount: a negated operator/,
      count: 1,
    },
  ],
  unknown: rows.unknown,
});
