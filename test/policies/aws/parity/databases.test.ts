import { elasticacheAuth } from "../../../../policies/aws/parity/elasticache/auth";
import { elasticacheMultiAz } from "../../../../policies/aws/parity/elasticache/multi-az";
import { neptuneClusterMultiAz } from "../../../../policies/aws/parity/neptune/cluster-multi-az";
import { opensearchHighAvailability } from "../../../../policies/aws/parity/opensearch/high-availability";
import { dbClusterBackupRetention } from "../../../../policies/aws/parity/rds/cluster-backup-retention";
import { dataStoreLogsExported } from "../../../../policies/aws/parity/rds/logs-exported";
import { dbManagedMasterPassword } from "../../../../policies/aws/parity/rds/managed-master-password";
import { describePolicyTable, unknown, urnOf } from "../../harness";

describePolicyTable(dataStoreLogsExported, {
  base: {
    type: "aws:rds/cluster:Cluster",
    props: { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit", "error", "slowquery"] },
  },
  pass: [
    {
      name: "postgres instance",
      fixture: {
        type: "aws:rds/instance:Instance",
        props: { engine: "postgres", enabledCloudwatchLogsExports: ["postgresql"] },
      },
    },
    {
      name: "docdb",
      fixture: {
        type: "aws:docdb/cluster:Cluster",
        props: { enabledCloudwatchLogsExports: ["audit", "profiler"] },
      },
    },
    {
      name: "neptune",
      fixture: { type: "aws:neptune/cluster:Cluster", props: { enableCloudwatchLogsExports: ["audit"] } },
    },
    {
      name: "opensearch slow logs",
      fixture: {
        type: "aws:opensearch/domain:Domain",
        props: {
          logPublishingOptions: [
            { logType: "SEARCH_SLOW_LOGS", cloudwatchLogGroupArn: "g" },
            { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "g", enabled: true },
          ],
        },
      },
    },
    {
      name: "msk to firehose",
      fixture: {
        type: "aws:msk/cluster:Cluster",
        props: { loggingInfo: { brokerLogs: { firehose: { enabled: true, deliveryStream: "s" } } } },
      },
    },
  ],
  fail: [
    {
      name: "no exports",
      patch: { enabledCloudwatchLogsExports: undefined },
      expect: /lacks audit, error/,
      count: 1,
    },
    { name: "error only", patch: { enabledCloudwatchLogsExports: ["error"] }, expect: /lacks audit,/ },
    {
      name: "docdb without profiler",
      fixture: { type: "aws:docdb/cluster:Cluster", props: { enabledCloudwatchLogsExports: ["audit"] } },
      expect: /lacks profiler/,
    },
    {
      name: "neptune without",
      fixture: { type: "aws:neptune/cluster:Cluster", props: {} },
      expect: /enableCloudwatchLogsExports lacks audit/,
    },
    {
      name: "opensearch index slow log disabled",
      fixture: {
        type: "aws:elasticsearch/domain:Domain",
        props: {
          logPublishingOptions: [
            { logType: "SEARCH_SLOW_LOGS", cloudwatchLogGroupArn: "g" },
            { logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "g", enabled: false },
          ],
        },
      },
      expect: /logPublishingOptions lacks INDEX_SLOW_LOGS/,
    },
    {
      name: "msk without broker logs",
      fixture: { type: "aws:msk/cluster:Cluster", props: {} },
      expect: /brokerLogs has no destination/,
    },
  ],
  unknown: [{ name: "exports unknown", patch: { enabledCloudwatchLogsExports: unknown } }],
});

describePolicyTable(dbClusterBackupRetention, {
  base: { type: "aws:docdb/cluster:Cluster", props: { backupRetentionPeriod: 7 } },
  pass: [
    {
      name: "neptune 14 days",
      fixture: { type: "aws:neptune/cluster:Cluster", props: { backupRetentionPeriod: "14" } },
    },
  ],
  fail: [
    {
      name: "unset",
      patch: { backupRetentionPeriod: undefined },
      expect: /unset \(1 day\), below the 7 days/,
      count: 1,
    },
    { name: "3 days", patch: { backupRetentionPeriod: 3 }, expect: /backupRetentionPeriod is 3/ },
    { name: "config 14", patch: {}, options: { config: { minimumDays: 14 } }, expect: /below the 14 days/ },
  ],
  unknown: [{ name: "unknown", patch: { backupRetentionPeriod: unknown } }],
});

describePolicyTable(dbManagedMasterPassword, {
  base: {
    type: "aws:docdb/cluster:Cluster",
    props: { masterUsername: "admin", manageMasterUserPassword: true },
  },
  pass: [
    {
      name: "write-only password",
      patch: { manageMasterUserPassword: undefined, masterPasswordWo: "x", masterPasswordWoVersion: 1 },
    },
    {
      name: "RDS instance managed",
      fixture: { type: "aws:rds/instance:Instance", props: { manageMasterUserPassword: true } },
    },
  ],
  fail: [
    {
      name: "docdb password",
      patch: { manageMasterUserPassword: undefined, masterPassword: "hunter22" },
      expect: /masterPassword is set in the program/,
      count: 1,
    },
    {
      name: "RDS instance password",
      fixture: { type: "aws:rds/instance:Instance", props: { password: "p" } },
      expect: /password is set/,
    },
    {
      name: "Redshift password",
      fixture: { type: "aws:redshift/cluster:Cluster", props: { masterPassword: "p" } },
      expect: /manageMasterPassword/,
    },
  ],
  unknown: [{ name: "password unknown", patch: { masterPassword: unknown } }],
});

describePolicyTable(opensearchHighAvailability, {
  base: {
    type: "aws:opensearch/domain:Domain",
    props: {
      clusterConfig: { dedicatedMasterEnabled: true, dedicatedMasterCount: 3, zoneAwarenessEnabled: true },
    },
  },
  pass: [
    {
      name: "string booleans",
      patch: { clusterConfig: { dedicatedMasterEnabled: "true", zoneAwarenessEnabled: "true" } },
    },
  ],
  fail: [
    {
      name: "neither",
      patch: { clusterConfig: undefined },
      expect: /dedicatedMasterEnabled and clusterConfig.zoneAwarenessEnabled are not true/,
      count: 1,
    },
    {
      name: "no zone awareness",
      patch: { clusterConfig: { dedicatedMasterEnabled: true } },
      expect: /zoneAwarenessEnabled is not true/,
    },
  ],
  unknown: [{ name: "unknown", patch: { clusterConfig: unknown } }],
});

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
describePolicyTable(elasticacheMultiAz, {
  base: {
    type: RG,
    props: { description: "d", automaticFailoverEnabled: true, multiAzEnabled: true, numCacheClusters: 2 },
  },
  pass: [{ name: "memcached-like engine skipped", patch: { engine: "memcached", multiAzEnabled: false } }],
  fail: [
    {
      name: "defaults",
      patch: { automaticFailoverEnabled: undefined, multiAzEnabled: undefined },
      expect: /automaticFailoverEnabled and multiAzEnabled are not true/,
      count: 1,
    },
    {
      name: "valkey without multi-AZ",
      patch: { engine: "valkey", multiAzEnabled: false },
      expect: /multiAzEnabled is not true/,
    },
  ],
  unknown: [{ name: "unknown", patch: { multiAzEnabled: unknown } }],
});

describePolicyTable(elasticacheAuth, {
  base: { type: RG, props: { description: "d", transitEncryptionEnabled: true, userGroupIds: ["ug-1"] } },
  pass: [
    { name: "auth token", patch: { userGroupIds: undefined, authToken: "0123456789abcdef" } },
    { name: "write-only token", patch: { userGroupIds: undefined, authTokenWo: "0123456789abcdef" } },
  ],
  fail: [
    {
      name: "no auth",
      patch: { userGroupIds: undefined },
      expect: /neither authToken nor userGroupIds is set/,
      count: 1,
    },
    { name: "empty user groups", patch: { userGroupIds: [] }, expect: /neither/ },
  ],
  unknown: [{ name: "token unknown", patch: { userGroupIds: undefined, authToken: unknown } }],
});

const NC = "aws:neptune/cluster:Cluster";
const NI = "aws:neptune/clusterInstance:ClusterInstance";
describePolicyTable(neptuneClusterMultiAz, {
  base: [
    { type: NC, name: "graph", props: { clusterIdentifier: "graph" } },
    { type: NI, name: "graph-1", props: { clusterIdentifier: "graph" } },
    { type: NI, name: "graph-2", props: { clusterIdentifier: unknown }, dependencies: [urnOf(NC, "graph")] },
  ],
  pass: [
    {
      name: "three instances",
      stack: (b) => [...b, { type: NI, name: "graph-3", props: { clusterIdentifier: "graph" } }],
    },
  ],
  fail: [
    {
      name: "one instance",
      stack: (b) => [b[0], b[1]],
      expect: /cluster "graph" has 1 instance,/,
      urn: urnOf(NC, "graph"),
      count: 1,
    },
    {
      name: "instances of another cluster",
      stack: (b) => [b[0], { ...b[1], props: { clusterIdentifier: "other" } }],
      expect: /has 0 instances/,
    },
  ],
  unknown: [
    {
      name: "identifiers unknown",
      stack: (b) => [b[0], { ...b[1], props: { clusterIdentifier: unknown } }, { ...b[2], dependencies: [] }],
    },
  ],
});
