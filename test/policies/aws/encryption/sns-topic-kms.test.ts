import { snsTopicKms } from "../../../../policies/aws/encryption/sns-topic-kms";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(snsTopicKms, {
  base: { type: "aws:sns/topic:Topic", props: { name: "alerts", kmsMasterKeyId: "alias/aws/sns" } },
  pass: [
    { name: "a customer key", patch: { kmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/k" } },
    { name: "key unknown at preview", patch: { kmsMasterKeyId: unknown } },
  ],
  fail: [
    {
      name: "no key (advisory by default)",
      patch: { kmsMasterKeyId: undefined },
      expect: /kmsMasterKeyId is unset, so messages are stored unencrypted/,
      count: 1,
    },
    {
      name: "no key, made mandatory",
      patch: { kmsMasterKeyId: "" },
      options: { config: { enforcementLevel: "mandatory" } },
      expect: /kmsMasterKeyId is unset/,
    },
  ],
  unknown: [{ name: "name unknown", patch: { name: unknown } }],
});
