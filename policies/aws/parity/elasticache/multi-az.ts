/**
 * ElastiCache Redis and Valkey replication groups fail over to a replica in
 * another zone: `automaticFailoverEnabled` and `multiAzEnabled` true (with at
 * least one replica).
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { asString, isTrue } from "../../../lib/props";

export const elasticacheMultiAz = defineResourcePolicy({
  name: "aws-elasticache-multi-az",
  description: "ElastiCache replication groups have automatic failover across availability zones.",
  category: "storage",
  severity: "low",
  defaultLevel: "advisory",
  // Availability and cost: advisory in every stage.
  securitySet: false,
  remediation: [
    "Set `automaticFailoverEnabled: true` and `multiAzEnabled: true` with `numCacheClusters` 2 or more (or replicas per node group).",
    "Advisory in every stage: availability, not protection.",
  ],
  frameworks: [awsFsbp("ElastiCache.3")],
  types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
  check(r) {
    const engine = asString(r.props.engine) ?? "redis";
    if (engine !== "redis" && engine !== "valkey") return [];
    const missing = ["automaticFailoverEnabled", "multiAzEnabled"].filter((f) => !isTrue(r.props[f]));
    if (missing.length === 0) return [];
    return [
      {
        message: `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not true, so losing the primary's zone loses the cache; set ${missing.join(" and ")} to true`,
      },
    ];
  },
});
