/**
 * What the ElastiCache encryption policies share: the types, and which
 * resources carry their own encryption settings. A cluster in a replication
 * group (`replicationGroupId`) and a secondary replication group of a global
 * datastore (`globalReplicationGroupId`) inherit them; they are checked where
 * they are set. Serverless caches always encrypt at rest and in transit.
 */
import { asString, peek } from "../../lib/props";
import type { ResourceUnderCheck } from "../../lib/types";

export const ELASTICACHE_REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
export const ELASTICACHE_CLUSTER = "aws:elasticache/cluster:Cluster";

/** The cache engine, lower-cased: `redis`, `valkey`, `memcached`, or undefined when unset. */
export function cacheEngine(r: ResourceUnderCheck): string | undefined {
  return asString(r.props.engine)?.trim().toLowerCase() || undefined;
}

/** True when a non-empty value (or a preview unknown, which is another resource's output) is set. */
function isSet(read: () => unknown): boolean {
  return peek(() => (asString(read())?.trim() ?? "") !== "") ?? true;
}

/**
 * How a resource gets its encryption settings: `own` (checked here),
 * `inherited` (from its replication group or global datastore: skip), or
 * `standalone-redis` (a node-based Redis/Valkey cluster outside a
 * replication group, which cannot encrypt at all).
 */
export function cacheEncryptionScope(r: ResourceUnderCheck): "own" | "inherited" | "standalone-redis" {
  if (r.type === ELASTICACHE_REPLICATION_GROUP) {
    return isSet(() => r.props.globalReplicationGroupId) ? "inherited" : "own";
  }
  if (isSet(() => r.props.replicationGroupId)) return "inherited";
  const engine = cacheEngine(r);
  return engine === "redis" || engine === "valkey" ? "standalone-redis" : "own";
}
