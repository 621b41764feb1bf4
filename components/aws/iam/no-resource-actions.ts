/**
 * Actions that support no resource-level permissions: IAM evaluates them
 * against `"Resource": "*"` only, so a statement granting them cannot name an
 * ARN and `*` is the least privilege possible.
 *
 * Source: the AWS Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference.html),
 * the "Actions defined by <service>" table of each service: an action whose
 * "Resource types" column is empty takes only `*`. The list is curated, not
 * generated: it holds the actions application roles commonly need, and a
 * glob is listed only where every action it matches has no resource type
 * (for example every `ec2:Describe*` and every `elasticloadbalancing:Describe*`).
 * Broad guesses such as `*:List*` are deliberately absent: `s3:ListBucket`
 * takes a bucket ARN, so `*:List*` does not hold.
 *
 * To add an action: check its row in the reference, add it here with the
 * service's table in the comment, and add a case to the lint tests.
 */
import { actionCoveredBy } from "./match";

export const NO_RESOURCE_LEVEL_ACTIONS: readonly string[] = [
  // AWS STS (list_awssecuritytokenservice.html)
  "sts:GetCallerIdentity",
  "sts:GetSessionToken",
  "sts:GetAccessKeyInfo",
  "sts:DecodeAuthorizationMessage",
  "sts:GetServiceBearerToken",
  // Amazon EC2 (list_amazonec2.html): every Describe* action has no resource type
  "ec2:Describe*",
  // Elastic Load Balancing (list_awselasticloadbalancingv2.html)
  "elasticloadbalancing:Describe*",
  // EC2 Auto Scaling (list_amazonec2autoscaling.html)
  "autoscaling:Describe*",
  // Amazon CloudWatch (list_amazoncloudwatch.html)
  "cloudwatch:PutMetricData",
  "cloudwatch:GetMetricData",
  "cloudwatch:GetMetricStatistics",
  "cloudwatch:ListMetrics",
  "cloudwatch:GetMetricWidgetImage",
  "cloudwatch:ListDashboards",
  // AWS X-Ray (list_awsx-ray.html)
  "xray:PutTraceSegments",
  "xray:PutTelemetryRecords",
  "xray:GetSamplingRules",
  "xray:GetSamplingTargets",
  "xray:GetSamplingStatisticSummaries",
  // Amazon ECR (list_amazonelasticcontainerregistry.html)
  "ecr:GetAuthorizationToken",
  // Amazon S3 (list_amazons3.html)
  "s3:ListAllMyBuckets",
  // AWS KMS (list_awskeymanagementservice.html)
  "kms:ListKeys",
  "kms:ListAliases",
  "kms:GenerateRandom",
  // AWS Secrets Manager (list_awssecretsmanager.html)
  "secretsmanager:GetRandomPassword",
  "secretsmanager:ListSecrets",
  // AWS Systems Manager (list_awssystemsmanager.html)
  "ssm:DescribeParameters",
  // Resource Groups Tagging API (list_amazonresourcegrouptaggingapi.html)
  "tag:GetResources",
  "tag:GetTagKeys",
  "tag:GetTagValues",
  // IAM (list_awsidentityandaccessmanagementiam.html): account-level reads
  "iam:GetAccountSummary",
  "iam:ListAccountAliases",
  "iam:ListRoles",
  "iam:ListPolicies",
  // Route 53 (list_amazonroute53.html)
  "route53:ListHostedZones",
  // ACM (list_awscertificatemanager.html)
  "acm:ListCertificates",
  // Amazon EKS (list_amazonelastickubernetesservice.html)
  "eks:ListClusters",
  // Amazon SNS / SQS / Lambda / DynamoDB account-level listings
  "sns:ListTopics",
  "sqs:ListQueues",
  "lambda:ListFunctions",
  "dynamodb:ListTables",
];

/**
 * True when every action `action` can match supports no resource-level
 * permissions, so `Resource: "*"` is the narrowest grant. `extra` adds
 * patterns from configuration (a policy's allow-list).
 */
export function isNoResourceLevelAction(action: string, extra: readonly string[] = []): boolean {
  return [...NO_RESOURCE_LEVEL_ACTIONS, ...extra].some((p) => actionCoveredBy(action, p));
}
