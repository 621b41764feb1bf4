import { emrAuthentication } from "../../../../policies/aws/parity/emr/authentication";
import { emrLogging } from "../../../../policies/aws/parity/emr/logging";
import { emrSecurityConfiguration } from "../../../../policies/aws/parity/emr/security-configuration";
import { glueSecurityConfiguration } from "../../../../policies/aws/parity/glue/security-configuration";
import { quicksightDataSourceSsl } from "../../../../policies/aws/parity/quicksight/data-source-ssl";
import { redshiftAuditLogging } from "../../../../policies/aws/parity/redshift/audit-logging";
import { redshiftNoDefaultAdmin } from "../../../../policies/aws/parity/redshift/no-default-admin";
import { redshiftRequireSsl } from "../../../../policies/aws/parity/redshift/require-ssl";
import { redshiftSnapshotRetention } from "../../../../policies/aws/parity/redshift/snapshot-retention";
import { describePolicyTable, unknown, urnOf } from "../../harness";

const RS = "aws:redshift/cluster:Cluster";
const PG = "aws:redshift/parameterGroup:ParameterGroup";
const group = (params: Record<string, string>) => ({
  type: PG,
  name: "wh-params",
  props: {
    name: "wh-params",
    family: "redshift-1.0",
    parameters: Object.entries(params).map(([name, value]) => ({ name, value })),
  },
});
const cluster = {
  type: RS,
  name: "wh",
  props: { clusterIdentifier: "wh", clusterParameterGroupName: "wh-params" },
};

describePolicyTable(redshiftRequireSsl, {
  base: [cluster, group({ require_ssl: "true" })],
  pass: [
    {
      name: "group by dependency",
      stack: (b) => [
        { ...b[0], props: { clusterParameterGroupName: unknown }, dependencies: [urnOf(PG, "wh-params")] },
        b[1],
      ],
    },
  ],
  fail: [
    {
      name: "default group",
      stack: () => [{ ...cluster, props: { clusterIdentifier: "wh" } }],
      expect: /uses the default parameter group/,
      urn: urnOf(RS, "wh"),
      count: 1,
    },
    {
      name: "require_ssl false",
      stack: (b) => [b[0], group({ require_ssl: "false" })],
      expect: /parameter group "wh-params" does not set require_ssl true/,
    },
    {
      name: "group without the parameter",
      stack: (b) => [b[0], group({})],
      expect: /does not set require_ssl/,
    },
  ],
  unknown: [
    {
      name: "group name unknown",
      stack: () => [{ ...cluster, props: { clusterParameterGroupName: unknown } }],
    },
  ],
});

const LOGGING = {
  type: "aws:redshift/logging:Logging",
  name: "wh-logs",
  props: {
    clusterIdentifier: "wh",
    logDestinationType: "cloudwatch",
    logExports: ["connectionlog", "userlog", "useractivitylog"],
  },
};
describePolicyTable(redshiftAuditLogging, {
  base: [cluster, group({ enable_user_activity_logging: "true" }), LOGGING],
  pass: [
    {
      name: "logging by dependency",
      stack: (b) => [
        b[0],
        b[1],
        { ...LOGGING, props: { clusterIdentifier: unknown }, dependencies: [urnOf(RS, "wh")] },
      ],
    },
  ],
  fail: [
    { name: "no Logging", stack: (b) => [b[0], b[1]], expect: /no aws.redshift.Logging names it/, count: 1 },
    {
      name: "no user activity logging",
      stack: (b) => [b[0], group({}), b[2]],
      expect: /does not set enable_user_activity_logging true/,
      count: 1,
    },
    {
      name: "default group, no logging",
      stack: () => [{ ...cluster, props: { clusterIdentifier: "wh" } }],
      expect: /names it and its parameter group/,
    },
  ],
  unknown: [
    {
      name: "Logging target unknown",
      stack: (b) => [b[0], b[1], { ...LOGGING, props: { clusterIdentifier: unknown } }],
    },
  ],
});

describePolicyTable(redshiftNoDefaultAdmin, {
  base: { type: RS, props: { clusterIdentifier: "wh", masterUsername: "warehouse_admin" } },
  pass: [{ name: "unset (snapshot restore)", patch: { masterUsername: undefined } }],
  fail: [
    {
      name: "awsuser",
      patch: { masterUsername: "awsuser" },
      expect: /"awsuser", the well-known default/,
      count: 1,
    },
    { name: "AWSUSER", patch: { masterUsername: "AWSUSER" }, expect: /well-known default/ },
  ],
  unknown: [{ name: "unknown", patch: { masterUsername: unknown } }],
});

describePolicyTable(redshiftSnapshotRetention, {
  base: { type: RS, props: { clusterIdentifier: "wh", automatedSnapshotRetentionPeriod: 7 } },
  pass: [{ name: "unset (1 day)", patch: { automatedSnapshotRetentionPeriod: undefined } }],
  fail: [
    {
      name: "zero",
      patch: { automatedSnapshotRetentionPeriod: 0 },
      expect: /automatedSnapshotRetentionPeriod is 0/,
      count: 1,
    },
    { name: "string zero", patch: { automatedSnapshotRetentionPeriod: "0" }, expect: /is 0/ },
  ],
  unknown: [{ name: "unknown", patch: { automatedSnapshotRetentionPeriod: unknown } }],
});

