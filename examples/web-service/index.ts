/**
 * web-service: a three-tier web service on AWS, on the Paved road.
 *
 *   internet --443--> ALB (public tier) --8080--> app servers (app tier) --5432--> database (data tier)
 *
 * - AppRegistration + the stack transform: the application is registered in
 *   AppRegistry and every resource below is tagged with the governance tags.
 * - SegmentedNetwork: the VPC, its tiers and the only flows allowed between them.
 * - LeastPrivilegeRole: what the app servers may do in AWS, and nothing more.
 * - AlarmSet + HealthScore + Dashboard: alarms per resource, one 0-100 health
 *   score for the service (the deployment gate), and a dashboard.
 *
 * The load balancer and the instances are plain `@pulumi/aws` resources: the
 * policy pack checks raw resources too, and the stack transform tags them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  AlarmSet,
  AppRegistration,
  Dashboard,
  HealthScore,
  LeastPrivilegeRole,
  SegmentedNetwork,
} from "paved";

// The app's own settings live under "app:" (app:flowTicket, ...), not the project's
// name, so they keep working when `pulumi new` gives the project another name.
const config = new pulumi.Config("app");
/** The ticket that approved the network flows (`CHG-1234`). */
const flowTicket = config.require("flowTicket");
/** The TLS certificate of the service's domain, in ACM. */
const certificateArn = config.require("certificateArn");
/** The platform's hardened AMI for the app servers. */
const amiId = config.require("amiId");
/** The S3 bucket the app reads its static assets from. */
const assetsBucket = config.require("assetsBucket");
/** Where alarms are sent. */
const alarmEmail = config.require("alarmEmail");

// 1. Register the application in AppRegistry. It also registers the stack
//    transform that tags every resource created after it (raw ones included)
//    with the governance tags and the application's tag: create it first.
const app = new AppRegistration("shop", {
  description: "The shop's web front end and API",
  tier1Contacts: [alarmEmail],
});

// 2. The network: three tiers in two AZs, and the flows between them. Nothing
//    else passes; every rule carries its justification and ticket.
const net = new SegmentedNetwork("shop", {
  vpcCidr: "10.20.0.0/16",
  azCount: 2,
  tiers: [
    { name: "public", cidrMask: 24, routing: "internet" },
    { name: "app", cidrMask: 20, routing: "nat" },
    { name: "data", cidrMask: 24, routing: "none" },
  ],
  flows: [
    {
      from: "web",
      to: "public",
      justification: "customers reach the load balancer over HTTPS",
      ticket: flowTicket,
    },
    {
      from: "public",
      to: "app",
      ports: 8080,
      justification: "the load balancer forwards requests to the app servers",
      ticket: flowTicket,
    },
    {
      from: "app",
      to: "data",
      ports: 5432,
      justification: "the app servers query the PostgreSQL database",
      ticket: flowTicket,
    },
    {
      from: "app",
      to: "s3",
      ports: 443,
      justification: "the app servers read static assets through the S3 gateway endpoint",
      ticket: flowTicket,
    },
    {
      from: "app",
      to: "internet",
      ports: 443,
      justification: "the app servers call the payment provider's API through NAT",
      ticket: flowTicket,
    },
  ],
});

// 3. The app servers' role: read the assets, publish metrics. Nothing else.
const role = new LeastPrivilegeRole("shop-app", {
  trust: { service: "ec2.amazonaws.com" },
  statements: [
    { actions: ["s3:GetObject"], resources: [`arn:aws:s3:::${assetsBucket}/*`] },
    { actions: ["s3:ListBucket"], resources: [`arn:aws:s3:::${assetsBucket}`] },
    { actions: ["cloudwatch:PutMetricData"], resources: ["*"] },
  ],
});
const profile = new aws.iam.InstanceProfile("shop-app", { role: role.name });

// 4. The load balancer (public tier) and the app servers (app tier), one per AZ.
//    The pack requires, in prod, access logs and a WAF on anything the internet reaches:
//    a private, encrypted, TLS-only log bucket that only ELB log delivery may write to.
// Access logs are operational data, not the app's: classified internal. ALB logs support SSE-S3
// only, which S3 applies to every new object by default.
const albLogs = new aws.s3.Bucket("shop-alb-logs", { tags: { "data-classification": "internal" } });
new aws.s3.BucketPublicAccessBlock("shop-alb-logs", {
  bucket: albLogs.id,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});
