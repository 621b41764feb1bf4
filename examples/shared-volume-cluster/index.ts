/**
 * shared-volume-cluster: two or three instances in one AZ that share one
 * block device, for clustered software built on a shared disk (a cluster file
 * system such as GFS2, or a database with shared-disk clustering).
 *
 * - SegmentedNetwork: one private tier, no route to the internet; admins reach
 *   the nodes through Session Manager (interface endpoints), never SSH.
 * - LeastPrivilegeRole: the nodes may write backups to one bucket and use
 *   Session Manager; nothing else.
 * - SanVolume: one io2 volume with Multi-Attach, attached to every node,
 *   encrypted with its own KMS key, snapshotted daily by Data Lifecycle Manager.
 * - AlarmSet: status checks and CPU of each node, queue length of the volume.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  AlarmSet,
  LeastPrivilegeRole,
  registerGovernanceTransform,
  SanVolume,
  SegmentedNetwork,
} from "paved";

// The app's own settings live under "app:" (app:flowTicket, ...), not the project's
// name, so they keep working when `pulumi new` gives the project another name.
const config = new pulumi.Config("app");
/** How many nodes share the volume: 2 or 3 (Multi-Attach allows up to 16). */
const nodeCount = config.getNumber("nodeCount") ?? 3;
/** The platform's hardened AMI for the nodes. */
const amiId = config.require("amiId");
/** The bucket the nodes write backups to. */
const backupBucket = config.require("backupBucket");
/** Where alarms are sent. */
const alarmEmail = config.require("alarmEmail");
/** The ticket that approved the network flows. */
const flowTicket = config.require("flowTicket");
const region = new pulumi.Config("aws").require("region");

if (!Number.isInteger(nodeCount) || nodeCount < 2 || nodeCount > 3) {
  throw new Error(`app:nodeCount ${nodeCount} is out of range; use 2 or 3`);
}

// Governance tags on every resource below, including the raw instances.
registerGovernanceTransform();

// Multi-Attach works within one AZ: the whole cluster lives in it.
const zone = `${region}a`;

// 1. A private network: one tier, no internet route, Session Manager endpoints.
const net = new SegmentedNetwork("ledger", {
  vpcCidr: "10.40.0.0/16",
  availabilityZones: [zone],
  nat: "none",
  tiers: [{ name: "cluster", cidrMask: 24, routing: "none" }],
  gatewayEndpoints: ["s3"],
  interfaceEndpoints: ["ssm", "ssmmessages", "ec2messages"],
  flows: [
    {
      from: "cluster",
      to: "cluster",
      ports: "7000-7001",
      justification: "cluster interconnect: heartbeat and lock traffic between the nodes",
      ticket: flowTicket,
    },
    {
      from: "10.100.0.0/16",
      to: "cluster",
      ports: 5432,
      justification: "clients from the corporate network reach the clustered database",
      ticket: flowTicket,
    },
    {
      from: "cluster",
      to: "s3",
      ports: 443,
      justification: "nightly backups to S3 through the gateway endpoint",
      ticket: flowTicket,
    },
  ],
});

// 2. The nodes' role: backups to one bucket, Session Manager, metrics.
const role = new LeastPrivilegeRole("ledger-node", {
  trust: { service: "ec2.amazonaws.com" },
  statements: [
    { actions: ["s3:PutObject", "s3:GetObject"], resources: [`arn:aws:s3:::${backupBucket}/ledger/*`] },
    { actions: ["cloudwatch:PutMetricData"], resources: ["*"] },
  ],
  managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"],
});
const profile = new aws.iam.InstanceProfile("ledger-node", { role: role.name });

// 3. The nodes: Nitro instances (Multi-Attach needs Nitro), IMDSv2 only, encrypted root disks.
const nodes = Array.from(
  { length: nodeCount },
  (_, i) =>
    new aws.ec2.Instance(`ledger-node-${i}`, {
      ami: amiId,
      instanceType: "m6i.large",
      availabilityZone: zone,
      subnetId: net.subnetIds.apply((s) => s["cluster"][0]),
      vpcSecurityGroupIds: [net.securityGroupIds.apply((g) => g["cluster"])],
      iamInstanceProfile: profile.name,
      metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
      rootBlockDevice: { encrypted: true, volumeType: "gp3", volumeSize: 30 },
      monitoring: true,
    }),
);

// 4. The shared volume: io2 Multi-Attach, its own KMS key, daily snapshots kept a week.
const volume = new SanVolume("ledger-data", {
  type: "io2",
  sizeGiB: 500,
  iops: 10000,
  shared: true,
  availabilityZone: zone,
  attachments: nodes.map((node, i) => ({
    name: `node-${i}`,
    instanceId: node.id,
    availabilityZone: zone,
    deviceName: "/dev/sdf",
  })),
  snapshots: { intervalHours: 24, time: "03:00", retainCount: 7 },
});

// 5. Alarms: each node's status checks and CPU, and the volume's queue length.
const alarms = new AlarmSet("ledger", {
  targets: [
    ...nodes.map((node, i) => ({ kind: "ec2Instance" as const, name: `node-${i}`, instanceId: node.id })),
    {
      kind: "ebsVolume" as const,
      name: "data",
      volumeId: volume.volumeIds.apply((ids) => ids[0]),
      volumeType: "io2" as const,
    },
  ],
  subscriptions: [{ protocol: "email", endpoint: alarmEmail }],
});

export const nodeIds = nodes.map((n) => n.id);
export const volumeId = volume.volumeIds.apply((ids) => ids[0]);
export const volumeKeyArn = volume.keyArn;
export const snapshotPolicyId = volume.lifecyclePolicyId;
export const volumeMonthlyCost = volume.monthlyCostEstimate;
export const nodeRoleSummary = role.summary;
export const firewallRegister = net.registerMarkdown;
export const alarmTopic = alarms.topicArn;
