/** Encryption at rest and in transit across services. The pack lists these in docs order. */
import type { PolicyDefinition } from "../../lib/define";
import { backupVaultCmk } from "./backup-vault-cmk";
import { daxClusterEncrypted } from "./dax-cluster-encrypted";
import { docdbClusterEncrypted } from "./docdb-cluster-encrypted";
import { dynamodbTableCmk } from "./dynamodb-table-cmk";
import { efsEncrypted } from "./efs-encrypted";
import { elasticacheEncryptedAtRest } from "./elasticache-encrypted-at-rest";
import { elasticacheEncryptedInTransit } from "./elasticache-encrypted-in-transit";
import { kinesisStreamEncrypted } from "./kinesis-stream-encrypted";
import { logGroupCmk } from "./log-group-cmk";
import { neptuneClusterEncrypted } from "./neptune-cluster-encrypted";
import { opensearchEncryptedAtRest } from "./opensearch-encrypted-at-rest";
import { opensearchHttpsOnly } from "./opensearch-https-only";
import { opensearchNodeToNodeEncryption } from "./opensearch-node-to-node-encryption";
import { redshiftClusterEncrypted } from "./redshift-cluster-encrypted";
import { secretCmk } from "./secret-cmk";
import { snsTopicKms } from "./sns-topic-kms";
import { sqsQueueEncrypted } from "./sqs-queue-encrypted";

export const encryptionPolicies: readonly PolicyDefinition[] = [
  efsEncrypted,
  docdbClusterEncrypted,
  neptuneClusterEncrypted,
  redshiftClusterEncrypted,
  dynamodbTableCmk,
  daxClusterEncrypted,
  elasticacheEncryptedAtRest,
  elasticacheEncryptedInTransit,
  opensearchEncryptedAtRest,
  opensearchNodeToNodeEncryption,
  opensearchHttpsOnly,
  kinesisStreamEncrypted,
  sqsQueueEncrypted,
  snsTopicKms,
  logGroupCmk,
  secretCmk,
  backupVaultCmk,
];
