import { athenaEncrypted } from "../../../../policies/aws/parity/athena/encrypted";
import { ec2DetailedMonitoring } from "../../../../policies/aws/parity/ec2/detailed-monitoring";
import { launchConfigurationNotUsed } from "../../../../policies/aws/parity/ec2/launch-configuration-not-used";
import { ec2TerminationProtection } from "../../../../policies/aws/parity/ec2/termination-protection";
import { efsRegional } from "../../../../policies/aws/parity/efs/regional";
import { elbClassicNotForHttp } from "../../../../policies/aws/parity/elb/classic-not-for-http";
import { elbClassicResilience } from "../../../../policies/aws/parity/elb/classic-resilience";
import { rdsPerformanceInsights } from "../../../../policies/aws/parity/rds/performance-insights";
import { describePolicyTable, unknown } from "../../harness";

const INSTANCE = "aws:ec2/instance:Instance";
const ELB = "aws:elb/loadBalancer:LoadBalancer";
const HC = { target: "HTTP:80/health", interval: 30, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 2 };
const LISTENER = {
  instancePort: 443,
  instanceProtocol: "ssl",
  lbPort: 443,
  lbProtocol: "ssl",
  sslCertificateId: "c",
};

describePolicyTable(ec2DetailedMonitoring, {
  base: { type: INSTANCE, props: { ami: "a", instanceType: "t3.micro", monitoring: true } },
  pass: [
    {
      name: "template enabled",
      fixture: { type: "aws:ec2/launchTemplate:LaunchTemplate", props: { monitoring: { enabled: "true" } } },
    },
    {
      name: "configuration default",
      fixture: {
        type: "aws:ec2/launchConfiguration:LaunchConfiguration",
        props: { imageId: "a", instanceType: "t3.micro" },
      },
    },
  ],
  fail: [
    {
      name: "instance default",
      patch: { monitoring: undefined },
      expect: /monitoring is unset \(five-minute metrics\)/,
      count: 1,
    },
    {
      name: "template without",
      fixture: { type: "aws:ec2/launchTemplate:LaunchTemplate", props: {} },
      expect: /monitoring.enabled is unset/,
    },
    {
      name: "configuration off",
      fixture: {
        type: "aws:ec2/launchConfiguration:LaunchConfiguration",
        props: { imageId: "a", instanceType: "t3.micro", enableMonitoring: false },
      },
      expect: /enableMonitoring is false/,
    },
  ],
  unknown: [{ name: "unknown", patch: { monitoring: unknown } }],
});

describePolicyTable(ec2TerminationProtection, {
  base: { type: INSTANCE, props: { ami: "a", instanceType: "t3.micro", disableApiTermination: true } },
  pass: [{ name: "string true", patch: { disableApiTermination: "true" } }],
  fail: [
    {
      name: "unset",
      patch: { disableApiTermination: undefined },
      expect: /disableApiTermination is unset/,
      count: 1,
    },
    { name: "false", patch: { disableApiTermination: false }, expect: /is false/ },
  ],
  unknown: [{ name: "unknown", patch: { disableApiTermination: unknown } }],
});

const LC = {
  type: "aws:ec2/launchConfiguration:LaunchConfiguration",
  props: { imageId: "a", instanceType: "t3.micro" },
};
describePolicyTable(launchConfigurationNotUsed, {
  base: { type: "aws:ec2/launchTemplate:LaunchTemplate", props: { imageId: "a" } },
  pass: [{ name: "a template with monitoring", patch: { monitoring: { enabled: true } } }],
  fail: [
    { name: "a launch configuration", fixture: LC, expect: /deprecated/, count: 1 },
    {
      name: "one with encrypted devices still",
      fixture: { ...LC, props: { ...LC.props, rootBlockDevice: { encrypted: true } } },
      expect: /LaunchTemplate/,
    },
  ],
  unknown: [{ name: "template image unknown", patch: { imageId: unknown } }],
});

