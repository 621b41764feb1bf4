/**
 * Policies added for parity with cdk-nag's AwsSolutions pack and
 * pulumi/compliance-policies (see docs/coverage.md and policies/crossref/).
 */
import type { PolicyDefinition } from "../../lib/define";
import { apigatewayRequestValidation } from "./apigateway/request-validation";
import { dataStoreLogsExported } from "./rds/logs-exported";
import { dbClusterBackupRetention } from "./rds/cluster-backup-retention";
import { dbManagedMasterPassword } from "./rds/managed-master-password";
import { opensearchHighAvailability } from "./opensearch/high-availability";
import { elasticacheMultiAz } from "./elasticache/multi-az";
import { elasticacheAuth } from "./elasticache/auth";
import { neptuneClusterMultiAz } from "./neptune/cluster-multi-az";
import { redshiftRequireSsl } from "./redshift/require-ssl";
import { redshiftAuditLogging } from "./redshift/audit-logging";
import { redshiftNoDefaultAdmin } from "./redshift/no-default-admin";
import { redshiftSnapshotRetention } from "./redshift/snapshot-retention";
import { emrSecurityConfiguration } from "./emr/security-configuration";
import { emrLogging } from "./emr/logging";
import { emrAuthentication } from "./emr/authentication";
import { lambdaSupportedRuntime } from "./lambda/supported-runtime";
import { cloudfrontS3OriginAccessControl } from "./cloudfront/s3-origin-access-control";
import { apigatewayExecutionLogs } from "./apigateway/execution-logs";
import { asgElbHealthCheck } from "./autoscaling/elb-health-check";
import { appsyncLogging } from "./appsync/logging";
import { codebuildCmk } from "./codebuild/cmk";
import { quicksightDataSourceSsl } from "./quicksight/data-source-ssl";
import { glueSecurityConfiguration } from "./glue/security-configuration";
import { flinkCheckpointing } from "./flink/checkpointing";
import { beanstalkEnvironmentBaseline } from "./beanstalk/environment-baseline";
import { iamNoAwsManagedPolicy } from "./iam/no-aws-managed-policy";
import { sensitiveDataCmk } from "./encryption/sensitive-data-cmk";
import { ecsContainerLogging } from "./ecs/container-logging";
import { ecsNoPrivileged } from "./ecs/no-privileged";
import { ecsContainerInsights } from "./ecs/container-insights";
import { secretRotation } from "./secretsmanager/rotation";
import { messagingTlsOnly } from "./messaging/tls-only";
import { sqsDeadLetterQueue } from "./messaging/sqs-dead-letter-queue";
import { eventbridgeBusPolicyNotPublic } from "./messaging/eventbridge-bus-policy-not-public";
import { s3AccessLogs } from "./s3/access-logs";
import { apigatewayAuthorization } from "./apigateway/authorization";
import { athenaEncrypted } from "./athena/encrypted";
import { cloudfrontAccessLogs } from "./cloudfront/access-logs";
import { cloudfrontWaf } from "./cloudfront/waf";
import { cognitoIdentityPoolNoUnauthenticated } from "./cognito/identity-pool-no-unauthenticated";
import { cognitoPasswordPolicy } from "./cognito/password-policy";
import { cognitoThreatProtection } from "./cognito/threat-protection";
import { cognitoUserPoolMfa } from "./cognito/user-pool-mfa";
import { ec2DetailedMonitoring } from "./ec2/detailed-monitoring";
import { ec2TerminationProtection } from "./ec2/termination-protection";
import { launchConfigurationNotUsed } from "./ec2/launch-configuration-not-used";
import { efsRegional } from "./efs/regional";
import { elbClassicNotForHttp } from "./elb/classic-not-for-http";
import { elbClassicResilience } from "./elb/classic-resilience";
import { publicEndpointWaf } from "./elb/public-endpoint-waf";
import { rdsPerformanceInsights } from "./rds/performance-insights";
import { sagemakerNotebookIsolated } from "./sagemaker/notebook-isolated";
import { sagemakerNotebookNoRoot } from "./sagemaker/notebook-no-root";
import { apigatewayDomainTls12 } from "./apigateway/domain-tls12";
import { ec2NoPublicIp } from "./ec2/no-public-ip";
import { eksControlPlaneLogs } from "./eks/control-plane-logs";
import { eksSecretsEncryption } from "./eks/secrets-encryption";
import { lbAccessLogs } from "./elb/lb-access-logs";
import { firehoseEncrypted } from "./firehose/encrypted";
import { iamUserNoAttachedPolicies } from "./iam/user-no-attached-policies";
import { kmsNoLockoutBypass } from "./kms/no-lockout-bypass";
import { lambdaTracing } from "./lambda/tracing";
import { mskEncryptionInTransit } from "./msk/encryption-in-transit";
import { dbAutoMinorVersionUpgrade } from "./rds/auto-minor-version-upgrade";
import { dbIamAuthentication } from "./rds/iam-authentication";
import { sfnLogging } from "./sfn/logging";
import { sfnTracing } from "./sfn/tracing";
import { descriptionRequired } from "./tags/description-required";

export const parityPolicies: readonly PolicyDefinition[] = [
  ec2NoPublicIp,
  lbAccessLogs,
  apigatewayDomainTls12,
  mskEncryptionInTransit,
  firehoseEncrypted,
  dbAutoMinorVersionUpgrade,
  dbIamAuthentication,
  eksControlPlaneLogs,
  eksSecretsEncryption,
  kmsNoLockoutBypass,
  iamUserNoAttachedPolicies,
  lambdaTracing,
  sfnLogging,
  sfnTracing,
  descriptionRequired,
  apigatewayAuthorization,
  athenaEncrypted,
  cloudfrontAccessLogs,
  cloudfrontWaf,
  cognitoIdentityPoolNoUnauthenticated,
  cognitoPasswordPolicy,
  cognitoThreatProtection,
  cognitoUserPoolMfa,
  ec2DetailedMonitoring,
  ec2TerminationProtection,
  launchConfigurationNotUsed,
  efsRegional,
  elbClassicNotForHttp,
  elbClassicResilience,
  publicEndpointWaf,
  rdsPerformanceInsights,
  sagemakerNotebookIsolated,
  sagemakerNotebookNoRoot,
  sensitiveDataCmk,
  ecsContainerLogging,
  ecsNoPrivileged,
  ecsContainerInsights,
  secretRotation,
  messagingTlsOnly,
  sqsDeadLetterQueue,
  eventbridgeBusPolicyNotPublic,
  s3AccessLogs,
  dataStoreLogsExported,
  dbClusterBackupRetention,
  dbManagedMasterPassword,
  opensearchHighAvailability,
  elasticacheMultiAz,
  elasticacheAuth,
  neptuneClusterMultiAz,
  redshiftRequireSsl,
  redshiftAuditLogging,
  redshiftNoDefaultAdmin,
  redshiftSnapshotRetention,
  emrSecurityConfiguration,
  emrLogging,
  emrAuthentication,
  lambdaSupportedRuntime,
  cloudfrontS3OriginAccessControl,
  apigatewayExecutionLogs,
  asgElbHealthCheck,
  appsyncLogging,
  codebuildCmk,
  quicksightDataSourceSsl,
  glueSecurityConfiguration,
  flinkCheckpointing,
  beanstalkEnvironmentBaseline,
  iamNoAwsManagedPolicy,
  apigatewayRequestValidation,
];
