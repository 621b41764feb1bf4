/**
 * blocked: seven mistakes that reach production every week somewhere, written
 * the way they usually are: as raw resources, outside the paved components.
 * `paved check` (and `pulumi preview --policy-pack`) blocks each one. The
 * README shows the output and the fix for each.
 *
 * Do not copy this program. Copy the fixes in README.md.
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { registerGovernanceTransform } from "paved";

// The app's own settings live under "app:" (app:flowTicket, ...), not the project's
// name, so they keep working when `pulumi new` gives the project another name.
const config = new pulumi.Config("app");
/** An existing VPC (the platform team's network). */
const vpcId = config.require("vpcId");

// The governance tags and labels are right: only the seven mistakes are left.
registerGovernanceTransform();

// Mistake 1: SSH open to the whole internet.
const bastion = new aws.ec2.SecurityGroup("bastion", {
  vpcId,
  description: "SSH for the team",
  ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "SSH" }],
});

// Mistake 2: an IAM policy that allows every action on every resource.
const role = new aws.iam.Role("app", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
});
new aws.iam.RolePolicy("app-everything", {
  role: role.id,
  policy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
  }),
});

// Mistake 3: a volume without encryption (unset means unencrypted, unless the
// account's default happens to be on).
const data = new aws.ebs.Volume("data", {
  availabilityZone: "us-east-1a",
  size: 100,
  type: "gp3",
});

// Mistake 4: a privileged container. It can do anything the node can.
new k8s.apps.v1.Deployment("debug", {
  metadata: { namespace: "orders" },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: "debug" } },
    template: {
      metadata: { labels: { app: "debug" } },
      spec: {
        containers: [
          {
            name: "debug",
            image: "registry.example.com/debug-tools:2.3.1",
            securityContext: { privileged: true },
            resources: {
              requests: { cpu: "100m", memory: "128Mi" },
              limits: { cpu: "500m", memory: "256Mi" },
            },
          },
        ],
      },
    },
  },
});

// Mistake 5: a bucket anyone can read, through a canned ACL.
const reports = new aws.s3.Bucket("reports", {});
new aws.s3.BucketAcl("reports", { bucket: reports.id, acl: "public-read" });

// Mistake 6: an instance that still answers IMDSv1 (no session token), so an SSRF bug in the
// app hands out the role's credentials.
new aws.ec2.Instance("worker", {
  ami: "ami-0a1b2c3d4e5f60718",
  instanceType: "t3.small",
  rootBlockDevice: { encrypted: true },
});

// Mistake 7: a ClusterRole that grants everything, bound to the app's service account.
const everything = new k8s.rbac.v1.ClusterRole("ops-everything", {
  rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }],
});
new k8s.rbac.v1.ClusterRoleBinding("ops-everything", {
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: everything.metadata.name },
  subjects: [{ kind: "ServiceAccount", name: "orders-api", namespace: "orders" }],
});

export const securityGroupId = bastion.id;
export const roleArn = role.arn;
export const volumeId = data.id;
