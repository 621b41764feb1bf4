import { apigatewayExecutionLogs } from "../../../../policies/aws/parity/apigateway/execution-logs";
import { apigatewayRequestValidation } from "../../../../policies/aws/parity/apigateway/request-validation";
import { appsyncLogging } from "../../../../policies/aws/parity/appsync/logging";
import { asgElbHealthCheck } from "../../../../policies/aws/parity/autoscaling/elb-health-check";
import { beanstalkEnvironmentBaseline } from "../../../../policies/aws/parity/beanstalk/environment-baseline";
import { cloudfrontS3OriginAccessControl } from "../../../../policies/aws/parity/cloudfront/s3-origin-access-control";
import { codebuildCmk } from "../../../../policies/aws/parity/codebuild/cmk";
import { flinkCheckpointing } from "../../../../policies/aws/parity/flink/checkpointing";
import { iamNoAwsManagedPolicy } from "../../../../policies/aws/parity/iam/no-aws-managed-policy";
import { lambdaSupportedRuntime } from "../../../../policies/aws/parity/lambda/supported-runtime";
import { describePolicyTable, unknown, urnOf } from "../../harness";

describePolicyTable(lambdaSupportedRuntime, {
  base: { type: "aws:lambda/function:Function", props: { role: "r", runtime: "nodejs22.x" } },
  pass: [
    { name: "container image", patch: { runtime: undefined, packageType: "Image" } },
    {
      name: "config narrows the list",
      patch: { runtime: "python3.9" },
      options: { config: { deprecatedRuntimes: ["python3.8"] } },
    },
  ],
  fail: [
    {
      name: "python3.8",
      patch: { runtime: "python3.8" },
      expect: /runtime is "python3.8", which AWS no longer patches/,
      count: 1,
    },
    { name: "go1.x", patch: { runtime: "go1.x" }, expect: /go1.x/ },
  ],
  unknown: [{ name: "runtime unknown", patch: { runtime: unknown } }],
});

const DIST = "aws:cloudfront/distribution:Distribution";
const s3Origin = {
  originId: "s3",
  domainName: "assets.s3.us-east-1.amazonaws.com",
  originAccessControlId: "oac-1",
};
describePolicyTable(cloudfrontS3OriginAccessControl, {
  base: { type: DIST, props: { enabled: true, origins: [s3Origin] } },
  pass: [
    {
      name: "custom origin",
      patch: {
        origins: [
          {
            originId: "api",
            domainName: "api.example.com",
            customOriginConfig: { originProtocolPolicy: "https-only" },
          },
        ],
      },
    },
    {
      name: "website endpoint",
      patch: { origins: [{ originId: "w", domainName: "site.s3-website-us-east-1.amazonaws.com" }] },
    },
  ],
  fail: [
    {
      name: "no OAC",
      patch: { origins: [{ ...s3Origin, originAccessControlId: undefined }] },
      expect: /origins\[0\] \(assets.s3.us-east-1.amazonaws.com\) has no originAccessControlId/,
      count: 1,
    },
    {
      name: "legacy OAI",
      patch: {
        origins: [
          {
            originId: "s3",
            domainName: "assets.s3.amazonaws.com",
            s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E1" },
          },
        ],
      },
      expect: /legacy origin access identity/,
    },
  ],
  unknown: [{ name: "OAC unknown", patch: { origins: [{ ...s3Origin, originAccessControlId: unknown }] } }],
});

const STAGE = "aws:apigateway/stage:Stage";
const MS = "aws:apigateway/methodSettings:MethodSettings";
const stage = { type: STAGE, name: "prod", props: { restApi: "api1", stageName: "prod", deployment: "d" } };
const settings = {
  type: MS,
  name: "all",
  props: {
    restApi: "api1",
    stageName: "prod",
    methodPath: "*/*",
    settings: { loggingLevel: "ERROR", metricsEnabled: true },
  },
};
describePolicyTable(apigatewayExecutionLogs, {
  base: [stage, settings],
  pass: [
    {
      name: "INFO by dependency",
      stack: () => [
        stage,
        {
          ...settings,
          props: { ...settings.props, stageName: unknown, settings: { loggingLevel: "INFO" } },
          dependencies: [urnOf(STAGE, "prod")],
        },
      ],
    },
  ],
  fail: [
    {
      name: "no settings",
      stack: () => [stage],
      expect: /stage "prod" logs no method execution/,
      urn: urnOf(STAGE, "prod"),
      count: 1,
    },
    {
      name: "OFF",
      stack: () => [stage, { ...settings, props: { ...settings.props, settings: { loggingLevel: "OFF" } } }],
      expect: /logs no method execution/,
    },
    {
      name: "one method only",
      stack: () => [stage, { ...settings, props: { ...settings.props, methodPath: "items/GET" } }],
      expect: /logs no method execution/,
    },
    {
      name: "another stage",
      stack: () => [stage, { ...settings, props: { ...settings.props, stageName: "dev" } }],
      expect: /logs no method execution/,
    },
  ],
  unknown: [
    {
      name: "stage name unknown",
      stack: () => [stage, { ...settings, props: { ...settings.props, stageName: unknown } }],
    },
  ],
});

