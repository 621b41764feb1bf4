import { lambdaPermissionNotPublic } from "../../../../policies/aws/resource-policies/lambda-permission-not-public";
import { describePolicyTable, unknown } from "../../harness";
import { ACCOUNT } from "./fixtures";

const layer = (props: Record<string, unknown>) => ({
  type: "aws:lambda/layerVersionPermission:LayerVersionPermission",
  props: { layerName: "l", versionNumber: 1, statementId: "s", action: "lambda:GetLayerVersion", ...props },
});

describePolicyTable(lambdaPermissionNotPublic, {
  base: {
    type: "aws:lambda/permission:Permission",
    props: {
      action: "lambda:InvokeFunction",
      function: "fn",
      principal: "apigateway.amazonaws.com",
      sourceArn: `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc/*/*`,
    },
  },
  pass: [
    { name: "a named account", patch: { principal: ACCOUNT, sourceArn: undefined } },
    {
      name: "an account root ARN",
      patch: { principal: `arn:aws:iam::${ACCOUNT}:root`, sourceArn: undefined },
    },
    { name: '"*" with sourceArn', patch: { principal: "*" } },
    {
      name: '"*" with sourceAccount',
      patch: { principal: "*", sourceArn: undefined, sourceAccount: ACCOUNT },
    },
    {
      name: '"*" with principalOrgId',
      patch: { principal: "*", sourceArn: undefined, principalOrgId: "o-abc123" },
    },
    {
      name: "a service without a source (not public)",
      patch: { principal: "events.amazonaws.com", sourceArn: undefined },
    },
    {
      name: "S3 with sourceAccount and sourceArn",
      patch: { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads", sourceAccount: ACCOUNT },
    },
    {
      name: "S3 with principalOrgId",
      patch: { principal: "s3.amazonaws.com", sourceArn: undefined, principalOrgId: "o-abc123" },
    },
    { name: "a layer shared with an account", fixture: layer({ principal: ACCOUNT }) },
    {
      name: 'a layer shared with "*" in an organization',
      fixture: layer({ principal: "*", organizationId: "o-abc123" }),
    },
  ],
  fail: [
    {
      name: '"*" with no source',
      patch: { principal: "*", sourceArn: undefined },
      expect:
        /principal "\*" lets anyone invoke the function \(no sourceArn, sourceAccount or principalOrgId\); name the calling account/,
      count: 1,
    },
    {
      name: "an account wildcard principal",
      patch: { principal: "arn:aws:iam::*:root", sourceArn: undefined },
      expect: /principal "arn:aws:iam::\*:root" lets anyone invoke/,
      count: 1,
    },
    {
      name: '"*" with a wildcard-only sourceArn',
      patch: { principal: "*", sourceArn: "arn:aws:execute-api:*:*:*" },
      expect: /sourceArn "arn:aws:execute-api:\*:\*:\*" matches anyone/,
      count: 1,
    },
    {
      name: '"*" with sourceAccount "*"',
      patch: { principal: "*", sourceArn: undefined, sourceAccount: "*" },
      expect: /sourceAccount "\*" matches anyone/,
      count: 1,
    },
    {
      name: 'a public function URL permission ("*", functionUrlAuthType NONE)',
      patch: {
        principal: "*",
        sourceArn: undefined,
        action: "lambda:InvokeFunctionUrl",
        functionUrlAuthType: "NONE",
      },
      expect: /lets anyone invoke the function/,
      count: 1,
    },
    {
      name: "S3 without sourceAccount",
      patch: { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads" },
      expect: /principal "s3\.amazonaws\.com" has no sourceAccount.*set sourceAccount/,
      count: 1,
    },
    {
      name: 'a layer shared with "*"',
      fixture: layer({ principal: "*" }),
      expect: /shares the layer version with every AWS account; name the account id/,
      count: 1,
    },
  ],
  unknown: [
    { name: "principal unknown", patch: { principal: unknown } },
    { name: '"*" with sourceArn unknown', patch: { principal: "*", sourceArn: unknown } },
    {
      name: "S3 with sourceAccount unknown",
      patch: { principal: "s3.amazonaws.com", sourceAccount: unknown },
    },
    {
      name: 'a layer for "*" with organizationId unknown',
      fixture: layer({ principal: "*", organizationId: unknown }),
    },
  ],
});
