/** Resource policies that could open data to everyone: KMS, SQS, SNS, Lambda, ECR, OpenSearch, Secrets Manager. The pack lists these in docs order. */
import type { PolicyDefinition } from "../../lib/define";
import { ecrRepositoryPolicyNotPublic } from "./ecr-repository-policy-not-public";
import { kmsKeyPolicyNotPublic } from "./kms-key-policy-not-public";
import { lambdaFunctionUrlAuth } from "./lambda-function-url-auth";
import { lambdaPermissionNotPublic } from "./lambda-permission-not-public";
import { opensearchAccessPolicyNotPublic } from "./opensearch-access-policy-not-public";
import { secretPolicyNotPublic } from "./secretsmanager-secret-policy-not-public";
import { snsTopicPolicyNotPublic } from "./sns-topic-policy-not-public";
import { sqsQueuePolicyNotPublic } from "./sqs-queue-policy-not-public";

export const resourcePolicyPolicies: readonly PolicyDefinition[] = [
  kmsKeyPolicyNotPublic,
  sqsQueuePolicyNotPublic,
  snsTopicPolicyNotPublic,
  lambdaPermissionNotPublic,
  lambdaFunctionUrlAuth,
  ecrRepositoryPolicyNotPublic,
  opensearchAccessPolicyNotPublic,
  secretPolicyNotPublic,
];
