/**
 * VPC flow logs for SegmentedNetwork: ALL traffic, to CloudWatch Logs
 * (encrypted with a key from the shared KMS helper whose policy lets only
 * CloudWatch Logs use it, for this log group; a retention; a least-privilege
 * delivery role) or to S3.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "../sdk";
import { childName } from "../../core/naming";
import type { FlowLogsArgs } from "./args";
import { createManagedKey } from "../kms/key";
import { DEFAULT_FLOW_LOG_RETENTION_DAYS } from "./validate";

/** What the flow logs need. */
export interface FlowLogContext {
  readonly name: string;
  readonly parent: pulumi.Resource;
  readonly vpc: aws.ec2.Vpc;
  readonly config: FlowLogsArgs;
  /** The delivery role's permissions boundary, resolved by the component (undefined: a justified opt-out). */
  readonly permissionsBoundary: string | undefined;
  readonly tags: (display: string) => Record<string, string>;
}

/** The flow-log resources, for outputs and tests. */
export interface FlowLogResources {
  readonly flowLog: aws.ec2.FlowLog;
  readonly logGroup?: aws.cloudwatch.LogGroup;
  readonly key?: aws.kms.Key;
  readonly role?: aws.iam.Role;
}

/** The log group's name: fixed, so the key policy can name the one log group allowed to use the key. */
export function flowLogGroupName(project: string, stack: string, name: string): string {
  return `/paved/${project}/${stack}/${name}/vpc-flow-logs`;
}

/** Creates the flow logs. */
export function createFlowLogs(ctx: FlowLogContext): FlowLogResources {
  const { name, parent, vpc, config } = ctx;
  const destination = config.destination;
  switch (destination) {
    case "s3": {
      const flowLog = new aws.ec2.FlowLog(
        childName(name, "flow-log"),
        {
          vpcId: vpc.id,
          trafficType: "ALL",
          logDestinationType: "s3",
          logDestination: config.bucketArn,
          maxAggregationInterval: 60,
          tags: ctx.tags("flow-log"),
        },
        { parent },
      );
      return { flowLog };
    }
    case "cloudWatch":
      return cloudWatchFlowLogs(ctx, config.retentionInDays, config.kmsKeyArn);
    default: {
      const never: never = destination;
      throw new Error(`unknown flow-log destination ${String(never)}`);
    }
  }
}

function cloudWatchFlowLogs(
  ctx: FlowLogContext,
  retentionInDays: number | undefined,
  kmsKeyArn: pulumi.Input<string> | undefined,
): FlowLogResources {
  const { name, parent, vpc } = ctx;
  const region = aws.getRegionOutput({}, { parent }).region;
  const account = aws.getCallerIdentityOutput({}, { parent }).accountId;
  const partition = aws.getPartitionOutput({}, { parent }).partition;
  const logGroupName = flowLogGroupName(pulumi.getProject(), pulumi.getStack(), name);
  const logGroupArn = pulumi.interpolate`arn:${partition}:logs:${region}:${account}:log-group:${logGroupName}`;

  // The shared key helper (kms/key.ts): root administers, only CloudWatch Logs uses it, for this log group only.
  const key =
    kmsKeyArn === undefined
      ? createManagedKey(
          childName(name, "flow-log"),
          {
            description: `SegmentedNetwork ${name}: encrypts the VPC flow-log group`,
            uses: [{ kind: "logs", logGroupNames: [logGroupName] }],
            tags: ctx.tags("flow-log-key"),
          },
          { parent },
        ).key
      : undefined;
  const logGroup = new aws.cloudwatch.LogGroup(
    childName(name, "flow-log-group"),
    {
      name: logGroupName,
      retentionInDays: retentionInDays ?? DEFAULT_FLOW_LOG_RETENTION_DAYS,
      kmsKeyId: key ? key.arn : kmsKeyArn,
      tags: ctx.tags("flow-log-group"),
    },
    { parent },
  );
  const role = new aws.iam.Role(
    childName(name, "flow-log-role"),
    {
      description: `SegmentedNetwork ${name}: delivers VPC flow logs to its log group`,
      assumeRolePolicy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "vpc-flow-logs.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
              StringEquals: { "aws:SourceAccount": account },
              ArnLike: {
                "aws:SourceArn": pulumi.interpolate`arn:${partition}:ec2:${region}:${account}:vpc-flow-log/*`,
              },
            },
          },
        ],
      }),
      permissionsBoundary: ctx.permissionsBoundary,
      tags: ctx.tags("flow-log-role"),
    },
    { parent },
  );
  new aws.iam.RolePolicy(
    childName(name, "flow-log-policy"),
    {
      role: role.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "WriteToThisLogGroupOnly",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: [logGroupArn, pulumi.interpolate`${logGroupArn}:*`],
          },
          {
            Sid: "FindTheLogGroup",
            Effect: "Allow",
            Action: "logs:DescribeLogGroups",
            Resource: pulumi.interpolate`arn:${partition}:logs:${region}:${account}:log-group:*`,
          },
        ],
      }),
    },
    { parent },
  );
  const flowLog = new aws.ec2.FlowLog(
    childName(name, "flow-log"),
    {
      vpcId: vpc.id,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      tags: ctx.tags("flow-log"),
    },
    { parent },
  );
  return { flowLog, logGroup, key, role };
}
