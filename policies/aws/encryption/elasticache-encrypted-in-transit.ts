/**
 * ElastiCache caches encrypt connections in transit (TLS). Unset is
 * plaintext; `transitEncryptionMode: "preferred"` still accepts plaintext
 * clients. A node-based Redis/Valkey cluster outside a replication group
 * cannot use TLS; Memcached clusters can (`transitEncryptionEnabled`).
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asString } from "../../lib/props";
import {
  ELASTICACHE_CLUSTER,
  ELASTICACHE_REPLICATION_GROUP,
  cacheEncryptionScope,
  cacheEngine,
} from "./elasticache";
import { requireTrue } from "./settings";

export const elasticacheEncryptedInTransit = defineResourcePolicy({
  name: "aws-elasticache-encrypted-in-transit",
  description: "ElastiCache caches require TLS for connections (encryption in transit).",
  category: "network",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `transitEncryptionEnabled: true` (with `transitEncryptionMode: "required"`, the default) and connect with TLS.',
    'To migrate a live group: set `transitEncryptionMode: "preferred"`, move clients to TLS, then set it to "required".',
    "Replace a standalone Redis/Valkey `aws.elasticache.Cluster` with an `aws.elasticache.ReplicationGroup`.",
  ],
  frameworks: [awsFsbp("ElastiCache.5")],
  types: [ELASTICACHE_REPLICATION_GROUP, ELASTICACHE_CLUSTER],
  check(r) {
    const scope = cacheEncryptionScope(r);
    if (scope === "inherited") return [];
    if (scope === "standalone-redis") {
      return [
        {
          message: `a standalone ${cacheEngine(r)} cluster cannot encrypt connections; create an aws.elasticache.ReplicationGroup with transitEncryptionEnabled: true instead`,
        },
      ];
    }
    const findings = requireTrue({
      field: "transitEncryptionEnabled",
      value: r.props.transitEncryptionEnabled,
      unset: "insecure",
      consequence: "clients connect in plaintext",
      fix: "set transitEncryptionEnabled: true and connect with TLS",
    });
    if (findings.length > 0 || r.type !== ELASTICACHE_REPLICATION_GROUP) return findings;
    const mode = asString(r.props.transitEncryptionMode);
    if (mode !== undefined && mode.trim().toLowerCase() === "preferred") {
      return [
        {
          message:
            'transitEncryptionMode is "preferred", so plaintext connections are still accepted; set transitEncryptionMode: "required" once clients use TLS',
        },
      ];
    }
    return [];
  },
});
