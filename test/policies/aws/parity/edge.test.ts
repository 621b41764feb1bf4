import { apigatewayAuthorization } from "../../../../policies/aws/parity/apigateway/authorization";
import { cloudfrontAccessLogs } from "../../../../policies/aws/parity/cloudfront/access-logs";
import { cloudfrontWaf } from "../../../../policies/aws/parity/cloudfront/waf";
import { publicEndpointWaf } from "../../../../policies/aws/parity/elb/public-endpoint-waf";
import { describePolicyTable, unknown, urnOf } from "../../harness";

const DIST = "aws:cloudfront/distribution:Distribution";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const ASSOC = "aws:wafv2/webAclAssociation:WebAclAssociation";

describePolicyTable(cloudfrontWaf, {
  base: { type: DIST, props: { enabled: true, webAclId: "arn:aws:wafv2:us-east-1:1:global/webacl/a/1" } },
  pass: [{ name: "classic WAF id", patch: { webAclId: "abc-123" } }],
  fail: [
    { name: "no web ACL", patch: { webAclId: undefined }, expect: /webAclId is unset/, count: 1 },
    { name: "empty web ACL", patch: { webAclId: "" }, expect: /webAclId is unset/ },
  ],
  unknown: [{ name: "id unknown", patch: { webAclId: unknown } }],
});

describePolicyTable(cloudfrontAccessLogs, {
  base: [
    { type: DIST, name: "cdn", props: { enabled: true, loggingConfig: { bucket: "logs.s3.amazonaws.com" } } },
  ],
  pass: [
    {
      name: "standard logging v2 by dependency",
      stack: () => [
        { type: DIST, name: "cdn", props: { enabled: true } },
        {
          type: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
          name: "src",
          props: { logType: "ACCESS_LOGS", resourceArn: unknown },
          dependencies: [urnOf(DIST, "cdn")],
        },
      ],
    },
    {
      name: "standard logging v2 by ARN",
      stack: () => [
        { type: DIST, name: "cdn", props: { enabled: true, arn: "arn:aws:cloudfront::1:distribution/E1" } },
        {
          type: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
          name: "src",
          props: { logType: "ACCESS_LOGS", resourceArn: "arn:aws:cloudfront::1:distribution/E1" },
        },
      ],
    },
  ],
  fail: [
    {
      name: "no logging",
      stack: () => [{ type: DIST, name: "cdn", props: { enabled: true } }],
      expect: /distribution "cdn" keeps no access log/,
      urn: urnOf(DIST, "cdn"),
      count: 1,
    },
    {
      name: "a source for another distribution",
      stack: () => [
        { type: DIST, name: "cdn", props: { enabled: true, arn: "arn:aws:cloudfront::1:distribution/E1" } },
        {
          type: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
          name: "src",
          props: { logType: "ACCESS_LOGS", resourceArn: "arn:aws:cloudfront::1:distribution/E2" },
        },
      ],
      expect: /keeps no access log/,
    },
  ],
  unknown: [
    {
      name: "bucket unknown",
      stack: () => [{ type: DIST, name: "cdn", props: { loggingConfig: { bucket: unknown } } }],
    },
    {
      name: "source ARN unknown, no dependency",
      stack: () => [
        { type: DIST, name: "cdn", props: {} },
        {
          type: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
          name: "src",
          props: { resourceArn: unknown },
        },
      ],
    },
  ],
});

const alb = { type: LB, name: "web", props: { loadBalancerType: "application", internal: false } };
const assoc = {
  type: ASSOC,
  name: "waf",
  props: { webAclArn: "acl", resourceArn: unknown },
  dependencies: [urnOf(LB, "web")],
};

describePolicyTable(publicEndpointWaf, {
  base: [alb, assoc],
  pass: [
    { name: "internal ALB", stack: () => [{ ...alb, props: { internal: true } }] },
    { name: "network LB", stack: () => [{ ...alb, props: { loadBalancerType: "network" } }] },
    {
      name: "association by ARN",
      stack: () => [
        { ...alb, props: { arn: "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/abc" } },
        {
          type: ASSOC,
          name: "waf",
          props: { resourceArn: "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/abc" },
        },
      ],
    },
  ],
  fail: [
    {
      name: "public ALB alone",
      stack: () => [alb],
      expect: /load balancer "web" is reachable from the internet without a WAF/,
      urn: urnOf(LB, "web"),
      count: 1,
    },
    { name: "type defaults to application", stack: () => [{ ...alb, props: {} }], expect: /without a WAF/ },
    {
      name: "REST stage without WAF",
      stack: () => [
        {
          type: "aws:apigateway/stage:Stage",
          name: "prod",
          props: { stageName: "prod", restApi: "a", deployment: "d" },
        },
      ],
      expect: /REST API stage "prod"/,
    },
    {
      name: "alb alias without WAF",
      stack: () => [{ ...alb, type: "aws:alb/loadBalancer:LoadBalancer" }],
      expect: /without a WAF/,
    },
  ],
  unknown: [
    { name: "type unknown", stack: () => [{ ...alb, props: { loadBalancerType: unknown } }] },
    { name: "internal unknown", stack: () => [{ ...alb, props: { internal: unknown } }] },
    {
      name: "association target unknown",
      stack: () => [alb, { type: ASSOC, name: "waf", props: { resourceArn: unknown } }],
    },
  ],
});

describePolicyTable(apigatewayAuthorization, {
  base: {
    type: "aws:apigateway/method:Method",
    props: { restApi: "a", resourceId: "r", httpMethod: "GET", authorization: "AWS_IAM" },
  },
  pass: [
    { name: "OPTIONS preflight", patch: { httpMethod: "OPTIONS", authorization: "NONE" } },
    { name: "Cognito", patch: { authorization: "COGNITO_USER_POOLS", authorizerId: "x" } },
    {
      name: "HTTP route with JWT",
      fixture: {
        type: "aws:apigatewayv2/route:Route",
        props: { apiId: "a", routeKey: "GET /items", authorizationType: "JWT" },
      },
    },
    {
      name: "WebSocket message route",
      fixture: { type: "aws:apigatewayv2/route:Route", props: { apiId: "a", routeKey: "sendMessage" } },
    },
  ],
  fail: [
    {
      name: "NONE",
      patch: { authorization: "NONE" },
      expect: /authorization is "NONE", so anyone who finds the GET endpoint/,
      count: 1,
    },
    { name: "lower-case none", patch: { authorization: "none" }, expect: /"none"/ },
    {
      name: "HTTP route without authorizer",
      fixture: { type: "aws:apigatewayv2/route:Route", props: { apiId: "a", routeKey: "POST /orders" } },
      expect: /authorizationType is unset \(NONE\) on route "POST \/orders"/,
    },
    {
      name: "WebSocket $connect NONE",
      fixture: {
        type: "aws:apigatewayv2/route:Route",
        props: { apiId: "a", routeKey: "$connect", authorizationType: "NONE" },
      },
      expect: /"NONE" on route "\$connect"/,
    },
  ],
  unknown: [{ name: "authorization unknown", patch: { authorization: unknown } }],
});
