/**
 * What an offline AWS answers: the state a created resource reports and the
 * results of the data sources Paved's components and examples call. One
 * implementation, used by the mock engine of `paved check` (`mocks.ts`) and by
 * the stand-in `pulumi-resource-aws` provider the real-engine tests run
 * (`engine/providers/aws.ts`), so the two can never disagree.
 *
 * Pure: no Pulumi imports, no I/O. Ids are derived from the resource's type and
 * name (never from a counter), so a second run gives the same ids and a
 * `pulumi preview --expect-no-changes` after `pulumi up` finds nothing to do.
 */
import { createHash } from "crypto";

/** Where the offline account lives. */
export interface AccountContext {
  /** @default "us-east-1" */
  readonly region: string;
  /** @default "123456789012" */
  readonly accountId: string;
}

/** The account both engines answer for unless the stack says otherwise. */
export const DEFAULT_ACCOUNT: AccountContext = { region: "us-east-1", accountId: "123456789012" };

/** AZ suffixes per region; regions not listed get a, b, c. Counts from the AWS Regions and Zones page. */
const AZ_SUFFIXES: Record<string, string> = {
  "us-east-1": "abcdef",
  "us-east-2": "abc",
  "us-west-1": "ac",
  "us-west-2": "abcd",
  "eu-west-1": "abc",
  "eu-west-2": "abc",
  "eu-central-1": "abc",
  "eu-north-1": "abc",
  "ap-southeast-1": "abc",
  "ap-southeast-2": "abc",
  "ap-northeast-1": "acd",
  "ca-central-1": "abd",
  "sa-east-1": "abc",
};

/** The AZ names offline AWS returns for a region. */
export function availabilityZones(region: string): string[] {
  return [...(AZ_SUFFIXES[region] ?? "abc")].map((s) => `${region}${s}`);
}

function shortType(type: string): { service: string; resource: string } {
  // "aws:ec2/securityGroup:SecurityGroup" -> service "ec2", resource "securityGroup"
  const [, mod = "", res = ""] = type.split(":");
  return { service: mod.split("/")[0], resource: `${res.charAt(0).toLowerCase()}${res.slice(1)}` };
}

/** A short stable digest of a resource's identity: the same type and name give the same id in every run. */
function digest(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 8);
}

/**
 * The physical id offline AWS gives a resource: its name where AWS uses the name as the id
 * (S3 buckets, IAM roles, log groups, ...), else `<name>-<8 hex digits of its type and name>`.
 */
export function resourceId(type: string, name: string, inputs: Record<string, unknown> = {}): string {
  const physical = typeof inputs.name === "string" ? inputs.name : name;
  switch (type) {
    // Resources whose id is their name in AWS (policies match references by it).
    case "aws:s3/bucket:Bucket":
    case "aws:s3/bucketV2:BucketV2":
      return typeof inputs.bucket === "string" ? inputs.bucket : physical;
    case "aws:iam/role:Role":
    case "aws:iam/user:User":
    case "aws:iam/group:Group":
    case "aws:iam/instanceProfile:InstanceProfile":
    case "aws:cloudwatch/logGroup:LogGroup":
    case "aws:lambda/function:Function":
    case "aws:dynamodb/table:Table":
    case "aws:ecr/repository:Repository":
      return physical;
    default:
      return `${name}-${digest(type, name)}`;
  }
}

/** A hex digest as long as AWS's own random id parts (`0123456789abcdef`). */
function longDigest(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}

/**
 * The ARN AWS gives a resource, in the service's own format (global services
 * without a region, S3 without an account, ELB with its generated suffix), so
 * policies that parse ARNs see what they would see in a real account.
 */
