/**
 * AWS Backup vaults encrypt recovery points with a customer managed KMS key.
 * Without `kmsKeyArn` the vault uses the AWS managed `aws/backup` key, whose
 * policy the account cannot restrict: anyone who may use the vault may
 * decrypt its backups.
 */
import { keyKind } from "../../lib/classification";
import { defineResourcePolicy } from "../../lib/define";
import { nist80053 } from "../../lib/frameworks";
import { asString } from "../../lib/props";
import { quote } from "./settings";

export const BACKUP_VAULT = "aws:backup/vault:Vault";

export const backupVaultCmk = defineResourcePolicy({
  name: "aws-backup-vault-cmk",
  description: "AWS Backup vaults encrypt recovery points with a customer managed KMS key.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `kmsKeyArn` on the vault to the ARN of a KMS key you manage (the key cannot be changed later: create a new vault).",
    "Restrict the key policy to the backup role and the backup administrators.",
  ],
  frameworks: [nist80053("SC-28")],
  types: [BACKUP_VAULT],
  check(r) {
    const kind = keyKind(() => r.props.kmsKeyArn);
    if (kind === "customer") return [];
    return [
      {
        message:
          kind === "none"
            ? "kmsKeyArn is unset, so the vault encrypts backups with the AWS managed aws/backup key; set kmsKeyArn to the ARN of a KMS key you manage"
            : `kmsKeyArn names the AWS managed key ${quote(asString(r.props.kmsKeyArn))}; set kmsKeyArn to the ARN of a KMS key you manage`,
      },
    ];
  },
});
