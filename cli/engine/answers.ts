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

/** The physical id offline AWS gives a resource: `<name>-<8 hex digits of its type and name>`. */
export function resourceId(type: string, name: string): string {
  return `${name}-${digest(type, name)}`;
}

/**
 * The state a resource reports after create: its inputs plus what the
 * provider computes (ARN, id, the names AWS derives). In a preview (`id`
 * undefined) only what is known before create is added.
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
    const { service, resource } = shortType(type);
    const physical = typeof inputs.name === "string" ? inputs.name : name;
    if (id !== undefined) {
      state.arn ??= `arn:aws:${service}:${account.region}:${account.accountId}:${resource}/${physical}`;
      state.id = id;
    }
    state.name ??= physical;
    // The provider names a bucket after the resource when `bucket` is not given.
    if (type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2") state.bucket ??= physical;
    if (type === "aws:ec2/vpc:Vpc" && id !== undefined) {
      const seq = digest(type, name);
      if (inputs.assignGeneratedIpv6CidrBlock) state.ipv6CidrBlock = "2600:1f18:1234:5600::/56";
      state.defaultSecurityGroupId = `sg-default-${seq}`;
      state.defaultNetworkAclId = `acl-default-${seq}`;
      state.mainRouteTableId = `rtb-main-${seq}`;
    }
  }
  if (type.startsWith("kubernetes:")) {
    const meta = (inputs.metadata as Record<string, unknown> | undefined) ?? {};
    state.metadata = { ...meta, name: meta.name ?? name };
  }
  return state;
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