const albLogsPolicy = new aws.s3.BucketPolicy("shop-alb-logs", {
  bucket: albLogs.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ElbLogDelivery",
        Effect: "Allow",
        Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: pulumi.interpolate`${albLogs.arn}/alb/*`,
      },
      {
        Sid: "TlsOnly",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [albLogs.arn, pulumi.interpolate`${albLogs.arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  }),
});
const alb = new aws.lb.LoadBalancer(
  "shop",
  {
    loadBalancerType: "application",
    internal: false,
    subnets: net.subnetIds.apply((s) => s["public"]),
    securityGroups: [net.securityGroupIds.apply((g) => g["public"])],
    dropInvalidHeaderFields: true,
    accessLogs: { bucket: albLogs.bucket, prefix: "alb", enabled: true },
  },
  { dependsOn: [albLogsPolicy] },
);
const visibility = (metricName: string) => ({
  cloudwatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});
const waf = new aws.wafv2.WebAcl("shop-waf", {
  scope: "REGIONAL",
  defaultAction: { allow: {} },
  visibilityConfig: visibility("shop-waf"),
  rules: [
    {
      name: "aws-common-rules",
      priority: 0,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
      visibilityConfig: visibility("shop-waf-common"),
    },
  ],
});
new aws.wafv2.WebAclAssociation("shop-waf", { resourceArn: alb.arn, webAclArn: waf.arn });
const targets = new aws.lb.TargetGroup("shop", {
  port: 8080,
  protocol: "HTTP",
  vpcId: net.vpcId,
  healthCheck: { path: "/healthz", matcher: "200" },
});
new aws.lb.Listener("shop-https", {
  loadBalancerArn: alb.arn,
  port: 443,
  protocol: "HTTPS",
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  certificateArn,
  defaultActions: [{ type: "forward", targetGroupArn: targets.arn }],
});
new aws.lb.Listener("shop-http", {
  loadBalancerArn: alb.arn,
  port: 80,
  protocol: "HTTP",
  defaultActions: [
    { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
  ],
});

const servers = [0, 1].map((az) => {
  const server = new aws.ec2.Instance(`shop-app-${az}`, {
    ami: amiId,
    instanceType: "t3.small",
    subnetId: net.subnetIds.apply((s) => s["app"][az]),
    vpcSecurityGroupIds: [net.securityGroupIds.apply((g) => g["app"])],
    iamInstanceProfile: profile.name,
    metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
    rootBlockDevice: { encrypted: true, volumeType: "gp3", volumeSize: 20 },
    monitoring: true,
  });
  new aws.lb.TargetGroupAttachment(`shop-app-${az}`, {
    targetGroupArn: targets.arn,
    targetId: server.id,
    port: 8080,
  });
  return server;
});

// 5. Monitoring: alarms per resource, one health score, one dashboard.
const monitored = [
  ...servers.map((s, i) => ({ kind: "ec2Instance" as const, name: `app-${i}`, instanceId: s.id })),
  { kind: "natGateway" as const, name: "nat", natGatewayId: net.natGatewayIds.apply((ids) => ids[0]) },
  {
    kind: "albTargetGroup" as const,
    name: "web",
    loadBalancer: alb.arnSuffix,
    targetGroup: targets.arnSuffix,
  },
];
const alarms = new AlarmSet("shop", {
  targets: monitored,
  subscriptions: [{ protocol: "email", endpoint: alarmEmail }],
});
const health = new HealthScore("shop", {
  source: { kind: "albTargetGroup", loadBalancer: alb.arnSuffix, targetGroup: targets.arnSuffix },
  throughputBaseline: 600, // requests a minute on a normal day
  alarmSets: [alarms],
});
const dashboard = new Dashboard("shop", {
  alarmSet: alarms,
  healthScore: health,
});

export const applicationArn = app.applicationArn;
export const vpcId = net.vpcId;
export const url = pulumi.interpolate`https://${alb.dnsName}`;
export const appRoleArn = role.arn;
export const appRoleSummary = role.summary;
export const firewallRegister = net.registerMarkdown;
export const natMonthlyCost = net.monthlyCostEstimate;
export const alarmTopic = alarms.topicArn;
export const deploymentGate = health.gateAlarmName;
export const dashboardName = dashboard.dashboardName;