export function resourceArn(type: string, name: string, physical: string, account: AccountContext): string {
  const { service, resource } = shortType(type);
  const { region, accountId } = account;
  const id = longDigest(type, name);
  switch (type) {
    case "aws:s3/bucket:Bucket":
    case "aws:s3/bucketV2:BucketV2":
      return `arn:aws:s3:::${physical}`;
    case "aws:iam/role:Role":
    case "aws:iam/user:User":
    case "aws:iam/policy:Policy":
    case "aws:iam/group:Group":
    case "aws:iam/instanceProfile:InstanceProfile":
    case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
      return `arn:aws:iam::${accountId}:${resource.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}/${physical}`;
    case "aws:sns/topic:Topic":
      return `arn:aws:sns:${region}:${accountId}:${physical}`;
    case "aws:sqs/queue:Queue":
      return `arn:aws:sqs:${region}:${accountId}:${physical}`;
    case "aws:kms/key:Key":
      return `arn:aws:kms:${region}:${accountId}:key/${keyId(type, name)}`;
    case "aws:kms/alias:Alias":
      return `arn:aws:kms:${region}:${accountId}:${physical}`;
    case "aws:cloudwatch/logGroup:LogGroup":
      return `arn:aws:logs:${region}:${accountId}:log-group:${physical}`;
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
    case "aws:cloudwatch/compositeAlarm:CompositeAlarm":
      return `arn:aws:cloudwatch:${region}:${accountId}:alarm:${physical}`;
    case "aws:lambda/function:Function":
      return `arn:aws:lambda:${region}:${accountId}:function:${physical}`;
    case "aws:lb/loadBalancer:LoadBalancer":
    case "aws:alb/loadBalancer:LoadBalancer":
      return `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/${elbSuffix(type, name, physical, "lb")}`;
    case "aws:lb/targetGroup:TargetGroup":
    case "aws:alb/targetGroup:TargetGroup":
      return `arn:aws:elasticloadbalancing:${region}:${accountId}:${elbSuffix(type, name, physical, "tg")}`;
    case "aws:lb/listener:Listener":
    case "aws:alb/listener:Listener":
      return `arn:aws:elasticloadbalancing:${region}:${accountId}:listener/app/${physical}/${id}`;
    case "aws:servicecatalog/appregistryApplication:AppregistryApplication":
      return `arn:aws:servicecatalog:${region}:${accountId}:/applications/${id}`;
    default:
      return `arn:aws:${service}:${region}:${accountId}:${resource.toLowerCase()}/${physical}`;
  }
}

/** A KMS key id: AWS gives a UUID; ours is derived from the type and name. */
function keyId(type: string, name: string): string {
  const h = createHash("sha256").update(`${type}\u0000${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The ARN suffix CloudWatch dimensions use: `app/<name>/<id>` for a load balancer, `targetgroup/<name>/<id>`. */
function elbSuffix(type: string, name: string, physical: string, kind: "lb" | "tg"): string {
  const id = longDigest(type, name);
  return kind === "tg" ? `targetgroup/${physical}/${id}` : `app/${physical}/${id}`;
}

/**
 * The state a resource reports after create: its inputs plus what the
 * provider computes (ARN, id, the names AWS derives and the outputs Paved's
 * components read, such as an ELB's `arnSuffix` or an AppRegistry
 * application's `applicationTag`). In a preview (`id` undefined) only what is
 * known before create is added. An output the real provider computes but this
 * one omitted would read as unknown in the next preview, and every resource
 * that uses it would show a change that is not there.
 */
export function resourceState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  id: string | undefined,
  account: AccountContext = DEFAULT_ACCOUNT,
): Record<string, unknown> {
  const state: Record<string, unknown> = { ...inputs };
  if (type.startsWith("aws:")) {
    const physical = typeof inputs.name === "string" ? inputs.name : name;
    state.name ??= physical;
    // The provider names a bucket after the resource when `bucket` is not given.
    if (type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2") state.bucket ??= physical;
    if (id !== undefined) {
      const arn = resourceArn(
        type,
        name,
        typeof state.bucket === "string" ? state.bucket : physical,
        account,
      );
      state.arn ??= arn;
      state.id = id;
      Object.assign(state, computedOutputs(type, name, physical, arn, inputs, account), {
        ...inputs,
        arn: state.arn,
        id,
      });
    }
  }
  if (type.startsWith("kubernetes:")) {
    const meta = (inputs.metadata as Record<string, unknown> | undefined) ?? {};
    state.metadata = { ...meta, name: meta.name ?? name };
  }
  return state;
}

/** The computed outputs of the types Paved's components read after create. */
function computedOutputs(
  type: string,
  name: string,
  physical: string,
  arn: string,
  inputs: Record<string, unknown>,
  account: AccountContext,
): Record<string, unknown> {
  switch (type) {
    case "aws:ec2/vpc:Vpc": {
      const seq = digest(type, name);
      return {
        ...(inputs.assignGeneratedIpv6CidrBlock ? { ipv6CidrBlock: "2600:1f18:1234:5600::/56" } : {}),
        defaultSecurityGroupId: `sg-default-${seq}`,
        defaultNetworkAclId: `acl-default-${seq}`,
        defaultRouteTableId: `rtb-main-${seq}`,
        mainRouteTableId: `rtb-main-${seq}`,
        ownerId: account.accountId,
      };
    }
    case "aws:lb/loadBalancer:LoadBalancer":
    case "aws:alb/loadBalancer:LoadBalancer":
      return {
        arnSuffix: arn.slice(arn.indexOf("loadbalancer/") + "loadbalancer/".length),
        dnsName: `${physical}-${digest(type, name)}.${account.region}.elb.amazonaws.com`,
        zoneId: "Z35SXDOTRQ7X7K",
      };
    case "aws:lb/targetGroup:TargetGroup":
    case "aws:alb/targetGroup:TargetGroup":
      return { arnSuffix: arn.slice(arn.lastIndexOf(":") + 1) };
    case "aws:kms/key:Key":
      return { keyId: arn.slice(arn.lastIndexOf("/") + 1) };
    case "aws:ec2/vpcEndpoint:VpcEndpoint":
      // Gateway endpoints (S3, DynamoDB) come with the service's managed prefix list.
      return inputs.vpcEndpointType === undefined || inputs.vpcEndpointType === "Gateway"
        ? { prefixListId: `pl-${digest(type, name)}`, state: "available" }
        : { networkInterfaceIds: [`eni-${digest(type, name)}`], state: "available" };
    case "aws:servicecatalog/appregistryApplication:AppregistryApplication":
      return { applicationTag: { awsApplication: arn } };
    case "aws:iam/role:Role":
    case "aws:iam/user:User":
      return { uniqueId: `AROA${digest(type, name).toUpperCase()}` };
    case "aws:ec2/instance:Instance":
      return { privateIp: "10.0.0.10", primaryNetworkInterfaceId: `eni-${digest(type, name)}` };
    case "aws:sqs/queue:Queue":
      return { url: `https://sqs.${account.region}.amazonaws.com/${account.accountId}/${physical}` };
    default:
      return {};
  }
}