describePolicyTable(elbClassicResilience, {
  base: {
    type: ELB,
    props: { subnets: ["a", "b"], healthCheck: HC, connectionDraining: true, listeners: [LISTENER] },
  },
  pass: [
    {
      name: "zones instead of subnets",
      patch: { subnets: undefined, availabilityZones: ["us-east-1a", "us-east-1b"] },
    },
  ],
  fail: [
    { name: "no health check", patch: { healthCheck: undefined }, expect: /healthCheck is unset/, count: 1 },
    { name: "one subnet", patch: { subnets: ["a"] }, expect: /it spans 1 zone;/ },
    {
      name: "no draining",
      patch: { connectionDraining: undefined },
      expect: /connectionDraining is not true/,
    },
    {
      name: "cross-zone off",
      patch: { crossZoneLoadBalancing: "false" },
      expect: /crossZoneLoadBalancing is false/,
    },
  ],
  unknown: [{ name: "health check unknown", patch: { healthCheck: unknown } }],
});

describePolicyTable(elbClassicNotForHttp, {
  base: { type: ELB, props: { listeners: [LISTENER] } },
  pass: [{ name: "tcp", patch: { listeners: [{ ...LISTENER, lbProtocol: "tcp" }] } }],
  fail: [
    {
      name: "https",
      patch: { listeners: [LISTENER, { ...LISTENER, lbProtocol: "https" }] },
      expect: /listeners\[1\] serves HTTPS/,
      count: 1,
    },
    {
      name: "http single listener object",
      patch: { listeners: { ...LISTENER, lbProtocol: "http" } },
      expect: /serves HTTP from/,
    },
  ],
  unknown: [{ name: "listeners unknown", patch: { listeners: unknown } }],
});

describePolicyTable(efsRegional, {
  base: { type: "aws:efs/fileSystem:FileSystem", props: { encrypted: true } },
  pass: [{ name: "empty zone", patch: { availabilityZoneName: "" } }],
  fail: [
    {
      name: "one zone",
      patch: { availabilityZoneName: "us-east-1a" },
      expect: /"us-east-1a", so the file system lives in one zone/,
      count: 1,
    },
    {
      name: "one zone with a CMK",
      patch: { availabilityZoneName: "eu-west-1b", kmsKeyId: "k" },
      expect: /"eu-west-1b"/,
    },
  ],
  unknown: [{ name: "zone unknown", patch: { availabilityZoneName: unknown } }],
});

describePolicyTable(rdsPerformanceInsights, {
  base: {
    type: "aws:rds/instance:Instance",
    props: { engine: "postgres", performanceInsightsEnabled: true },
  },
  pass: [
    {
      name: "cluster instance",
      fixture: {
        type: "aws:rds/clusterInstance:ClusterInstance",
        props: { clusterIdentifier: "c", performanceInsightsEnabled: "true" },
      },
    },
  ],
  fail: [
    { name: "unset", patch: { performanceInsightsEnabled: undefined }, expect: /unset/, count: 1 },
    { name: "false", patch: { performanceInsightsEnabled: false }, expect: /is false/ },
  ],
  unknown: [{ name: "unknown", patch: { performanceInsightsEnabled: unknown } }],
});

describePolicyTable(athenaEncrypted, {
  base: {
    type: "aws:athena/workgroup:Workgroup",
    props: {
      name: "w",
      configuration: {
        enforceWorkgroupConfiguration: true,
        resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: "k" } },
      },
    },
  },
  pass: [
    {
      name: "managed query results",
      patch: { configuration: { managedQueryResultsConfiguration: { enabled: true } } },
    },
    {
      name: "database encrypted",
      fixture: {
        type: "aws:athena/database:Database",
        props: { name: "d", bucket: "b", encryptionConfiguration: { encryptionOption: "SSE_S3" } },
      },
    },
  ],
  fail: [
    {
      name: "no configuration",
      patch: { configuration: undefined },
      expect: /encryptionConfiguration is unset/,
      count: 1,
    },
    {
      name: "not enforced",
      patch: {
        configuration: {
          enforceWorkgroupConfiguration: false,
          resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_S3" } },
        },
      },
      expect: /enforceWorkgroupConfiguration is false/,
      count: 1,
    },
    {
      name: "database unencrypted",
      fixture: { type: "aws:athena/database:Database", props: { name: "d", bucket: "b" } },
      expect: /query results are written unencrypted/,
    },
  ],
  unknown: [{ name: "configuration unknown", patch: { configuration: unknown } }],
});
