/**
 * ElastiCache Redis and Valkey replication groups encrypt data at rest.
 * `atRestEncryptionEnabled` defaults to false for Redis (the default engine)
 * and true for Valkey. A node-based Redis/Valkey cluster outside a
 * replication group cannot encrypt at rest at all. Memcached keeps no data
 * at rest (no persistence or backups), so it is not checked.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import {
  ELASTICACHE_CLUSTER,
  ELASTICACHE_REPLICATION_GROUP,
  cacheEncryptionScope,
  cacheEngine,
} from "./elasticache";
import { requireTrue } from "./settings";

export const elasticacheEncryptedAtRest = defineResourcePolicy({
  name: "aws-elasticache-encrypted-at-rest",
  description: "ElastiCache Redis and Valkey caches encrypt their data at rest.",
  category: "storage",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `atRestEncryptionEnabled: true` on the replication group (and `kmsKeyId` for a customer managed key).",
    "Replace a standalone Redis/Valkey `aws.elasticache.Cluster` with an `aws.elasticache.ReplicationGroup`.",
    "Encryption at rest is set at creation: create an encrypted group and migrate (a backup restore) to it.",
  ],
  frameworks: [awsFsbp("ElastiCache.4")],
  types: [ELASTICACHE_REPLICATION_GROUP, ELASTICACHE_CLUSTER],
  check(r) {
    const scope = cacheEncryptionScope(r);
    if (scope === "inherited") return [];
    if (scope === "standalone-redis") {
      return [
        {
          message: `a standalone ${cacheEngine(r)} cluster cannot encrypt data at rest; create an aws.elasticache.ReplicationGroup with atRestEncryptionEnabled: true instead`,
        },
      ];
    }
    if (r.type === ELASTICACHE_CLUSTER) return []; // Memcached: nothing at rest.
    return requireTrue({
      field: "atRestEncryptionEnabled",
      value: r.props.atRestEncryptionEnabled,
      // Valkey groups encrypt at rest unless told otherwise; Redis (the default engine) does not.
      unset: cacheEngine(r) === "valkey" ? "secure" : "insecure",
      consequence: "cached data and backups are not encrypted at rest",
      fix: "set atRestEncryptionEnabled: true",
    });
  },
});
