import { elasticacheEncryptedInTransit } from "../../../../policies/aws/encryption/elasticache-encrypted-in-transit";
import { describePolicyTable, unknown } from "../../harness";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";

describePolicyTable(elasticacheEncryptedInTransit, {
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
    { name: "mode required", patch: { transitEncryptionMode: "required" } },
    { name: 'transitEncryptionEnabled "true"', patch: { transitEncryptionEnabled: "true" } },
    {
      name: "a secondary group of a global datastore inherits",
      patch: { transitEncryptionEnabled: undefined, globalReplicationGroupId: "ldgnf-sessions" },
    },
    {
      name: "a cluster inside a replication group",
      fixture: { type: CLUSTER, props: { clusterId: "c", replicationGroupId: "sessions" } },
    },
    {
      name: "memcached with TLS",
      fixture: {
        type: CLUSTER,
        props: {
          clusterId: "c",
          engine: "memcached",
          nodeType: "cache.t4g.micro",
          numCacheNodes: 2,
          transitEncryptionEnabled: true,
        },
      },
    },
  ],
  fail: [
    {
      name: "transitEncryptionEnabled unset",
      patch: { transitEncryptionEnabled: undefined },
      expect:
        /transitEncryptionEnabled is unset, so clients connect in plaintext; set transitEncryptionEnabled: true/,
      count: 1,
    },
    {
      name: "transitEncryptionEnabled false",
      patch: { transitEncryptionEnabled: false },
      expect: /is false/,
    },
    {
      name: "mode preferred still accepts plaintext",
      patch: { transitEncryptionMode: "preferred" },
      expect: /transitEncryptionMode is "preferred", so plaintext connections are still accepted/,
      count: 1,
    },
    {
      name: "memcached without TLS",
      fixture: {
        type: CLUSTER,
        props: { clusterId: "c", engine: "memcached", nodeType: "cache.t4g.micro", numCacheNodes: 2 },
      },
      expect: /transitEncryptionEnabled is unset/,
    },
    {
      name: "a standalone redis cluster",
      fixture: {
        type: CLUSTER,
        props: { clusterId: "c", engine: "redis", nodeType: "cache.t4g.micro", numCacheNodes: 1 },
      },
      expect: /standalone redis cluster cannot encrypt connections/,
    },
  ],
  unknown: [
    { name: "transitEncryptionEnabled unknown", patch: { transitEncryptionEnabled: unknown } },
    { name: "mode unknown", patch: { transitEncryptionMode: unknown } },
  ],
});
