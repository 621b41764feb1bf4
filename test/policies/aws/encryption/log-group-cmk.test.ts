import { logGroupCmk } from "../../../../policies/aws/encryption/log-group-cmk";
import { describePolicyTable, unknown } from "../../harness";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const provider = (defaultTags: unknown) => ({
  type: "pulumi:providers:aws",
  urn: "urn:pulumi:test::paved::pulumi:providers:aws::default",
  name: "default",
  inputs: { defaultTags },
});

describePolicyTable(logGroupCmk, {
  base: {
    type: LOG_GROUP,
    props: { retentionInDays: 365, kmsKeyId: KEY, tags: { "data-classification": "confidential" } },
  },
  pass: [
    {
      name: "internal data needs no customer key",
      patch: { kmsKeyId: undefined, tags: { "data-classification": "internal" } },
    },
    {
      name: "public data needs no customer key",
      patch: { kmsKeyId: undefined, tags: { "data-classification": "public" } },
    },
    {
      name: "unclassified (no tag, no config): the required-tags policy reports it",
      patch: { kmsKeyId: undefined, tags: undefined },
    },
    {
      name: "a restricted log group with a key alias of its own",
      patch: { kmsKeyId: "alias/app-logs", tags: { "data-classification": "restricted" } },
    },
    { name: "the key is another resource's output (unknown at preview)", patch: { kmsKeyId: unknown } },
    {
      name: "the resource's internal tag wins over the stack's confidential config",
      patch: { kmsKeyId: undefined, tags: { "data-classification": "internal" } },
      options: { stackConfig: { dataClassification: "confidential" } },
    },
    {
      name: "a classification the config does not list",
      patch: { kmsKeyId: undefined, tags: { "data-classification": "confidential" } },
      options: { config: { sensitiveClassifications: ["restricted"] } },
    },
  ],
  fail: [
    {
      name: "confidential tag, no key",
      patch: { kmsKeyId: undefined },
      expect:
        /kmsKeyId is unset, so the log group uses an AWS owned or managed key although its data-classification "confidential" \(tag\) requires a customer managed key; set kmsKeyId/,
      count: 1,
    },
    {
      name: "restricted, upper-case value, empty key",
      patch: { kmsKeyId: "", tags: { "data-classification": "Restricted" } },
      expect: /"restricted" \(tag\)/,
    },
    {
      name: "an AWS managed key alias",
      patch: { kmsKeyId: "alias/aws/logs" },
      expect: /names the AWS managed key "alias\/aws\/logs"/,
    },
    {
      name: "an AWS managed key alias ARN",
      patch: { kmsKeyId: "arn:aws:kms:us-east-1:111122223333:alias/aws/logs" },
      expect: /AWS managed key/,
    },
    {
      name: "untagged in a confidential stack (paved:dataClassification)",
      patch: { kmsKeyId: undefined, tags: undefined },
      options: { stackConfig: { dataClassification: "confidential" } },
      expect: /"confidential" \(stack config\)/,
    },
    {
      name: "classified by the provider's defaultTags (a JSON string)",
      fixture: {
        type: LOG_GROUP,
        props: { retentionInDays: 30 },
        provider: provider(JSON.stringify({ tags: { "data-classification": "restricted" } })),
      },
      expect: /"restricted" \(provider defaultTags\)/,
    },
    {
      name: "classified by the provider's defaultTags (an object)",
      fixture: {
        type: LOG_GROUP,
        props: { retentionInDays: 30 },
        provider: provider({ tags: { "data-classification": "confidential" } }),
      },
      expect: /provider defaultTags/,
    },
    {
      name: "an unrecognised classification fails closed",
      patch: { kmsKeyId: undefined, tags: { "data-classification": "pci" } },
      expect: /"pci" \(tag\)/,
    },
    {
      name: "internal made sensitive by config",
      patch: { kmsKeyId: undefined, tags: { "data-classification": "internal" } },
      options: { config: { sensitiveClassifications: ["internal", "confidential", "restricted"] } },
      expect: /"internal"/,
    },
  ],
  unknown: [
    {
      name: "the classification tag unknown, no key",
      patch: { kmsKeyId: undefined, tags: { "data-classification": unknown } },
    },
    { name: "tags unknown, no key", patch: { kmsKeyId: undefined, tags: unknown } },
  ],
});