describePolicyTable(asgElbHealthCheck, {
  base: {
    type: "aws:autoscaling/group:Group",
    props: { maxSize: 2, minSize: 1, targetGroupArns: ["tg"], healthCheckType: "ELB" },
  },
  pass: [
    { name: "not behind a load balancer", patch: { targetGroupArns: undefined, healthCheckType: undefined } },
  ],
  fail: [
    {
      name: "EC2 default",
      patch: { healthCheckType: undefined },
      expect: /healthCheckType is unset \(EC2\)/,
      count: 1,
    },
    {
      name: "classic ELB with EC2",
      patch: { targetGroupArns: undefined, loadBalancers: ["lb"], healthCheckType: "EC2" },
      expect: /"EC2"/,
    },
  ],
  unknown: [{ name: "type unknown", patch: { healthCheckType: unknown } }],
});

describePolicyTable(appsyncLogging, {
  base: {
    type: "aws:appsync/graphQLApi:GraphQLApi",
    props: {
      authenticationType: "AWS_IAM",
      logConfig: { cloudwatchLogsRoleArn: "r", fieldLogLevel: "ERROR" },
    },
  },
  pass: [{ name: "ALL", patch: { logConfig: { cloudwatchLogsRoleArn: "r", fieldLogLevel: "ALL" } } }],
  fail: [
    { name: "unset", patch: { logConfig: undefined }, expect: /logConfig is unset/, count: 1 },
    {
      name: "NONE",
      patch: { logConfig: { cloudwatchLogsRoleArn: "r", fieldLogLevel: "NONE" } },
      expect: /"NONE"/,
    },
  ],
  unknown: [
    { name: "unknown", patch: { logConfig: { cloudwatchLogsRoleArn: "r", fieldLogLevel: unknown } } },
  ],
});

describePolicyTable(codebuildCmk, {
  base: {
    type: "aws:codebuild/project:Project",
    props: { serviceRole: "r", encryptionKey: "arn:aws:kms:us-east-1:1:key/k" },
  },
  pass: [{ name: "alias of a customer key", patch: { encryptionKey: "alias/builds" } }],
  fail: [
    { name: "unset", patch: { encryptionKey: undefined }, expect: /encryptionKey is unset/, count: 1 },
    { name: "AWS managed alias", patch: { encryptionKey: "alias/aws/s3" }, expect: /"alias\/aws\/s3"/ },
  ],
  unknown: [{ name: "unknown", patch: { encryptionKey: unknown } }],
});

const APP = "aws:kinesisanalyticsv2/application:Application";
const flink = (cp: unknown) => ({
  applicationConfiguration: { flinkApplicationConfiguration: { checkpointConfiguration: cp } },
});
describePolicyTable(flinkCheckpointing, {
  base: {
    type: APP,
    props: {
      runtimeEnvironment: "FLINK-1_20",
      serviceExecutionRole: "r",
      ...flink({ configurationType: "DEFAULT" }),
    },
  },
  pass: [
    {
      name: "custom with checkpoints",
      patch: flink({ configurationType: "CUSTOM", checkpointingEnabled: true }),
    },
    {
      name: "SQL application",
      patch: {
        runtimeEnvironment: "SQL-1_0",
        ...flink({ configurationType: "CUSTOM", checkpointingEnabled: false }),
      },
    },
  ],
  fail: [
    {
      name: "custom without checkpoints",
      patch: flink({ configurationType: "CUSTOM", checkpointingEnabled: false }),
      expect: /CUSTOM without checkpointingEnabled/,
      count: 1,
    },
    { name: "custom, flag unset", patch: flink({ configurationType: "CUSTOM" }), expect: /CUSTOM/ },
  ],
  unknown: [
    { name: "unknown", patch: flink({ configurationType: "CUSTOM", checkpointingEnabled: unknown }) },
  ],
});

