/**
 * The reference platform program: a small landing zone built from the Paved
 * components. Stack config lives in stacks/ (Pulumi.<env>.yaml): the same
 * program runs in dev, staging and prod, and the stacks differ only where
 * stacks/drift-allow.yaml says they may (`paved drift` checks it in CI).
 *
 * - an AppRegistration: the landing zone in AppRegistry, and the stack
 *   transform that tags every resource created after it;
 * - a SegmentedNetwork whose NAT strategy, AZ count and flow-log retention
 *   come from the stack;
 * - a LeastPrivilegeRole that the platform's CI (GitHub Actions, through OIDC)
 *   assumes to deploy, pinned to the deployment environment of this stack;
 * - an AlarmSet on the NAT gateways, with per-environment thresholds from
 *   `paved:alarmThresholds`.
 *
 * Imports are relative: this program lives in the library's own repository.
 * App teams import the same classes from "paved" (see examples/).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  AlarmSet,
  AppRegistration,
  Governance,
  governanceFromConfig,
  LeastPrivilegeRole,
  NatStrategy,
  SegmentedNetwork,
  validateGovernance,
} from "./components";

const configured = governanceFromConfig();
const problems = validateGovernance(configured);
if (problems.length > 0) {
  throw new pulumi.RunError(problems.map((p) => `${p.arg} ${p.problem}; ${p.fix}`).join("\n"));
}
/** Valid from here on: every required field is set. */
const governance = configured as Governance;

const platform = new pulumi.Config("platform");
const vpcCidr = platform.require("vpcCidr");
const azCount = platform.requireNumber("azCount");
const nat = platform.require("natStrategy") as NatStrategy;
const flowLogRetentionDays = platform.requireNumber("flowLogRetentionDays");
const alarmEmail = platform.require("alarmEmail");
const ciRepository = platform.get("ciRepository") ?? "example-org/platform-landing-zone";
const region = new pulumi.Config("aws").require("region");
const accountId = aws.getCallerIdentityOutput().accountId;

/** NAT gateways the strategy creates: the AlarmSet watches each one. */
function natGatewayCount(strategy: NatStrategy, azs: number): number {
  switch (strategy) {
    case "none":
      return 0;
    case "single":
      return 1;
    case "perAz":
      return azs;
    default: {
      const never: never = strategy;
      throw new pulumi.RunError(`platform:natStrategy "${String(never)}" is not none, single or perAz`);
    }
  }
}

const registration = new AppRegistration("platform", {
  description: `The ${governance.environment} landing zone: network, CI deployer role and NAT alarms`,
  tier1Contacts: [alarmEmail],
});

const network = new SegmentedNetwork("platform", {
  vpcCidr,
  azCount,
  nat,
  flowLogs: { destination: "cloudWatch", retentionInDays: flowLogRetentionDays },
  interfaceEndpoints: ["ssm", "ssmmessages", "ec2messages"],
  flows: [
    {
      from: "web",
      to: "public",
      justification: "shared ingress: HTTPS to the platform's load balancers",
      ticket: "CHG-1000",
    },
    {
      from: "public",
      to: "app",
      ports: "8000-8999",
      justification: "load balancers forward to application ports on the app tier",
      ticket: "CHG-1000",
    },
    {
      from: "app",
      to: "data",
      ports: [5432, 6379],
      justification: "applications reach PostgreSQL and Redis in the data tier",
      ticket: "CHG-1000",
    },
    {
      from: "app",
      to: "internet",
      ports: 443,
      justification: "applications call external HTTPS APIs through NAT",
      ticket: "CHG-1000",
    },
  ],
});

const deployer = new LeastPrivilegeRole("platform-deployer", {
  description: `Deploys the ${governance.environment} landing zone from CI`,
  trust: { githubOidc: { repo: ciRepository, environments: [governance.environment] } },
  statements: [
    {
      actions: ["ec2:Describe*"],
      resources: ["*"],
      justification:
        "the deployment reads the VPC's state before changing it; EC2 Describe calls have no resource-level permissions",
    },
    {
      actions: ["ssm:GetParameter", "ssm:GetParameters"],
      resources: [
        pulumi.interpolate`arn:aws:ssm:${region}:${accountId}:parameter/platform/${governance.environment}/*`,
      ],
    },
  ],
  maxSessionDuration: 3600,
});

const natCount = natGatewayCount(nat, azCount);
const alarms = new AlarmSet("platform", {
  targets: Array.from({ length: natCount }, (_, i) => ({
    kind: "natGateway" as const,
    name: `nat-${i}`,
    natGatewayId: network.natGatewayIds.apply((ids) => ids[i]),
  })),
  subscriptions: [{ protocol: "email", endpoint: alarmEmail }],
});

export const environment = governance.environment;
export const applicationArn = registration.applicationArn;
export const vpcId = network.vpcId;
export const subnetIds = network.subnetIds;
export const firewallRegister = network.registerMarkdown;
export const natMonthlyCost = network.monthlyCostEstimate;
export const deployerRoleArn = deployer.arn;
export const alarmTopicArn = alarms.topicArn;
