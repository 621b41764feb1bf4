import { eksControlPlaneLogs } from "../../../../policies/aws/parity/eks/control-plane-logs";
import { eksSecretsEncryption } from "../../../../policies/aws/parity/eks/secrets-encryption";
import { dbAutoMinorVersionUpgrade } from "../../../../policies/aws/parity/rds/auto-minor-version-upgrade";
import { dbIamAuthentication } from "../../../../policies/aws/parity/rds/iam-authentication";
import { sfnLogging } from "../../../../policies/aws/parity/sfn/logging";
import { sfnTracing } from "../../../../policies/aws/parity/sfn/tracing";
import { describePolicyTable, unknown } from "../../harness";

const ALL = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
const KEY = "arn:aws:kms:us-east-1:1:key/k";

describePolicyTable(eksControlPlaneLogs, {
  base: { type: "aws:eks/cluster:Cluster", props: { roleArn: "r", enabledClusterLogTypes: ALL } },
  pass: [
    {
      name: "config asks for audit only",
      patch: { enabledClusterLogTypes: ["audit"] },
      options: { config: { requiredLogTypes: ["audit"] } },
    },
  ],
  fail: [
    {
      name: "no logs",
      patch: { enabledClusterLogTypes: undefined },
      expect: /lacks api, audit, authenticator, controllerManager, scheduler/,
      count: 1,
    },
    {
      name: "audit missing",
      patch: { enabledClusterLogTypes: ["api", "authenticator", "controllerManager", "scheduler"] },
      expect: /lacks audit,/,
    },
  ],
  unknown: [{ name: "list unknown", patch: { enabledClusterLogTypes: unknown } }],
});

describePolicyTable(eksSecretsEncryption, {
  base: {
    type: "aws:eks/cluster:Cluster",
    props: { roleArn: "r", encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } },
  },
  pass: [
    {
      name: "as a list",
      patch: { encryptionConfig: [{ resources: ["secrets"], provider: { keyArn: KEY } }] },
    },
  ],
  fail: [
    { name: "unset", patch: { encryptionConfig: undefined }, expect: /encryptionConfig is unset/, count: 1 },
    {
      name: "no key",
      patch: { encryptionConfig: { resources: ["secrets"], provider: {} } },
      expect: /does not cover "secrets"/,
    },
    {
      name: "other resources",
      patch: { encryptionConfig: { resources: [], provider: { keyArn: KEY } } },
      expect: /does not cover/,
    },
  ],
  unknown: [
    {
      name: "key unknown",
      patch: { encryptionConfig: { resources: ["secrets"], provider: { keyArn: unknown } } },
    },
  ],
});

describePolicyTable(sfnLogging, {
  base: {
    type: "aws:sfn/stateMachine:StateMachine",
    props: {
      roleArn: "r",
      definition: "{}",
      loggingConfiguration: { level: "ALL", logDestination: "arn:aws:logs:us-east-1:1:log-group:sfn:*" },
    },
  },
  pass: [
    {
      name: "with execution data",
      patch: {
        loggingConfiguration: { level: "ALL", includeExecutionData: true, logDestination: "arn:x:*" },
      },
    },
  ],
  fail: [
    { name: "unset", patch: { loggingConfiguration: undefined }, expect: /unset \(OFF\)/, count: 1 },
    {
      name: "ERROR only",
      patch: { loggingConfiguration: { level: "ERROR", logDestination: "arn:x:*" } },
      expect: /"ERROR"/,
      count: 1,
    },
    {
      name: "ALL without destination",
      patch: { loggingConfiguration: { level: "ALL" } },
      expect: /logDestination is unset/,
      count: 1,
    },
  ],
  unknown: [
    { name: "level unknown", patch: { loggingConfiguration: { level: unknown, logDestination: "a" } } },
  ],
});

describePolicyTable(sfnTracing, {
  base: {
    type: "aws:sfn/stateMachine:StateMachine",
    props: { roleArn: "r", definition: "{}", tracingConfiguration: { enabled: true } },
  },
  pass: [{ name: "string true", patch: { tracingConfiguration: { enabled: "true" } } }],
  fail: [
    {
      name: "unset",
      patch: { tracingConfiguration: undefined },
      expect: /tracingConfiguration.enabled is unset/,
      count: 1,
    },
    { name: "false", patch: { tracingConfiguration: { enabled: false } }, expect: /is false/ },
  ],
  unknown: [{ name: "unknown", patch: { tracingConfiguration: { enabled: unknown } } }],
});

describePolicyTable(dbAutoMinorVersionUpgrade, {
  base: { type: "aws:rds/instance:Instance", props: { engine: "postgres", instanceClass: "db.t4g.micro" } },
  pass: [
    { name: "explicit true", patch: { autoMinorVersionUpgrade: true } },
    {
      name: "redshift default",
      fixture: { type: "aws:redshift/cluster:Cluster", props: { clusterIdentifier: "c" } },
    },
  ],
  fail: [
    {
      name: "instance opts out",
      patch: { autoMinorVersionUpgrade: false },
      expect: /autoMinorVersionUpgrade is false/,
      count: 1,
    },
    {
      name: "neptune instance (string)",
      fixture: {
        type: "aws:neptune/clusterInstance:ClusterInstance",
        props: { clusterIdentifier: "c", autoMinorVersionUpgrade: "false" },
      },
      expect: /is "false"/,
    },
    {
      name: "docdb instance",
      fixture: {
        type: "aws:docdb/clusterInstance:ClusterInstance",
        props: { clusterIdentifier: "c", autoMinorVersionUpgrade: false },
      },
      expect: /security patches/,
    },
    {
      name: "redshift opts out",
      fixture: {
        type: "aws:redshift/cluster:Cluster",
        props: { clusterIdentifier: "c", allowVersionUpgrade: false },
      },
      expect: /allowVersionUpgrade is false/,
    },
  ],
  unknown: [{ name: "flag unknown", patch: { autoMinorVersionUpgrade: unknown } }],
});

describePolicyTable(dbIamAuthentication, {
  base: {
    type: "aws:rds/cluster:Cluster",
    props: { engine: "aurora-postgresql", iamDatabaseAuthenticationEnabled: true },
  },
  pass: [
    {
      name: "SQL Server has no IAM auth",
      fixture: { type: "aws:rds/instance:Instance", props: { engine: "sqlserver-ex" } },
    },
    { name: "string true", patch: { iamDatabaseAuthenticationEnabled: "true" } },
  ],
  fail: [
    {
      name: "aurora without",
      patch: { iamDatabaseAuthenticationEnabled: undefined },
      expect: /unset \(off\)/,
      count: 1,
    },
    {
      name: "mysql instance false",
      fixture: {
        type: "aws:rds/instance:Instance",
        props: { engine: "mysql", iamDatabaseAuthenticationEnabled: false },
      },
      expect: /is false/,
    },
    {
      name: "neptune cluster",
      fixture: { type: "aws:neptune/cluster:Cluster", props: {} },
      expect: /iamDatabaseAuthenticationEnabled/,
    },
  ],
  unknown: [{ name: "flag unknown", patch: { iamDatabaseAuthenticationEnabled: unknown } }],
});
