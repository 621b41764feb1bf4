import { elasticacheEncryptedAtRest } from "../../../../policies/aws/encryption/elasticache-encrypted-at-rest";
import { describePolicyTable, unknown } from "../../harness";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";

describePolicyTable(elasticacheEncryptedAtRest, {
  base: {
    type: RG,
    props: {
      description: "sessions",
      engine: "redis",
      nodeType: "cache.t4g.micro",
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
    },
  },
  pass: [
    { name: 'atRestEncryptionEnabled "true"', patch: { atRestEncryptionEnabled: "true" } },
    {
      name: "valkey encrypts at rest by default",
      patch: { engine: "valkey", atRestEncryptionEnabled: undefined },
    },
    {
      name: "a secondary group of a global datastore inherits from the primary",
      patch: { atRestEncryptionEnabled: undefined, globalReplicationGroupId: "ldgnf-sessions" },
    },
    {
      name: "a global datastore member whose id is unknown at preview",
      patch: { atRestEncryptionEnabled: undefined, globalReplicationGroupId: unknown },
    },
    {
      name: "a cluster inside a replication group inherits the group's setting",
      fixture: { type: CLUSTER, props: { clusterId: "c", replicationGroupId: "sessions" } },
    },
    {
      name: "memcached keeps nothing at rest",
      fixture: {
        type: CLUSTER,
        props: { clusterId: "c", engine: "memcached", nodeType: "cache.t4g.micro", numCacheNodes: 2 },
      },
    },
  ],
  fail: [
    {
      name: "redis with atRestEncryptionEnabled unset (false by default)",
      patch: { atRestEncryptionEnabled: undefined },
      expect:
        /atRestEncryptionEnabled is unset, so cached data and backups are not encrypted at rest; set atRestEncryptionEnabled: true/,
      count: 1,
    },
    {
      name: "engine unset (redis) and no setting",
      patch: { engine: undefined, atRestEncryptionEnabled: undefined },
      expect: /atRestEncryptionEnabled is unset/,
    },
    {
      name: "valkey turned off",
      patch: { engine: "valkey", atRestEncryptionEnabled: false },
      expect: /is false/,
    },
    { name: '"false" as a string', patch: { atRestEncryptionEnabled: "false" }, expect: /is "false"/ },
    {
      name: "a standalone redis cluster",
      fixture: {
        type: CLUSTER,
        props: { clusterId: "c", engine: "redis", nodeType: "cache.t4g.micro", numCacheNodes: 1 },
      },
      expect:
        /a standalone redis cluster cannot encrypt data at rest; create an aws\.elasticache\.ReplicationGroup/,
      count: 1,
    },
    {
      name: "a standalone valkey cluster",
      fixture: {
        type: CLUSTER,
        props: { clusterId: "c", engine: "Valkey", nodeType: "cache.t4g.micro", numCacheNodes: 1 },
      },
      expect: /standalone valkey cluster/,
    },
  ],
  unknown: [{ name: "atRestEncryptionEnabled unknown", patch: { atRestEncryptionEnabled: unknown } }],
});
