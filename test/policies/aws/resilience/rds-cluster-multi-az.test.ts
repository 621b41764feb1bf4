import { rdsClusterMultiAz } from "../../../../policies/aws/resilience/rds-cluster-multi-az";
import { Fixture, describePolicyTable, runStackPolicy, unknown, urnOf } from "../../harness";

const CLUSTER = "aws:rds/cluster:Cluster";
const MEMBER = "aws:rds/clusterInstance:ClusterInstance";
const cluster = (name: string, props: Record<string, unknown> = {}): Fixture => ({
  type: CLUSTER,
  name,
  props: { engine: "aurora-postgresql", storageEncrypted: true, ...props },
});
const member = (name: string, props: Record<string, unknown>, dependsOn: string[] = []): Fixture => ({
  type: MEMBER,
  name,
  props: { engine: "aurora-postgresql", instanceClass: "db.r7g.large", ...props },
  dependencies: dependsOn,
});
const dbUrn = urnOf(CLUSTER, "db");

describePolicyTable(rdsClusterMultiAz, {
  base: [
    cluster("db"),
    member("db-1", { clusterIdentifier: unknown }, [dbUrn]),
    member("db-2", { clusterIdentifier: unknown }, [dbUrn]),
  ],
  pass: [
    {
      name: "instances matched by the cluster's known identifier",
      stack: () => [
        cluster("db", { clusterIdentifier: "orders" }),
        member("a", { clusterIdentifier: "orders" }),
        member("b", { clusterIdentifier: "orders" }),
      ],
    },
    {
      name: "instances pinned to different zones",
      stack: () => [
        cluster("db"),
        member("a", { availabilityZone: "us-east-1a" }, [dbUrn]),
        member("b", { availabilityZone: "us-east-1b" }, [dbUrn]),
      ],
    },
    {
      name: "one pinned, one placed by RDS",
      stack: () => [
        cluster("db"),
        member("a", { availabilityZone: "us-east-1a" }, [dbUrn]),
        member("b", {}, [dbUrn]),
      ],
    },
    {
      name: "a Multi-AZ DB cluster (dbClusterInstanceClass)",
      stack: () => [
        cluster("db", { engine: "postgres", dbClusterInstanceClass: "db.m6gd.large", allocatedStorage: 100 }),
      ],
    },
    { name: "Aurora Serverless v1", stack: () => [cluster("db", { engineMode: "serverless" })] },
    { name: "no cluster", stack: () => [member("a", { clusterIdentifier: "x" })] },
  ],
  fail: [
    {
      name: "a cluster with one instance, blamed by URN",
      stack: (base) => [base[0], base[1]],
      expect: /RDS cluster "db" has one instance, so it cannot fail over to another zone/,
      urn: dbUrn,
      count: 1,
    },
    {
      name: "a cluster with no instance",
      stack: (base) => [base[0]],
      expect: /has no instance/,
    },
    {
      name: "two instances in the same zone",
      stack: () => [
        cluster("db"),
        member("a", { availabilityZone: "us-east-1a" }, [dbUrn]),
        member("b", { availabilityZone: "us-east-1a" }, [dbUrn]),
      ],
      expect: /all 2 instances pinned to us-east-1a/,
    },
    {
      name: "instances of another cluster do not count",
      stack: () => [
        cluster("db", { clusterIdentifier: "orders" }),
        member("a", { clusterIdentifier: "orders" }),
        member("b", { clusterIdentifier: "billing" }),
      ],
      expect: /"db" has one instance/,
    },
    {
      name: "two clusters, one single-instance",
      stack: (base) => [...base, cluster("solo"), member("solo-1", {}, [urnOf(CLUSTER, "solo")])],
      expect: /"solo" has one instance/,
      urn: urnOf(CLUSTER, "solo"),
      count: 1,
    },
  ],
  unknown: [
    {
      name: "instance clusterIdentifier unknown, no dependency recorded",
      stack: () => [
        cluster("db", { clusterIdentifier: "orders" }),
        member("a", { clusterIdentifier: unknown }),
      ],
    },
    {
      name: "instance zones unknown",
      stack: () => [
        cluster("db"),
        member("a", { availabilityZone: unknown }, [dbUrn]),
        member("b", { availabilityZone: unknown }, [dbUrn]),
      ],
    },
    { name: "engineMode unknown", stack: (base) => [cluster("db", { engineMode: unknown }), base[1]] },
  ],
});

test("an unknown membership is an advisory note naming the cluster", async () => {
  const vs = await runStackPolicy(rdsClusterMultiAz, [
    cluster("db", { clusterIdentifier: "orders" }),
    member("a", { clusterIdentifier: unknown }),
  ]);
  expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory", urn: dbUrn })]);
  expect(vs[0].message).toMatch(/unknown during preview/);
});
