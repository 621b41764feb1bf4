import { backupVaultCmk } from "../../../../policies/aws/encryption/backup-vault-cmk";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(backupVaultCmk, {
  base: {
    type: "aws:backup/vault:Vault",
    props: { name: "prod", kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/k1" },
  },
  pass: [
    { name: "key unknown at preview (a kms.Key's arn)", patch: { kmsKeyArn: unknown } },
    {
      name: "a customer key alias ARN",
      patch: { kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:alias/backup" },
    },
  ],
  fail: [
    {
      name: "kmsKeyArn unset (the aws/backup managed key)",
      patch: { kmsKeyArn: undefined },
      expect:
        /kmsKeyArn is unset, so the vault encrypts backups with the AWS managed aws\/backup key; set kmsKeyArn/,
      count: 1,
    },
    { name: "empty kmsKeyArn", patch: { kmsKeyArn: "" }, expect: /kmsKeyArn is unset/ },
    {
      name: "the AWS managed alias",
      patch: { kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:alias/aws/backup" },
      expect: /names the AWS managed key/,
    },
  ],
  unknown: [{ name: "tags unknown do not matter", patch: { tags: unknown } }],
});