interface StatementInput {
  sid?: string;
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  notPrincipals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

function principalBlock(list: StatementInput["principals"]): Record<string, unknown> | string | undefined {
  if (!list || list.length === 0) return undefined;
  if (list.length === 1 && list[0].type === "*") return "*";
  const out: Record<string, string[]> = {};
  for (const p of list) out[p.type] = [...(out[p.type] ?? []), ...p.identifiers];
  return out;
}

/** Renders `aws.iam.getPolicyDocument` inputs as the IAM JSON the provider would return. */
export function policyDocument(inputs: Record<string, unknown>): Record<string, unknown> {
  const statements = ((inputs.statements as StatementInput[] | undefined) ?? []).map((st) => {
    const out: Record<string, unknown> = {};
    if (st.sid) out.Sid = st.sid;
    out.Effect = st.effect ?? "Allow";
    if (st.actions) out.Action = st.actions;
    if (st.notActions) out.NotAction = st.notActions;
    if (st.resources) out.Resource = st.resources;
    if (st.notResources) out.NotResource = st.notResources;
    const principal = principalBlock(st.principals);
    if (principal) out.Principal = principal;
    const notPrincipal = principalBlock(st.notPrincipals);
    if (notPrincipal) out.NotPrincipal = notPrincipal;
    if (st.conditions?.length) {
      const cond: Record<string, Record<string, string[]>> = {};
      for (const c of st.conditions) cond[c.test] = { ...(cond[c.test] ?? {}), [c.variable]: c.values };
      out.Condition = cond;
    }
    return out;
  });
  return { Version: (inputs.version as string | undefined) ?? "2012-10-17", Statement: statements };
}

/**
 * AWS-managed policies whose documents matter to a security check, by name:
 * their path and the statements AWS publishes (the security-relevant ones in
 * full; see the IAM User Guide's "AWS managed policies for job functions").
 */
const MANAGED_POLICIES: Readonly<Record<string, { path: string; statements: Record<string, unknown>[] }>> = {
  AdministratorAccess: { path: "/", statements: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
  PowerUserAccess: {
    path: "/",
    statements: [
      { Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" },
      {
        Effect: "Allow",
        Action: [
          "account:GetAccountInformation",
          "account:GetPrimaryEmail",
          "account:ListRegions",
          "iam:CreateServiceLinkedRole",
          "iam:DeleteServiceLinkedRole",
          "iam:ListRoles",
          "organizations:DescribeOrganization",
        ],
        Resource: "*",
      },
    ],
  },
  IAMFullAccess: {
    path: "/",
    statements: [{ Effect: "Allow", Action: ["iam:*", "organizations:DescribeAccount"], Resource: "*" }],
  },
  AmazonS3FullAccess: {
    path: "/",
    statements: [{ Effect: "Allow", Action: ["s3:*", "s3-object-lambda:*"], Resource: "*" }],
  },
  AmazonEC2FullAccess: { path: "/", statements: [{ Effect: "Allow", Action: "ec2:*", Resource: "*" }] },
  AmazonDynamoDBFullAccess: {
    path: "/",
    statements: [{ Effect: "Allow", Action: "dynamodb:*", Resource: "*" }],
  },
  SecretsManagerReadWrite: {
    path: "/",
    statements: [{ Effect: "Allow", Action: "secretsmanager:*", Resource: "*" }],
  },
  ReadOnlyAccess: {
    path: "/",
    statements: [{ Effect: "Allow", Action: ["*:Get*", "*:List*", "*:Describe*"], Resource: "*" }],
  },
  SecurityAudit: {
    path: "/",
    statements: [{ Effect: "Allow", Action: ["*:Describe*", "*:List*", "*:Get*"], Resource: "*" }],
  },
  AWSLambdaBasicExecutionRole: {
    path: "/service-role/",
    statements: [
      {
        Effect: "Allow",
        Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: "*",
      },
    ],
  },
};

/** The ARN of an AWS-managed policy, or undefined when the name is not one we know offline. */
export function managedPolicyArn(name: string): string | undefined {
  const p = MANAGED_POLICIES[name];
  return p ? `arn:aws:iam::aws:policy${p.path}${name}` : undefined;
}

/** The data sources offline AWS answers. Anything else is an unanswered invoke. */
export const ANSWERED_INVOKES: readonly string[] = [
  "aws:index/getAvailabilityZones:getAvailabilityZones",
  "aws:index/getRegion:getRegion",
  "aws:index/getCallerIdentity:getCallerIdentity",
  "aws:index/getPartition:getPartition",
  "aws:iam/getPolicyDocument:getPolicyDocument",
  "aws:iam/getPolicy:getPolicy",
  "aws:ec2/getAmi:getAmi",
  "aws:ec2/getVpc:getVpc",
  "aws:ec2/getSubnets:getSubnets",
];

/** The answer to a data source, or undefined when offline AWS cannot know it. */
export function invokeAnswer(
  token: string,
  inputs: Record<string, unknown>,
  account: AccountContext = DEFAULT_ACCOUNT,
): Record<string, unknown> | undefined {
  const { region, accountId } = account;
  switch (token) {
    case "aws:index/getAvailabilityZones:getAvailabilityZones": {
      const names = availabilityZones(region);
      return {
        names,
        zoneIds: names.map((_, i) => `${region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
        id: region,
        state: "available",
      };
    }
    case "aws:index/getRegion:getRegion":
      return { name: region, region, id: region, endpoint: `ec2.${region}.amazonaws.com` };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return {
        accountId,
        arn: `arn:aws:iam::${accountId}:user/paved-check`,
        userId: "AIDAPAVEDCHECK",
        id: accountId,
      };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
    case "aws:iam/getPolicyDocument:getPolicyDocument": {
      // The document the provider would render, so policies see the real statements.
      const json = JSON.stringify(policyDocument(inputs));
      return { json, minifiedJson: json, id: "doc" };
    }
    case "aws:iam/getPolicy:getPolicy":
      return managedPolicy(inputs);
    case "aws:ec2/getAmi:getAmi":
      return {
        id: "ami-0abcdef1234567890",
        imageId: "ami-0abcdef1234567890",
        architecture: "x86_64",
        name: "paved-check-mock-ami",
        rootDeviceName: "/dev/xvda",
      };
    case "aws:ec2/getVpc:getVpc":
      return {
        id: "vpc-0default",
        cidrBlock: "172.31.0.0/16",
        default: true,
        arn: `arn:aws:ec2:${region}:${accountId}:vpc/vpc-0default`,
      };
    case "aws:ec2/getSubnets:getSubnets":
      return { id: region, ids: availabilityZones(region).map((_, i) => `subnet-0default${i}`) };
    default:
      return undefined;
  }
}

/** `aws.iam.getPolicy` by name or ARN, for the AWS-managed policies we know. */
function managedPolicy(inputs: Record<string, unknown>): Record<string, unknown> | undefined {
  const byArn =
    typeof inputs.arn === "string" ? /^arn:aws:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(inputs.arn) : null;
  const name = typeof inputs.name === "string" ? inputs.name : byArn?.[1];
  if (name === undefined) return undefined;
  const known = MANAGED_POLICIES[name];
  if (!known) return undefined;
  const arn = `arn:aws:iam::aws:policy${known.path}${name}`;
  return {
    arn,
    id: arn,
    name,
    path: known.path,
    description: `AWS managed policy ${name}`,
    policy: JSON.stringify({ Version: "2012-10-17", Statement: known.statements }),
    policyId: `ANPA${digest(name).toUpperCase()}`,
    attachmentCount: 0,
    tags: {},
  };
}
