/** EFS file systems are encrypted at rest. Unset is unencrypted (the API's default). */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, cisAws } from "../../lib/frameworks";
import { requireTrue } from "./settings";

export const EFS_FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";

export const efsEncrypted = defineResourcePolicy({
  name: "aws-efs-encrypted",
  description: "EFS file systems are encrypted at rest.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `encrypted: true` on the file system (and `kmsKeyId` for a customer managed key).",
    "An existing unencrypted file system cannot be encrypted in place: create an encrypted one and copy the data (AWS DataSync).",
  ],
  frameworks: [cisAws("2.4.1"), awsFsbp("EFS.1")],
  types: [EFS_FILE_SYSTEM],
  check: (r) =>
    requireTrue({
      field: "encrypted",
      value: r.props.encrypted,
      unset: "insecure",
      consequence: "the file system is not encrypted at rest",
      fix: "set encrypted: true",
    }),
});
