import { secretCmk } from "../../../../policies/aws/encryption/secret-cmk";
import { describePolicyTable, unknown } from "../../harness";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/k1";
const KEY_WEST = "arn:aws:kms:us-west-2:111122223333:key/k2";

describePolicyTable(secretCmk, {
  base: {
    type: "aws:secretsmanager/secret:Secret",
    props: { name: "db-password", kmsKeyId: KEY, tags: { "data-classification": "restricted" } },
  },
  pass: [
    {
      name: "internal secret on the default key",
      patch: { kmsKeyId: undefined, tags: { "data-classification": "internal" } },
    },
    {
      name: "replicas with their own keys",
      patch: { replicas: [{ region: "us-west-2", kmsKeyId: KEY_WEST }] },
    },
    { name: "key unknown at preview", patch: { kmsKeyId: unknown } },
    {
      name: "an internal secret's replica needs no key",
      patch: {
        kmsKeyId: undefined,
        tags: { "data-classification": "internal" },
        replicas: [{ region: "us-west-2" }],
      },
    },
  ],
  fail: [
    {
      name: "restricted secret on the default key",
      patch: { kmsKeyId: undefined },
      expect:
        /kmsKeyId is unset, so the secret uses an AWS owned or managed key although its data-classification "restricted" \(tag\)/,
      count: 1,
    },
    {
      name: "the AWS managed alias",
      patch: { kmsKeyId: "alias/aws/secretsmanager" },
      expect: /names the AWS managed key "alias\/aws\/secretsmanager"/,
    },
    {
      name: "a replica without a key",
      patch: { replicas: [{ region: "us-west-2" }] },
      expect: /replicas\[0\]\.kmsKeyId is unset, so the replica in us-west-2 uses/,
      count: 1,
    },
    {
      name: "confidential by stack config",
      patch: { kmsKeyId: undefined, tags: undefined },
      options: { stackConfig: { dataClassification: "confidential" } },
      expect: /stack config/,
    },
  ],
  unknown: [
    {
      name: "the tag unknown, no key",
      patch: { kmsKeyId: undefined, tags: { "data-classification": unknown } },
    },
  ],
});
