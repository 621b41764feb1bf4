/**
 * Generates a `pulumi stack export` (deployment version 3) with N AWS
 * resources: security groups and rules, volumes, instances, roles, policies,
 * buckets and RDS instances, about a third of them non-compliant. Seeded, so
 * every run checks the same stack.
 */

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STACK = "bench";
const PROJECT = "bench";
const STACK_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;
const PROVIDER_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:aws::default_7_48_0`;

const TAGS = {
  "app-id": "bench-app",
  owner: "team-bench",
  "cost-center": "cc-1",
  "data-classification": "internal",
  environment: "dev",
};

type Maker = (i: number, bad: boolean) => { type: string; inputs: Record<string, unknown> };

const doc = (statement: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

const MAKERS: Maker[] = [
  (i, bad) => ({
    type: "aws:ec2/securityGroup:SecurityGroup",
    inputs: {
      description: `sg ${i}`,
      vpcId: "vpc-1",
      ingress: [
        {
          protocol: "tcp",
          fromPort: bad ? 22 : 443,
          toPort: bad ? 22 : 443,
          cidrBlocks: [bad ? "0.0.0.0/0" : "10.0.0.0/16"],
          description: "ingress",
        },
      ],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"], description: "egress" }],
      tags: TAGS,
    },
  }),
  (i, bad) => ({
    type: "aws:ec2/securityGroupRule:SecurityGroupRule",
    inputs: {
      type: "ingress",
      securityGroupId: `sg-${i}`,
      protocol: bad ? "-1" : "tcp",
      fromPort: bad ? 0 : 5432,
      toPort: bad ? 0 : 5432,
      cidrBlocks: [bad ? "0.0.0.0/0" : "10.1.0.0/16"],
      description: "db access",
    },
  }),
  (_i, bad) => ({
    type: "aws:ebs/volume:Volume",
    inputs: {
      availabilityZone: "us-east-1a",
      size: 100,
      type: "gp3",
      ...(bad ? {} : { encrypted: true, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k" }),
      tags: TAGS,
    },
  }),
  (_i, bad) => ({
    type: "aws:ec2/instance:Instance",
    inputs: {
      ami: "ami-123",
      instanceType: "t3.micro",
      monitoring: true,
      associatePublicIpAddress: false,
      rootBlockDevice: { encrypted: !bad, volumeSize: 20 },
      ebsBlockDevices: bad ? [{ deviceName: "/dev/sdf", volumeSize: 10 }] : [],
      tags: TAGS,
    },
  }),
  (i, bad) => ({
    type: "aws:iam/role:Role",
    inputs: {
      assumeRolePolicy: doc({
        Effect: "Allow",
        Principal: bad ? { AWS: "*" } : { Service: "ec2.amazonaws.com" },
        Action: "sts:AssumeRole",
      }),
      maxSessionDuration: 3600,
      permissionsBoundary: `arn:aws:iam::123456789012:policy/boundary-${i % 3}`,
      tags: TAGS,
    },
  }),
  (i, bad) => ({
    type: "aws:iam/policy:Policy",
    inputs: {
      policy: doc(
        bad
          ? { Effect: "Allow", Action: ["s3:GetObject", "s3:*"], Resource: "*" }
          : { Effect: "Allow", Action: ["s3:GetObject"], Resource: `arn:aws:s3:::bucket-${i}/*` },
      ),
      tags: TAGS,
    },
  }),
  (_i, bad) => ({
    type: "aws:s3/bucket:Bucket",
    inputs: {
      acl: bad ? "public-read" : "private",
      loggings: bad ? [] : [{ targetBucket: "logs", targetPrefix: "b/" }],
      serverSideEncryptionConfiguration: bad
        ? undefined
        : { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } },
      tags: TAGS,
    },
  }),
  (i, bad) => ({
    type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    inputs: {
      bucket: `bucket-${i}`,
      blockPublicAcls: true,
      blockPublicPolicy: !bad,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
  }),
  (_i, bad) => ({
    type: "aws:rds/instance:Instance",
    inputs: {
      engine: "postgres",
      instanceClass: "db.t3.micro",
      allocatedStorage: 20,
      publiclyAccessible: bad,
      storageEncrypted: !bad,
      multiAz: true,
      backupRetentionPeriod: 7,
      tags: TAGS,
    },
  }),
];

/** One resource of a stack export. */
export interface ExportedResource {
  urn: string;
  custom: boolean;
  id?: string;
  type: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  parent?: string;
  provider?: string;
}

/** Builds a deployment-v3 stack export with `count` AWS resources (plus the stack and provider). */
export function generateStackExport(
  count: number,
  seed = 42,
): { version: 3; deployment: { manifest: object; resources: ExportedResource[] } } {
  const next = rng(seed);
  const resources: ExportedResource[] = [
    { urn: STACK_URN, custom: false, type: "pulumi:pulumi:Stack", inputs: {}, outputs: {} },
    {
      urn: PROVIDER_URN,
      custom: true,
      id: "prov-1",
      type: "pulumi:providers:aws",
      inputs: { region: "us-east-1" },
      outputs: {},
    },
  ];
  for (let i = 0; i < count; i++) {
    const make = MAKERS[i % MAKERS.length];
    const { type, inputs } = make(i, next() < 0.33);
    const name = `r${i}`;
    const clean = JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>;
    resources.push({
      urn: `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`,
      custom: true,
      id: `id-${i}`,
      type,
      inputs: clean,
      outputs: clean,
      parent: STACK_URN,
      provider: `${PROVIDER_URN}::prov-1`,
    });
  }
  return {
    version: 3,
    deployment: {
      manifest: { time: "2026-11-23T00:00:00Z", magic: "bench", version: "v3.248.0" },
      resources,
    },
  };
}
