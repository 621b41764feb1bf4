import { dynamodbTableCmk } from "../../../../policies/aws/encryption/dynamodb-table-cmk";
import { describePolicyTable, unknown } from "../../harness";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/k1";
const KEY_WEST = "arn:aws:kms:us-west-2:111122223333:key/k2";

describePolicyTable(dynamodbTableCmk, {
  base: {
    type: "aws:dynamodb/table:Table",
    props: {
      hashKey: "id",
      attributes: [{ name: "id", type: "S" }],
      billingMode: "PAY_PER_REQUEST",
      serverSideEncryption: { enabled: true, kmsKeyArn: KEY },
      tags: { "data-classification": "confidential" },
    },
  },
  pass: [
    {
      name: "an internal table on the AWS owned key",
      patch: { serverSideEncryption: undefined, tags: { "data-classification": "internal" } },
    },
    {
      name: 'enabled "true" as a string',
      patch: { serverSideEncryption: { enabled: "true", kmsKeyArn: KEY } },
    },
    {
      name: "replicas with their own keys",
      patch: { streamEnabled: true, replicas: [{ regionName: "us-west-2", kmsKeyArn: KEY_WEST }] },
    },
    {
      name: "key unknown at preview",
      patch: { serverSideEncryption: { enabled: true, kmsKeyArn: unknown } },
    },
    {
      name: "a separate TableReplica with a key",
      fixture: {
        type: "aws:dynamodb/tableReplica:TableReplica",
        props: {
          globalTableArn: "arn:aws:dynamodb:us-east-1:1:table/t",
          kmsKeyArn: KEY_WEST,
          tags: { "data-classification": "restricted" },
        },
      },
    },
  ],
  fail: [
    {
      name: "serverSideEncryption unset (AWS owned key)",
      patch: { serverSideEncryption: undefined },
      expect:
        /serverSideEncryption\.kmsKeyArn is unset, so the table uses an AWS owned or managed key although its data-classification "confidential" \(tag\) requires a customer managed key; set serverSideEncryption to \{ enabled: true/,
      count: 1,
    },
    {
      name: "enabled without a key (the aws/dynamodb managed key)",
      patch: { serverSideEncryption: { enabled: true } },
      expect: /kmsKeyArn is unset/,
    },
    {
      name: "a key but encryption disabled",
      patch: { serverSideEncryption: { enabled: false, kmsKeyArn: KEY } },
      expect: /kmsKeyArn is unset/,
    },
    {
      name: "the AWS managed alias",
      patch: {
        serverSideEncryption: {
          enabled: true,
          kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:alias/aws/dynamodb",
        },
      },
      expect: /AWS managed key/,
    },
    {
      name: "a replica without a key",
      patch: { replicas: [{ regionName: "us-west-2" }, { regionName: "eu-west-1", kmsKeyArn: "k" }] },
      expect: /replicas\[0\]\.kmsKeyArn is unset, so the replica in us-west-2/,
      count: 1,
    },
    {
      name: "a separate TableReplica without a key",
      fixture: {
        type: "aws:dynamodb/tableReplica:TableReplica",
        props: {
          globalTableArn: "arn:aws:dynamodb:us-east-1:1:table/t",
          tags: { "data-classification": "restricted" },
        },
      },
      expect: /kmsKeyArn is unset, so the replica uses/,
    },
    {
      name: "restricted by stack config",
      patch: { serverSideEncryption: undefined, tags: undefined },
      options: { stackConfig: { dataClassification: "restricted" } },
      expect: /"restricted" \(stack config\)/,
    },
  ],
  unknown: [
    {
      name: "classification unknown, no key",
      patch: { serverSideEncryption: undefined, tags: { "data-classification": unknown } },
    },
  ],
});
