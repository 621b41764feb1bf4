/**
 * The arguments of SegmentedNetwork. Only values that come from other
 * resources are `pulumi.Input`; everything that shapes the plan is plain.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Governance } from "../../core/governance";
import type { PermissionsBoundary } from "../iam/boundary";
import type { EksSubnetTagsSpec, GatewayEndpointPolicy } from "./options";
import type { FlowSpec, GatewayService, NatStrategy, TierSpec } from "./types";

/** Where the VPC flow logs go. */
export type FlowLogsArgs =
  | {
      /** CloudWatch Logs, encrypted with a KMS key, with a retention. */
      readonly destination: "cloudWatch";
      /**
       * Days to keep the logs; one of the values CloudWatch Logs accepts
       * (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
       * @default 365
       */
      readonly retentionInDays?: number;
      /**
       * A KMS key to encrypt the log group with; its policy must let the logs
       * service use it. @default a key created for the network, with rotation on
       */
      readonly kmsKeyArn?: pulumi.Input<string>;
      /**
       * The permissions boundary of the flow-log delivery role, resolved as
       * LeastPrivilegeRole resolves it: missing is an error; outside prod
       * `{ none: true, justification }` opts out explicitly.
       * @default `{ arn: <stack config paved:permissionsBoundaryArn> }`
       */
      readonly permissionsBoundary?: PermissionsBoundary;
    }
  | {
      /** An S3 bucket (typically the organisation's log archive). */
      readonly destination: "s3";
      /** The bucket's ARN, optionally with a prefix: `arn:aws:s3:::bucket/prefix`. Required. */
      readonly bucketArn: pulumi.Input<string>;
    };

/** The arguments of {@link SegmentedNetwork}. */
export interface SegmentedNetworkArgs {
  /**
   * The VPC's IPv4 range, /16 to /28, as a network address (`10.20.0.0/16`).
   * Required: take it from the organisation's IP plan, so it overlaps no other network.
   */
  vpcCidr: string;
  /**
   * Ranges the VPC must not overlap: peered VPCs, on-premises networks.
   * @default []
   */
  avoid?: string[];
  /**
   * The tiers. Each tier's `slot` fixes its place in the VPC, whatever the
   * order of the list: give every tier a slot, and a new tier the next free
   * one, and no existing subnet ever moves. Without slots the position in
   * the list is the slot (a warning says so when the list is out of its
   * natural order).
   * @default public (/24, internet, slot 0), app (/20, nat, slot 1), data (/24, none, slot 2), intra (/24, none, slot 3)
   */
  tiers?: TierSpec[];
  /**
   * The AZs to use, by name (`eu-west-1a`). Give either this or `azCount`.
   * Required in regions the component has no AZ count for (see regions.ts),
   * and when a non-default provider points at another region than `aws:region`.
   * @default the first `azCount` AZs `aws.getAvailabilityZones` returns
   */
  availabilityZones?: string[];
  /**
   * How many AZs get a subnet of each tier, taken from the region's available
   * AZs. Checked against the region's AZ count (from `aws:region`) before
   * anything is created.
   * @default 3
   */
  azCount?: number;
  /**
   * AZ slots reserved per tier (a power of two): the AZ count can grow to this
   * without moving any subnet. Changing it on an existing network re-lays it.
   * @default 4
   */
  reservedAzs?: number;
  /**
   * NAT gateways: `none`, `single` (one for the VPC) or `perAz` (one per AZ,
   * with a route table per AZ for each `nat` tier). The fixed monthly cost of
   * the choice is in the `monthlyCostEstimate` output.
   * @default "perAz" in prod, "single" otherwise
   */
  nat?: NatStrategy;
  /**
   * The permitted traffic. Nothing else passes: the security groups start
   * empty and every NACL ends in an explicit deny.
   * @default [] (no traffic at all)
   */
  flows?: FlowSpec[];
  /**
   * Dual stack: an IPv6 /56 for the VPC, a /64 per subnet, `::/0` routes to
   * the internet gateway (public tiers) and an egress-only gateway (`nat` tiers).
   * @default false
   */
  ipv6?: boolean;
  /**
   * Gateway endpoints, attached to every non-public tier's route tables.
   * @default ["s3", "dynamodb"]
   */
  gatewayEndpoints?: GatewayService[];
  /**
   * The policy of the S3 and DynamoDB gateway endpoints: `account` (principals
   * of this account on resources of this account, plus the AWS-owned bucket of
   * ECR image layers), `principalAccount` (principals of this account on any
   * resource: package mirrors, partner buckets) or `open` (AWS's full access).
   * @default "account"
   */
  gatewayEndpointPolicy?: GatewayEndpointPolicy;
  /**
   * An RDS DB subnet group (aws.rds.SubnetGroup) over one tier's subnets:
   * `false` none, `true` the default tier (which must exist), `{ tier }` that
   * tier (not a public one). Needs two AZs or more.
   * @default the tier named "data" or "database" with routing "none", when there is one and azCount >= 2
   */
  databaseSubnetGroup?: boolean | { tier: string };
  /**
   * The subnet tags EKS and the AWS Load Balancer Controller look for:
   * `kubernetes.io/role/elb: "1"` on public tiers, `kubernetes.io/role/internal-elb: "1"`
   * on `nat` tiers and, with `clusterNames`, `kubernetes.io/cluster/<name>: "shared"` on both.
   * @default false
   */
  eksSubnetTags?: boolean | EksSubnetTagsSpec;
  /**
   * Interface endpoints (`ssm`, `ecr.api`, `logs`), with private DNS, each
   * with its own security group that admits HTTPS from the VPC's IPv4 range
   * only; every tier's group may reach them on 443.
   * @default []
   */
  interfaceEndpoints?: string[];
  /**
   * The tier whose subnets hold the interface endpoints.
   * @default the first tier with routing "nat", else the first non-public tier
   */
  endpointTier?: string;
  /**
   * VPC flow logs (ALL traffic). They cannot be turned off.
   * @default { destination: "cloudWatch", retentionInDays: 365 }
   */
  flowLogs?: FlowLogsArgs;
  /**
   * NACL entries allowed per NACL and direction: the account's quota (AWS
   * default 20, at most 40). The plan fails rather than exceed it.
   * @default 20
   */
  naclRuleLimit?: number;
  /**
   * Governance fields that override the `paved:*` stack config.
   * @default the stack config
   */
  governance?: Partial<Governance>;
  /**
   * Extra tags on every child. They win over governance tags of the same key.
   * @default {}
   */
  tags?: Record<string, string>;
}