const EMR = "aws:emr/cluster:Cluster";
const SC = "aws:emr/securityConfiguration:SecurityConfiguration";
const GOOD_SC = {
  EncryptionConfiguration: {
    EnableAtRestEncryption: true,
    EnableInTransitEncryption: true,
    AtRestEncryptionConfiguration: {
      LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: "k" },
    },
    InTransitEncryptionConfiguration: {
      TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: "s3://b/c.zip" },
    },
  },
};

describePolicyTable(emrSecurityConfiguration, {
  base: { type: EMR, props: { releaseLabel: "emr-7.0.0", securityConfiguration: "sec" } },
  pass: [
    {
      name: "a good configuration (string)",
      fixture: { type: SC, props: { configuration: JSON.stringify(GOOD_SC) } },
    },
    { name: "a good configuration (object)", fixture: { type: SC, props: { configuration: GOOD_SC } } },
  ],
  fail: [
    {
      name: "cluster without one",
      patch: { securityConfiguration: undefined },
      expect: /securityConfiguration is unset/,
      count: 1,
    },
    {
      name: "no local disk encryption",
      fixture: {
        type: SC,
        props: {
          configuration: JSON.stringify({
            EncryptionConfiguration: {
              ...GOOD_SC.EncryptionConfiguration,
              AtRestEncryptionConfiguration: {},
            },
          }),
        },
      },
      expect: /LocalDiskEncryptionConfiguration/,
      count: 1,
    },
    {
      name: "no in-transit",
      fixture: {
        type: SC,
        props: {
          configuration: {
            EncryptionConfiguration: { ...GOOD_SC.EncryptionConfiguration, EnableInTransitEncryption: false },
          },
        },
      },
      expect: /EnableInTransitEncryption is not true/,
      count: 1,
    },
    { name: "invalid JSON", fixture: { type: SC, props: { configuration: "{" } }, expect: /not valid JSON/ },
  ],
  unknown: [{ name: "name unknown", patch: { securityConfiguration: unknown } }],
});

describePolicyTable(emrLogging, {
  base: { type: EMR, props: { logUri: "s3://logs/emr/" } },
  pass: [{ name: "with a log key", patch: { logEncryptionKmsKeyId: "k" } }],
  fail: [
    { name: "no logUri", patch: { logUri: undefined }, expect: /logUri is unset/, count: 1 },
    { name: "empty logUri", patch: { logUri: "" }, expect: /logUri is unset/ },
  ],
  unknown: [{ name: "unknown", patch: { logUri: unknown } }],
});

describePolicyTable(emrAuthentication, {
  base: { type: EMR, props: { kerberosAttributes: { realm: "EC2.INTERNAL", kdcAdminPassword: "x" } } },
  pass: [
    {
      name: "key pair",
      patch: { kerberosAttributes: undefined, ec2Attributes: { instanceProfile: "p", keyName: "ops" } },
    },
  ],
  fail: [
    {
      name: "neither",
      patch: { kerberosAttributes: undefined, ec2Attributes: { instanceProfile: "p" } },
      expect: /neither kerberosAttributes nor ec2Attributes.keyName/,
      count: 1,
    },
    { name: "no ec2Attributes at all", patch: { kerberosAttributes: undefined }, expect: /neither/ },
  ],
  unknown: [
    {
      name: "key unknown",
      patch: { kerberosAttributes: undefined, ec2Attributes: { instanceProfile: "p", keyName: unknown } },
    },
  ],
});

const GSC = "aws:glue/securityConfiguration:SecurityConfiguration";
const GOOD_GLUE = {
  cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: "k" },
  jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: "k" },
  s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: "k" },
};
describePolicyTable(glueSecurityConfiguration, {
  base: { type: GSC, props: { name: "sec", encryptionConfiguration: GOOD_GLUE } },
  pass: [
    {
      name: "job with one",
      fixture: {
        type: "aws:glue/job:Job",
        props: { roleArn: "r", command: { scriptLocation: "s3://x" }, securityConfiguration: "sec" },
      },
    },
  ],
  fail: [
    {
      name: "logs not encrypted",
      patch: {
        encryptionConfiguration: {
          ...GOOD_GLUE,
          cloudwatchEncryption: { cloudwatchEncryptionMode: "DISABLED" },
        },
      },
      expect: /cloudwatchEncryptionMode is "DISABLED"/,
      count: 1,
    },
    {
      name: "bookmarks not encrypted",
      patch: { encryptionConfiguration: { ...GOOD_GLUE, jobBookmarksEncryption: undefined } },
      expect: /jobBookmarksEncryptionMode is unset/,
      count: 1,
    },
    {
      name: "crawler without one",
      fixture: { type: "aws:glue/crawler:Crawler", props: { databaseName: "d", role: "r" } },
      expect: /securityConfiguration is unset/,
    },
  ],
  unknown: [
    {
      name: "mode unknown",
      patch: {
        encryptionConfiguration: {
          ...GOOD_GLUE,
          cloudwatchEncryption: { cloudwatchEncryptionMode: unknown },
        },
      },
    },
  ],
});

describePolicyTable(quicksightDataSourceSsl, {
  base: {
    type: "aws:quicksight/dataSource:DataSource",
    props: { dataSourceId: "d", name: "d", type: "POSTGRESQL" },
  },
  pass: [{ name: "explicit false", patch: { sslProperties: { disableSsl: false } } }],
  fail: [
    {
      name: "disabled",
      patch: { sslProperties: { disableSsl: true } },
      expect: /disableSsl is true/,
      count: 1,
    },
    { name: "disabled (string)", patch: { sslProperties: { disableSsl: "true" } }, expect: /"true"/ },
  ],
  unknown: [{ name: "unknown", patch: { sslProperties: { disableSsl: unknown } } }],
});
