/**
 * Aurora clusters run instances in more than one availability zone, so a
 * reader can be promoted when the writer's zone fails (a stack policy: the
 * instances are separate `aws:rds/clusterInstance:ClusterInstance`
 * resources). An instance belongs to a cluster when it depends on it (the
 * engine records `clusterIdentifier: cluster.id`, known or not at preview)
 * or when its `clusterIdentifier` equals the cluster's known identifier; one
 * that depends on another cluster belongs to that one.
 * Multi-AZ DB clusters (`dbClusterInstanceClass`, three instances across
 * three zones by construction) and Aurora Serverless v1 (`engineMode:
 * serverless`, failover managed by AWS) pass.
 */
import { defineStackPolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asString, peek } from "../../lib/props";
import type { Finding, StackResource } from "../../lib/types";
import { RDS_CLUSTER, RDS_CLUSTER_INSTANCE } from "./types";
import { ofType } from "../../lib/stack-index";

type Membership = "yes" | "no" | "unknown";

function memberOf(instance: StackResource, cluster: StackResource): Membership {
  const dependsOn = (instance.dependencies ?? []).filter((d) => d.type === RDS_CLUSTER);
  if (dependsOn.some((d) => d.urn === cluster.urn)) return "yes";
  // An instance whose identifier comes from another cluster in the stack belongs to that one.
  if (dependsOn.length > 0) return "no";
  const target = peek(() => asString(instance.props.clusterIdentifier) ?? "");
  const ids = [
    peek(() => asString(cluster.props.clusterIdentifier) ?? ""),
    peek(() => asString(cluster.props.id) ?? ""),
  ];
  if (target === "") return "no";
  if (target !== undefined && ids.includes(target)) return "yes";
  if (target === undefined || ids.includes(undefined)) return "unknown";
  return "no";
}

/** True when the cluster is multi-AZ by construction, whatever its instances. */
function multiAzByConstruction(cluster: StackResource): boolean | undefined {
  return peek(
    () =>
      (asString(cluster.props.dbClusterInstanceClass) ?? "") !== "" ||
      asString(cluster.props.engineMode) === "serverless",
  );
}

export const rdsClusterMultiAz = defineStackPolicy({
  name: "aws-rds-cluster-multi-az",
  description: "Aurora clusters have instances in at least two availability zones.",
  category: "storage",
  severity: "medium",
  defaultLevel: "advisory",
  securitySet: true,
  remediation: [
    "Add at least two `aws.rds.ClusterInstance`s with `clusterIdentifier: cluster.id` (a writer and a reader).",
    "Leave their `availabilityZone` unset, or set different zones, so RDS can fail over to another zone.",
  ],
  frameworks: [awsFsbp("RDS.15")],
  check(resources) {
    const instances = ofType(resources, RDS_CLUSTER_INSTANCE);
    const findings: Finding[] = [];
    for (const cluster of ofType(resources, RDS_CLUSTER)) {
      const byConstruction = multiAzByConstruction(cluster);
      if (byConstruction === true) continue;
      const members = instances.filter((i) => memberOf(i, cluster) === "yes");
      const unsure = instances.some((i) => memberOf(i, cluster) === "unknown");
      const zones = members.map((i) => peek(() => asString(i.props.availabilityZone) ?? ""));
      const pinned = zones.filter((z): z is string => z !== undefined && z !== "");
      const spread = members.length >= 2 && !(pinned.length === members.length && new Set(pinned).size === 1);
      if (spread) continue;
      if (byConstruction === undefined || unsure || zones.includes(undefined)) {
        findings.push({
          urn: cluster.urn,
          advisory: true,
          message: `RDS cluster "${cluster.name}": its instances or their zones are unknown during preview, so Multi-AZ is checked again on update`,
        });
        continue;
      }
      findings.push({
        urn: cluster.urn,
        message:
          members.length >= 2
            ? `RDS cluster "${cluster.name}" has all ${members.length} instances pinned to ${pinned[0]}; leave availabilityZone unset or spread the instances over two zones or more`
            : `RDS cluster "${cluster.name}" has ${members.length === 0 ? "no instance" : "one instance"}, so it cannot fail over to another zone; add a second aws.rds.ClusterInstance with clusterIdentifier: cluster.id`,
      });
    }
    return findings;
  },
});
