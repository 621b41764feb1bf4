/**
 * Resources holding confidential or restricted data (the data-classification
 * tag, the provider's default tags or the stack's paved:dataClassification)
 * encrypt it with a customer managed KMS key, for the services Paved's other
 * customer-key policies do not read: EBS volumes and launch template
 * devices, EFS, RDS instances and clusters, ECR repositories, S3 default
 * encryption (inline or the separate resource), Athena workgroups and
 * databases, AppFlow flows and connector profiles, and SageMaker notebooks.
 * A key unknown during preview is another resource's output: a customer key.
 */
import { CUSTOMER_KEY_SCHEMA, type CustomerKeyConfig } from "../../../lib/classification";
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { asList, asRecord } from "../../../lib/props";
import type { Finding, ResourceUnderCheck } from "../../../lib/types";
import { customerKeyFindings } from "../../encryption/settings";

interface KeyInput {
  readonly field: string;
  readonly read: () => unknown;
}

type Reader = (props: Record<string, unknown>) => KeyInput[];

const one =
  (field: string, read: (p: Record<string, unknown>) => unknown): Reader =>
  (p) => [{ field, read: () => read(p) }];

function s3Rules(rules: unknown, base: string): KeyInput[] {
  return asList(rules).map((rule, i) => ({
    field: `${base}${Array.isArray(rules) ? `[${i}]` : ""}.applyServerSideEncryptionByDefault.kmsMasterKeyId`,
    read: () => asRecord(asRecord(rule)?.applyServerSideEncryptionByDefault)?.kmsMasterKeyId,
  }));
}

/** Type → the key inputs it holds. */
const READERS: Readonly<Record<string, Reader>> = {
  "aws:ebs/volume:Volume": one("kmsKeyId", (p) => p.kmsKeyId),
  "aws:efs/fileSystem:FileSystem": one("kmsKeyId", (p) => p.kmsKeyId),
  "aws:rds/instance:Instance": one("kmsKeyId", (p) => p.kmsKeyId),
  "aws:rds/cluster:Cluster": one("kmsKeyId", (p) => p.kmsKeyId),
  "aws:sagemaker/notebookInstance:NotebookInstance": one("kmsKeyId", (p) => p.kmsKeyId),
  "aws:appflow/flow:Flow": one("kmsArn", (p) => p.kmsArn),
  "aws:appflow/connectorProfile:ConnectorProfile": one("kmsArn", (p) => p.kmsArn),
  "aws:athena/database:Database": one(
    "encryptionConfiguration.kmsKey",
    (p) => asRecord(p.encryptionConfiguration)?.kmsKey,
  ),
  "aws:athena/workgroup:Workgroup": one(
    "configuration.resultConfiguration.encryptionConfiguration.kmsKeyArn",
    (p) =>
      asRecord(asRecord(asRecord(p.configuration)?.resultConfiguration)?.encryptionConfiguration)?.kmsKeyArn,
  ),
  "aws:ecr/repository:Repository": (p) =>
    asList(p.encryptionConfigurations).length === 0
      ? [{ field: "encryptionConfigurations", read: () => undefined }]
      : asList(p.encryptionConfigurations).map((c, i) => ({
          field: `encryptionConfigurations[${i}].kmsKey`,
          read: () => asRecord(c)?.kmsKey,
        })),
  "aws:ec2/launchTemplate:LaunchTemplate": (p) =>
    asList(p.blockDeviceMappings).flatMap((m, i) => {
      const ebs = asRecord(asRecord(m)?.ebs);
      return ebs ? [{ field: `blockDeviceMappings[${i}].ebs.kmsKeyId`, read: () => ebs.kmsKeyId }] : [];
    }),
  "aws:s3/bucket:Bucket": (p) => {
    const cfg = asRecord(p.serverSideEncryptionConfiguration);
    return cfg
      ? s3Rules(cfg.rule, "serverSideEncryptionConfiguration.rule")
      : [{ field: "serverSideEncryptionConfiguration", read: () => undefined }];
  },
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": (p) =>
    s3Rules(p.rules, "rules"),
};

export const sensitiveDataCmk = defineResourcePolicy<CustomerKeyConfig>({
  name: "aws-sensitive-data-cmk",
  description:
    "EBS, EFS, RDS, ECR, S3, Athena, AppFlow and SageMaker resources holding confidential or restricted data use a customer managed KMS key.",
  category: "storage",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Create an `aws.kms.Key` (rotation on) for the data set and set the resource's key input to its ARN (the message names the input).",
    'S3: default encryption with `sseAlgorithm: "aws:kms"` and `kmsMasterKeyId`; ECR: `encryptionConfigurations: [{ encryptionType: "KMS", kmsKey }]`.',
    "Data that is not confidential or restricted keeps the AWS managed key; set the data-classification tag to say so.",
  ],
  frameworks: [nist80053("SC-12"), nist80053("SC-28")],
  types: Object.keys(READERS),
  configSchema: CUSTOMER_KEY_SCHEMA,
  check(r: ResourceUnderCheck, ctx) {
    const reader = READERS[r.type];
    if (!reader) return [];
    const out: Finding[] = [];
    for (const input of reader(r.props)) {
      out.push(...customerKeyFindings(r, ctx, { field: input.field, read: input.read, what: "the data" }));
    }
    return out;
  },
});
