import { efsEncrypted } from "../../../../policies/aws/encryption/efs-encrypted";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(efsEncrypted, {
  base: { type: "aws:efs/fileSystem:FileSystem", props: { creationToken: "data", encrypted: true } },
  pass: [
    { name: 'encrypted "true" as a string', patch: { encrypted: "true" } },
    { name: "with a customer managed key", patch: { kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k" } },
  ],
  fail: [
    {
      name: "encrypted unset (the API's default is unencrypted)",
      patch: { encrypted: undefined },
      expect: /encrypted is unset, so the file system is not encrypted at rest; set encrypted: true/,
      count: 1,
    },
    { name: "encrypted false", patch: { encrypted: false }, expect: /encrypted is false/, count: 1 },
    { name: 'encrypted "false"', patch: { encrypted: "false" }, expect: /encrypted is "false"/ },
    {
      name: "a key without encrypted: true is still unencrypted",
      patch: { encrypted: undefined, kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k" },
      expect: /encrypted is unset/,
    },
  ],
  unknown: [{ name: "encrypted unknown", patch: { encrypted: unknown } }],
});
