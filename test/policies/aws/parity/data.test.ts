import { ecsContainerInsights } from "../../../../policies/aws/parity/ecs/container-insights";
import { ecsContainerLogging } from "../../../../policies/aws/parity/ecs/container-logging";
import { ecsNoPrivileged } from "../../../../policies/aws/parity/ecs/no-privileged";
import { sensitiveDataCmk } from "../../../../policies/aws/parity/encryption/sensitive-data-cmk";
import { describePolicyTable, unknown } from "../../harness";

const KEY = "arn:aws:kms:us-east-1:1:key/k";
const RESTRICTED = { "data-classification": "restricted" };

describePolicyTable(sensitiveDataCmk, {
  base: {
    type: "aws:ebs/volume:Volume",
    props: { availabilityZone: "a", encrypted: true, kmsKeyId: KEY, tags: RESTRICTED },
  },
  pass: [
    {
      name: "internal data on the default key",
      patch: { kmsKeyId: undefined, tags: { "data-classification": "internal" } },
    },
    { name: "key from another resource (preview)", patch: { kmsKeyId: unknown } },
    {
      name: "S3 inline SSE-KMS",
      fixture: {
        type: "aws:s3/bucket:Bucket",
        props: {
          tags: RESTRICTED,
          serverSideEncryptionConfiguration: {
            rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } },
          },
        },
      },
    },
    {
      name: "ECR with KMS",
      fixture: {
        type: "aws:ecr/repository:Repository",
        props: { tags: RESTRICTED, encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }] },
      },
    },
  ],
  fail: [
    {
      name: "restricted volume on the default key",
      patch: { kmsKeyId: undefined },
      expect: /kmsKeyId is unset, so the data uses an AWS owned or managed key/,
      count: 1,
    },
    {
      name: "AWS managed alias",
      patch: { kmsKeyId: "alias/aws/ebs" },
      expect: /names the AWS managed key "alias\/aws\/ebs"/,
    },
    {
      name: "RDS cluster by stack classification",
      fixture: { type: "aws:rds/cluster:Cluster", props: { engine: "aurora-postgresql" } },
      options: { stackConfig: { dataClassification: "confidential" } },
      expect: /kmsKeyId is unset/,
    },
    {
      name: "S3 bucket without default encryption config",
      fixture: { type: "aws:s3/bucket:Bucket", props: { tags: RESTRICTED } },
      expect: /serverSideEncryptionConfiguration is unset/,
    },
    {
      name: "separate SSE resource with SSE-S3",
      fixture: {
        type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        props: { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
      },
      options: { stackConfig: { dataClassification: "restricted" } },
      expect: /rules\[0\]\.applyServerSideEncryptionByDefault\.kmsMasterKeyId is unset/,
    },
    {
      name: "launch template device",
      fixture: {
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        props: {
          tags: RESTRICTED,
          blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }],
        },
      },
      expect: /blockDeviceMappings\[0\]\.ebs\.kmsKeyId is unset/,
    },
    {
      name: "ECR default AES",
      fixture: { type: "aws:ecr/repository:Repository", props: { tags: RESTRICTED } },
      expect: /encryptionConfigurations is unset/,
    },
    {
      name: "SageMaker notebook",
      fixture: { type: "aws:sagemaker/notebookInstance:NotebookInstance", props: { tags: RESTRICTED } },
      expect: /kmsKeyId is unset/,
    },
    {
      name: "AppFlow flow",
      fixture: { type: "aws:appflow/flow:Flow", props: { tags: RESTRICTED } },
      expect: /kmsArn is unset/,
    },
  ],
  unknown: [
    { name: "tag unknown, no key", patch: { kmsKeyId: undefined, tags: { "data-classification": unknown } } },
  ],
});

const TD = "aws:ecs/taskDefinition:TaskDefinition";
const LOG = { logDriver: "awslogs", options: { "awslogs-group": "g" } };
const app = {
  name: "app",
  image: "nginx",
  logConfiguration: LOG,
  environment: [{ name: "PORT", value: "8080" }],
  secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:x" }],
};
const td = (containers: unknown[], asString = true) => ({
  family: "f",
  containerDefinitions: asString ? JSON.stringify(containers) : containers,
});

describePolicyTable(ecsContainerLogging, {
  base: { type: TD, props: td([app]) },
  pass: [{ name: "firelens", patch: td([{ ...app, logConfiguration: { logDriver: "awsfirelens" } }]) }],
  fail: [
    {
      name: "no log configuration",
      patch: td([{ ...app, logConfiguration: undefined }]),
      expect: /container "app" has no logConfiguration.logDriver/,
      count: 1,
    },
    { name: "one of two", patch: td([app, { name: "b", image: "x" }], false), expect: /"b"/, count: 1 },
  ],
  unknown: [{ name: "definitions unknown", patch: { containerDefinitions: unknown } }],
});

describePolicyTable(ecsNoPrivileged, {
  base: { type: TD, props: td([app]) },
  pass: [{ name: "privileged false", patch: td([{ ...app, privileged: false }]) }],
  fail: [
    {
      name: "privileged",
      patch: td([{ ...app, privileged: true }]),
      expect: /container "app" sets privileged: true/,
      count: 1,
    },
    {
      name: "privileged as string in a list",
      patch: td([{ ...app, privileged: "true" }], false),
      expect: /privileged/,
    },
  ],
  unknown: [{ name: "definitions unknown", patch: { containerDefinitions: unknown } }],
});

describePolicyTable(ecsContainerInsights, {
  base: {
    type: "aws:ecs/cluster:Cluster",
    props: { settings: [{ name: "containerInsights", value: "enabled" }] },
  },
  pass: [
    {
      name: "enhanced, single object",
      patch: { settings: { name: "containerInsights", value: "enhanced" } },
    },
  ],
  fail: [
    { name: "unset", patch: { settings: undefined }, expect: /containerInsights setting is unset/, count: 1 },
    {
      name: "disabled",
      patch: { settings: [{ name: "containerInsights", value: "disabled" }] },
      expect: /"disabled"/,
    },
  ],
  unknown: [{ name: "settings unknown", patch: { settings: unknown } }],
});