const EB = "aws:elasticbeanstalk/environment:Environment";
const GOOD = [
  { namespace: "aws:ec2:vpc", name: "VPCId", value: "vpc-1" },
  { namespace: "aws:elasticbeanstalk:managedactions", name: "ManagedActionsEnabled", value: "true" },
  { namespace: "aws:elasticbeanstalk:hostmanager", name: "LogPublicationControl", value: "true" },
];
describePolicyTable(beanstalkEnvironmentBaseline, {
  base: { type: EB, props: { application: "a", settings: GOOD } },
  pass: [
    {
      name: "extra settings",
      patch: { settings: [...GOOD, { namespace: "aws:autoscaling:asg", name: "MinSize", value: "2" }] },
    },
  ],
  fail: [
    {
      name: "no settings",
      patch: { settings: undefined },
      expect: /no aws:ec2:vpc VPCId.*ManagedActionsEnabled.*LogPublicationControl/,
      count: 1,
    },
    {
      name: "logs off",
      patch: { settings: [GOOD[0], GOOD[1], { ...GOOD[2], value: "false" }] },
      expect: /LogPublicationControl is not true/,
    },
  ],
  unknown: [{ name: "settings unknown", patch: { settings: unknown } }],
});

const PROD = { stackConfig: { environment: "prod" } };
describePolicyTable(iamNoAwsManagedPolicy, {
  base: {
    type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    props: { role: "r", policyArn: "arn:aws:iam::111122223333:policy/app" },
  },
  options: PROD,
  pass: [
    {
      name: "service-role policy",
      patch: { policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" },
    },
    { name: "allow-listed", patch: { policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" } },
    {
      name: "dev stack",
      patch: { policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" },
      options: { stackConfig: { environment: "dev" } },
    },
  ],
  fail: [
    {
      name: "AWS managed in prod",
      patch: { policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" },
      expect: /AWS managed policy "AmazonS3ReadOnlyAccess" in prod/,
      count: 1,
    },
    {
      name: "role managedPolicyArns",
      fixture: {
        type: "aws:iam/role:Role",
        props: {
          assumeRolePolicy: "{}",
          managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::1:policy/x"],
        },
      },
      expect: /managedPolicyArns attaches the AWS managed policy "ReadOnlyAccess"/,
      count: 1,
    },
    {
      name: "GovCloud partition",
      patch: { policyArn: "arn:aws-us-gov:iam::aws:policy/AmazonS3ReadOnlyAccess" },
      expect: /AmazonS3ReadOnlyAccess/,
    },
  ],
  unknown: [{ name: "arn unknown", patch: { policyArn: unknown } }],
});

const API = "aws:apigateway/restApi:RestApi";
const VALIDATOR = "aws:apigateway/requestValidator:RequestValidator";
describePolicyTable(apigatewayRequestValidation, {
  base: [
    { type: API, name: "shop", props: { name: "shop", id: "a1b2" } },
    { type: VALIDATOR, name: "body", props: { restApi: "a1b2", validateRequestBody: true } },
  ],
  pass: [
    {
      name: "validator by dependency",
      stack: (b) => [
        b[0],
        {
          ...b[1],
          props: { restApi: unknown, validateRequestParameters: true },
          dependencies: [urnOf(API, "shop")],
        },
      ],
    },
    {
      name: "OpenAPI body declares validators",
      stack: (b) => [
        {
          ...b[0],
          props: { body: JSON.stringify({ "x-amazon-apigateway-request-validators": { all: {} } }) },
        },
      ],
    },
  ],
  fail: [
    {
      name: "no validator",
      stack: (b) => [b[0]],
      expect: /REST API "shop" validates no request/,
      urn: urnOf(API, "shop"),
      count: 1,
    },
    {
      name: "validator that validates nothing",
      stack: (b) => [b[0], { ...b[1], props: { restApi: "a1b2" } }],
      expect: /validates no request/,
    },
    {
      name: "validator of another API",
      stack: (b) => [b[0], { ...b[1], props: { restApi: "zzz", validateRequestBody: true } }],
      expect: /validates no request/,
    },
  ],
  unknown: [
    {
      name: "validator target unknown",
      stack: (b) => [b[0], { ...b[1], props: { restApi: unknown, validateRequestBody: true } }],
    },
    {
      name: "validator flag unknown",
      stack: (b) => [b[0], { ...b[1], props: { restApi: unknown, validateRequestBody: unknown } }],
    },
  ],
});
